/**
 * The privacy-statement generator (issue 5): answers in, a GDPR art. 13 statement out, in
 * EN/NL/SV/DE/FR, that our own `privacy.statement.contents` check passes.
 *
 *   const result = validateAnswers(json);            // { ok, answers } or { ok: false, errors: [{ field, message }] }
 *   const doc = generateStatement(result.answers, 'nl');
 *   renderHtml(doc) / renderHtml(doc, { standalone: true }) / renderMarkdown(doc) / renderText(doc)
 */
export * from './ids.js';
export {
  validateAnswers,
  StatementAnswersSchema,
  type AnswersValidation,
  type ActivityAnswers,
  type ControllerAnswers,
  type FieldError,
  type FreeText,
  type RetentionAnswers,
  type StatementAnswers,
  type TransferAnswers,
} from './answers.js';
export { authorityDisplayName, authorityFor, SUPERVISORY_AUTHORITIES, type SupervisoryAuthority } from './authorities.js';
export { SECTION_IDS, type Block, type Inline, type SectionId, type StatementDocument, type StatementSection, type Subsection } from './document.js';
export { generateStatement, STATEMENT_TEXTS } from './generate.js';
export {
  escapeHtml,
  renderHtml,
  renderMarkdown,
  renderStatement,
  renderText,
  STATEMENT_FORMATS,
  STATEMENT_MEDIA_TYPES,
  type HtmlOptions,
  type StatementFormat,
} from './render.js';
export { EXAMPLE_ANSWERS } from './example.js';
