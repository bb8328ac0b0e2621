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
