/**
 * The privacy-statement generator in the REST API (registered inside /api/v1, so the bearer
 * token hook applies): read and replace the organisation's answers, and download the statement
 * generated from them in any of the generator's languages and formats. The answers are the
 * same JSON as the CLI's answers file and the page's JSON box; every read, change and download
 * is in the audit log, like on the page.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { audit } from '../audit/audit.js';
import {
  GENERATOR_LANGS,
  StatementAnswersSchema,
  generateStatement,
  renderStatement,
  STATEMENT_MEDIA_TYPES,
  validateAnswers,
  type FieldError,
  type StatementDocument,
} from './generator/index.js';
import { apiActor, tokenOf } from '../web/api-auth.js';
import { ErrorResponse, errors } from '../web/api.js';
import { HttpError } from '../web/errors.js';
import { loadStatementAnswers, saveStatementAnswers, type StoredAnswers } from './data.js';

const TAGS = ['api'];
const ANSWERS_PATH = '/api/v1/privacy-statement/answers';
/** About the page's JSON box (64,000 characters); a real answers file is a few KB. */
const ANSWERS_BODY_LIMIT = 64_000;
/** How many problems a 400 or 409 message spells out; the `problems` list has them all. */
const PROBLEMS_IN_MESSAGE = 3;

const ProblemSchema = Type.Object({
  field: Type.String({ description: 'Path within the answers, e.g. controller.email or activities[1].legalBasis' }),
  message: Type.String(),
});

const AnswersResponse = Type.Object({
  answers: Type.Unknown({ description: 'The saved answers, as sent to PUT (see its request body for the shape)' }),
  updatedAt: Type.String({ format: 'date-time' }),
  valid: Type.Boolean({ description: 'false when answers saved earlier fail rules added since; the statement cannot be generated until they are corrected' }),
  problems: Type.Array(ProblemSchema, { description: 'Why the saved answers are not valid; empty when valid' }),
});

const AnswersErrorResponse = Type.Object(
  {
    error: Type.Object({
      ...ErrorResponse.properties.error.properties,
      // Optional: a body that is not JSON at all (or holds a NUL) is refused before the answers are read.
      problems: Type.Optional(Type.Array(ProblemSchema, { description: 'Every problem in the answers (at most 50)' })),
    }),
  },
  { description: 'The answers were refused; nothing was saved' },
);

const StatementQuery = Type.Object({
  lang: Type.Optional(Type.Enum([...GENERATOR_LANGS], { description: 'Language of the statement; default from Accept-Language, else en' })),
  format: Type.Optional(Type.Enum(['markdown', 'html', 'text', 'json'], { description: 'markdown (default), html (a standalone page), text, or json (the document tree, with warnings)' })),
});
type StatementFormat = 'markdown' | 'html' | 'text' | 'json';

const StatementDocumentSchema = Type.Object(
  {
    lang: Type.String(),
    title: Type.String(),
    lastUpdated: Type.String({ description: 'The version date from the answers (YYYY-MM-DD)' }),
    intro: Type.Array(Type.Unknown()),
    sections: Type.Array(Type.Unknown(), { description: 'Sections of paragraphs and lists; processing has one subsection per activity' }),
    warnings: Type.Array(ProblemSchema, { description: 'Things to look at, e.g. a free text only given in another language' }),
  },
  { description: 'The generated statement as a document tree' },
);

const CONTENT_TYPES: Record<StatementFormat, string> = {
  markdown: STATEMENT_MEDIA_TYPES.markdown.type,
  html: STATEMENT_MEDIA_TYPES.html.type,
  text: STATEMENT_MEDIA_TYPES.text.type,
  json: 'application/json; charset=utf-8',
};

const textContent = (description: string) => ({ schema: Type.String({ description }) });

/** A problem's field as the request field at fault; validateAnswers calls the whole value "(answers)". */
const bodyField = (field: string): string => (field === '(answers)' ? 'body' : `body.${field}`);

