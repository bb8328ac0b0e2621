/**
 * The answers a privacy statement is generated from, as a TypeBox schema (so a web route can
 * validate a request body and document it in OpenAPI with the same declaration) and the
 * TypeScript types derived from it. `validateAnswers` adds the rules a JSON schema cannot say
 * well (a custom purpose needs a title, a legitimate interest must be described, a transfer
 * goes to a country outside the EEA) and names the field of every problem.
 *
 * Free texts (`FreeText`) are either one string, used in every language, or an object with a
 * text per language ({ "en": "...", "nl": "..." }); the generator falls back to another
 * language when the one asked for is missing and says so in the document's warnings.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  DATA_CATEGORY_IDS,
  EEA_COUNTRIES,
  GENERATOR_LANGS,
  LEGAL_BASES,
  PURPOSE_IDS,
  RECIPIENT_CATEGORY_IDS,
  RETENTION_EVENTS,
  RETENTION_UNTIL_EVENTS,
  TRANSFER_SAFEGUARDS,
} from './ids.js';
import { checkSemantics } from './answers-rules.js';
import { schemaErrors } from './schema-errors.js';

/** A simple e-mail shape: something@domain.tld, no spaces, no characters that break a mailto link. */
const EMAIL_PATTERN = '^[^\\s@<>()\\[\\]\\\\,;:"]+@[^\\s@<>()\\[\\]\\\\,;:"]+\\.[^\\s@<>()\\[\\]\\\\,;:".]{2,}$';
const PHONE_PATTERN = '^\\+?[0-9][0-9 ()./-]{4,38}[0-9]$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
/** A name or an address: one line (a web form's input would silently join the lines). */
const Line = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[^\\r\\n]*$', errorMessage: 'must be one line', ...(description ? { description } : {}) });
const Email = (description: string) => Type.String({ maxLength: 254, pattern: EMAIL_PATTERN, errorMessage: 'must be an e-mail address such as privacy@shop.example', description });
const Url = (description: string) => Type.String({ maxLength: 300, pattern: '^https?://[^\\s<>"]+$', errorMessage: 'must be a web address starting with https:// or http://', description });
const Phone = Type.String({ maxLength: 40, pattern: PHONE_PATTERN, errorMessage: 'must be a phone number of digits, spaces and + ( ) - . /', description: 'Phone number, e.g. +31 20 123 4567' });
const Enum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Enum([...values] as T[number][], description ? { description } : {});
const List = <T extends TSchema>(items: T, maxItems: number, minItems = 0) => Type.Array(items, { maxItems, minItems, uniqueItems: true });

/** One text for every language, or a text per language. */
export const FreeTextSchema = (maxLength: number, description: string) =>
  Type.Union(
    [
      Text(maxLength),
      Type.Object(
        {
          en: Type.Optional(Text(maxLength)),
          nl: Type.Optional(Text(maxLength)),
          sv: Type.Optional(Text(maxLength)),
          de: Type.Optional(Text(maxLength)),
          fr: Type.Optional(Text(maxLength)),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
    ],
    { description, errorMessage: 'must be a text, or an object with a text per language (en, nl, sv, de, fr)' },
  );

export const ControllerSchema = Type.Object(
  {
    name: Line(200, 'Legal name of the shop or company'),
    address: Line(300, 'Postal address on one line: street and number, postal code and town'),
    country: Enum(EEA_COUNTRIES, 'Country of establishment (ISO 3166-1 alpha-2, EU/EEA); decides the supervisory authority named'),
    email: Email('Where people send privacy questions and requests'),
    phone: Type.Optional(Phone),
    website: Type.Optional(Url('The shop\'s website, https://...')),
    registrationNumber: Type.Optional(Line(60, 'Trade register number (e.g. KvK, organisationsnummer, Handelsregister)')),
  },
  { additionalProperties: false },
);

export const DpoSchema = Type.Object(
  {
    name: Type.Optional(Line(200, 'Name of the data protection officer (optional; a role address is enough)')),
    email: Email('Data protection officer\'s e-mail address'),
    phone: Type.Optional(Phone),
  },
  { additionalProperties: false },
);

export const RetentionSchema = Type.Object(
  {
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 1200, description: 'Keep the data this many months ...' })),
    from: Type.Optional(Enum(RETENTION_EVENTS, '... counted from this moment (default: collection)')),
    until: Type.Optional(Enum(RETENTION_UNTIL_EVENTS, 'Or: keep the data until this moment')),
    criterion: Type.Optional(FreeTextSchema(500, 'Or, or in addition: how the period is decided, in your own words')),
  },
  { additionalProperties: false, description: 'Give months (with from), or until, or a criterion' },
);

export const ActivitySchema = Type.Object(
  {
    purpose: Enum(PURPOSE_IDS, 'Why the data are used; custom needs title and description'),
    title: Type.Optional(FreeTextSchema(120, 'Heading for a custom purpose (or to rename a predefined one)')),
    description: Type.Optional(FreeTextSchema(1000, 'What the data are used for (custom purpose), or extra explanation for a predefined one')),
    dataCategories: List(Enum(DATA_CATEGORY_IDS), 20),
    otherData: Type.Optional(FreeTextSchema(500, 'Other data used for this purpose, in your own words')),
    legalBasis: Enum(LEGAL_BASES, 'GDPR art. 6(1) basis'),
    legitimateInterest: Type.Optional(FreeTextSchema(500, 'The legitimate interest, as a phrase that follows "Our legitimate interest is", e.g. "to protect our shop against fraud"')),
    retention: RetentionSchema,
  },
  { additionalProperties: false },
);

export const NamedRecipientSchema = Type.Object(
  {
    name: Line(200, 'Name of the recipient, e.g. the payment provider'),
    purpose: FreeTextSchema(300, 'What the recipient does with the data'),
  },
  { additionalProperties: false },
);

