/**
 * The fixed choices of the privacy-statement generator: languages, purposes, data categories,
 * legal bases, recipients, retention events, transfer safeguards and EU/EEA countries. Each
 * list is the single source for the answers schema, the texts (a `Record` per list, so a
 * missing translation is a compile error) and a web form's select options.
 */

export const GENERATOR_LANGS = ['en', 'nl', 'sv', 'de', 'fr'] as const;
export type GeneratorLang = (typeof GENERATOR_LANGS)[number];

export function isGeneratorLang(value: string): value is GeneratorLang {
  return (GENERATOR_LANGS as readonly string[]).includes(value);
}

/** Why data are used. `custom` needs a title and description of its own. */
export const PURPOSE_IDS = [
  'orders',
  'payment',
  'delivery',
  'customerAccount',
  'customerService',
  'newsletter',
  'marketing',
  'analytics',
  'fraudPrevention',
  'websiteSecurity',
  'bookkeeping',
  'reviews',
  'recruitment',
  'custom',
] as const;
export type PurposeId = (typeof PURPOSE_IDS)[number];
export type PredefinedPurposeId = Exclude<PurposeId, 'custom'>;

/**
 * Purposes for which the texts carry a ready-made legitimate interest, so an owner who picks
 * "legitimate interests" for them need not write one (they may still write their own).
 */
export const PURPOSES_WITH_DEFAULT_INTEREST = ['newsletter', 'marketing', 'analytics', 'fraudPrevention', 'websiteSecurity', 'customerService', 'reviews'] as const;
export type PurposeWithDefaultInterest = (typeof PURPOSES_WITH_DEFAULT_INTEREST)[number];

export function hasDefaultInterest(purpose: PurposeId): purpose is PurposeWithDefaultInterest {
  return (PURPOSES_WITH_DEFAULT_INTEREST as readonly string[]).includes(purpose);
}

export const DATA_CATEGORY_IDS = [
  'name',
  'address',
  'email',
  'phone',
  'dateOfBirth',
  'paymentDetails',
  'orderHistory',
  'accountDetails',
  'ipAddress',
  'deviceData',
  'usageData',
  'correspondence',
  'reviewContent',
  'applicationDetails',
] as const;
export type DataCategoryId = (typeof DATA_CATEGORY_IDS)[number];

/** GDPR art. 6(1) (a) to (f). */
export const LEGAL_BASES = ['consent', 'contract', 'legalObligation', 'vitalInterests', 'publicTask', 'legitimateInterests'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const RECIPIENT_CATEGORY_IDS = [
  'paymentProvider',
  'logistics',
  'hosting',
  'emailProvider',
  'accountant',
  'analyticsProvider',
  'marketingPlatform',
  'reviewPlatform',
  'customerServiceTool',
  'authorities',
] as const;
export type RecipientCategoryId = (typeof RECIPIENT_CATEGORY_IDS)[number];

/** What a retention period is counted from (`from`), or the moment data are kept until (`until`). */
export const RETENTION_EVENTS = [
  'collection',
  'lastOrder',
  'lastContact',
  'accountClosure',
  'endOfFinancialYear',
  'unsubscribe',
  'consentWithdrawal',
  'endOfProcedure',
] as const;
export type RetentionEvent = (typeof RETENTION_EVENTS)[number];

/** The events that make sense as "we keep them until ..." (the others are points to count from). */
export const RETENTION_UNTIL_EVENTS = ['accountClosure', 'unsubscribe', 'consentWithdrawal', 'endOfProcedure'] as const;
export type RetentionUntilEvent = (typeof RETENTION_UNTIL_EVENTS)[number];

/** GDPR chapter V: adequacy (art. 45), standard contractual clauses (art. 46), binding corporate rules (art. 47), a derogation (art. 49). */
export const TRANSFER_SAFEGUARDS = ['adequacy', 'standardContractualClauses', 'bindingCorporateRules', 'derogation'] as const;
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];

/** EU/EEA countries: the list lives beside the supervisory authorities (src/core), which the scan shares. */
export { EEA_COUNTRIES, isEeaCountry, type EeaCountry } from '../../core/supervisory-authorities.js';