function listProblems(problems: readonly FieldError[], fieldName: (field: string) => string = (field) => field): string {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((problem) => `${fieldName(problem.field)}: ${problem.message}`);
  const more = problems.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more, see problems)` : '');
}

function answersView(stored: Pick<StoredAnswers, 'raw' | 'validation' | 'updatedAt'>) {
  return {
    answers: stored.raw,
    updatedAt: stored.updatedAt,
    valid: stored.validation.ok,
    problems: stored.validation.ok ? [] : stored.validation.errors,
  };
}

const noneSaved = (): HttpError =>
  new HttpError(404, 'error.notFound', `this organisation has saved no privacy-statement answers yet; PUT them to ${ANSWERS_PATH}`);

export const apiPrivacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '/privacy-statement/answers',
    {
      schema: {
        tags: TAGS,
        summary: "Your organisation's privacy-statement answers",
        description: 'Also says whether they still pass validation (rules can tighten between versions) and, if not, which fields to correct.',
        response: { 200: AnswersResponse, ...errors(401, 404) },
      },
    },
    async (request) => {
      const orgId = tokenOf(request).org_id;
      const stored = await loadStatementAnswers(db, orgId);
      if (!stored) throw noneSaved();
      await audit(db, apiActor(request), { orgId, action: 'view', recordType: 'privacy_statement_answers', recordId: orgId });
      return answersView(stored);
    },
  );

  app.put(
    '/privacy-statement/answers',
    {
      schema: {
        tags: TAGS,
        summary: 'Save (replace) the privacy-statement answers',
        description:
          'The body is the answers file of `weerbaar privacy-statement` (print an example with `weerbaar privacy-statement --example`). ' +
          'A refused body answers 400 with every problem, each naming its field as a path such as controller.email or activities[1].legalBasis; nothing is saved then.',
        // Documents the shape in OpenAPI only: the validatorCompiler below keeps Fastify from checking it.
        body: StatementAnswersSchema,
        response: { 200: AnswersResponse, 400: AnswersErrorResponse, ...errors(401, 413) },
      },
      // The body is checked by validateAnswers, not by Fastify's ajv: that one coerces types
      // (coerceTypes 'array' would quietly turn "name" into ["name"] before we look) and names
      // fields as JSON pointers, while validateAnswers gives the same paths and messages as the
      // CLI and the page, plus the rules between fields a JSON schema cannot express.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      bodyLimit: ANSWERS_BODY_LIMIT,
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const orgId = token.org_id;
      const input: unknown = request.body;
      const result = validateAnswers(input);
      if (!result.ok) {
        const field = bodyField(result.errors[0]?.field ?? '(answers)');
        const message = `the answers were not saved: ${listProblems(result.errors, bodyField)}`;
        return reply.status(400).send({ error: { status: 400, message, field, problems: result.errors } });
      }
      const { updatedAt, created } = await saveStatementAnswers(db, orgId, result.answers, token.id);
      await audit(db, apiActor(request), {
        orgId,
        action: created ? 'create' : 'update',
        recordType: 'privacy_statement_answers',
        recordId: orgId,
        detail: { via: 'api', activities: result.answers.activities.length, languages: result.answers.languages ?? [] },
      });
      return answersView({ raw: result.answers, validation: result, updatedAt });
    },
  );

  app.get(
    '/privacy-statement',
    {
      schema: {
        tags: TAGS,
        summary: 'The privacy statement generated from the saved answers',
        description: 'In markdown, html (a whole page), plain text, or json (the document tree, including warnings about the answers). 409 when the saved answers no longer pass validation.',
        querystring: StatementQuery,
        response: {
          200: {
            description: 'The statement, in the requested format',
            content: {
              'text/markdown': textContent('format=markdown'),
              'text/html': textContent('format=html: a standalone HTML document'),
              'text/plain': textContent('format=text'),
              'application/json': { schema: StatementDocumentSchema },
            },
          },
          ...errors(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const orgId = tokenOf(request).org_id;
      const stored = await loadStatementAnswers(db, orgId);
      if (!stored) throw noneSaved();
      if (!stored.validation.ok) {
        throw new HttpError(
          409,
          'privacyStatement.storedInvalid',
          `the saved answers no longer pass validation, so no statement can be generated: ${listProblems(stored.validation.errors)}; correct them with PUT ${ANSWERS_PATH}`,
        );
      }
      const lang = request.query.lang ?? request.lang;
      const format: StatementFormat = request.query.format ?? 'markdown';
      const doc: StatementDocument = generateStatement(stored.validation.answers, lang);
      await audit(db, apiActor(request), { orgId, action: 'export', recordType: 'privacy_statement', recordId: orgId, detail: { lang, format } });
      reply.header('content-type', CONTENT_TYPES[format]);
      if (format === 'json') return reply.send(doc);
      return reply.send(renderStatement(doc, format, { standalone: true }));
    },
  );
  await Promise.resolve();
};