export const TransferSchema = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$', errorMessage: 'must be a country code of two capital letters, such as US', description: 'Destination outside the EEA (ISO 3166-1 alpha-2)' }),
    recipient: Type.Optional(Line(200, 'Who receives the data there')),
    safeguard: Enum(TRANSFER_SAFEGUARDS, 'Adequacy decision, standard contractual clauses, binding corporate rules, or an art. 49 derogation'),
  },
  { additionalProperties: false },
);

export const AutomatedDecisionsSchema = Type.Object(
  {
    description: FreeTextSchema(1000, 'Which decision is made automatically'),
    logic: FreeTextSchema(1000, 'How it works, in plain words'),
    consequences: FreeTextSchema(1000, 'What it can mean for the person'),
  },
  { additionalProperties: false },
);

export const StatementAnswersSchema = Type.Object(
  {
    controller: ControllerSchema,
    dpo: Type.Optional(DpoSchema),
    supervisoryAuthority: Type.Optional(
      Type.Object(
        { name: Line(200, 'Name of the authority'), website: Type.Optional(Url('Its website')) },
        { additionalProperties: false, description: 'Name a different authority than the national one (e.g. a German federal state authority)' },
      ),
    ),
    activities: Type.Array(ActivitySchema, { minItems: 1, maxItems: 30 }),
    recipients: Type.Object(
      {
        categories: List(Enum(RECIPIENT_CATEGORY_IDS), RECIPIENT_CATEGORY_IDS.length),
        named: Type.Optional(Type.Array(NamedRecipientSchema, { maxItems: 30 })),
      },
      { additionalProperties: false },
    ),
    transfers: Type.Array(TransferSchema, { maxItems: 30, description: 'Transfers outside the EEA; empty when there are none' }),
    automatedDecisions: Type.Optional(AutomatedDecisionsSchema),
    provision: Type.Optional(
      Type.Object(
        {
          requiredData: Type.Optional(List(Enum(DATA_CATEGORY_IDS), 20)),
          consequence: Type.Optional(FreeTextSchema(300, 'What happens when they are not given, as a phrase after "If you do not provide them,"')),
        },
        { additionalProperties: false, description: 'Which data are needed for the contract (default: those of the contract-based activities)' },
      ),
    ),
    breachPolicy: Type.Object(
      {
        include: Type.Boolean({ description: 'Say how data breaches are handled' }),
        contactEmail: Type.Optional(Email('Where people report a suspected breach')),
      },
      { additionalProperties: false },
    ),
    lastUpdated: Type.String({ pattern: DATE_PATTERN, errorMessage: 'must be a date such as 2025-03-01', description: 'Date of this version (YYYY-MM-DD)' }),
    languages: Type.Optional(List(Enum(GENERATOR_LANGS), GENERATOR_LANGS.length, 1)),
  },
  { additionalProperties: false },
);

export type FreeText = Static<ReturnType<typeof FreeTextSchema>>;
export type StatementAnswers = Static<typeof StatementAnswersSchema>;
export type ControllerAnswers = StatementAnswers['controller'];
export type ActivityAnswers = StatementAnswers['activities'][number];
export type RetentionAnswers = ActivityAnswers['retention'];
export type TransferAnswers = StatementAnswers['transfers'][number];

export interface FieldError {
  /** The field at fault, e.g. `controller.email` or `activities[2].legalBasis`. */
  field: string;
  message: string;
}
export type AnswersValidation = { ok: true; answers: StatementAnswers } | { ok: false; errors: FieldError[] };

/** At most this many problems are listed; a file with more has a bigger problem than its details. */
const MAX_ERRORS = 50;

/**
 * Check untrusted input (parsed JSON, a form body). Shape errors come first; the rules between
 * fields are checked once the shape is right, so every message is about a value that exists.
 */
export function validateAnswers(input: unknown): AnswersValidation {
  const oversized = sizeProblem(input);
  if (oversized) return { ok: false, errors: [oversized] };
  const shape = schemaErrors(StatementAnswersSchema, input);
  if (shape.length > 0) return { ok: false, errors: shape.slice(0, MAX_ERRORS) };
  // The messages above come from a bounded list of raw errors; validity is decided in full.
  if (!Value.Check(StatementAnswersSchema, input)) return { ok: false, errors: [{ field: '(answers)', message: 'does not have the shape of an answers file' }] };
  const answers = input;
  const rules = checkSemantics(answers);
  return rules.length > 0 ? { ok: false, errors: rules.slice(0, MAX_ERRORS) } : { ok: true, answers };
}

/** Far beyond any real answers file (the longest list allows 30 items, the deepest path is 6). */
const MAX_LIST = 60;
const MAX_KEYS = 40;
const MAX_DEPTH = 8;
/** Control characters other than tab and line breaks: never part of a statement. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A cheap walk before the schema: the schema's checks are not all linear (uniqueItems compares
 * every pair), so a hostile list of 50,000 items would block the server for seconds. Also
 * refuses control characters, which no field needs.
 */
function sizeProblem(input: unknown): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  const field = (path: string) => (path === '' ? '(answers)' : path);
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (CONTROL.test(value)) return { field: field(path), message: 'must not contain control characters' };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field: field(path), message: 'is nested deeper than any answers file' };
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST) return { field: field(path), message: `must list at most ${MAX_LIST} items` };
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    const entries = Object.entries(value);
    if (entries.length > MAX_KEYS) return { field: field(path), message: `has ${entries.length} fields; an answers file has at most ${MAX_KEYS} in one place` };
    for (const [key, inner] of entries) stack.push({ value: inner, path: path ? `${path}.${key}` : key, depth: depth + 1 });
  }
  return undefined;
}
