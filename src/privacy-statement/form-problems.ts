/**
 * Problems with the privacy-statement answers, said in the interface language. The generator's
 * validator speaks English about JSON fields (it also serves the CLI and the API); the form
 * turns each message into the interface's words for the field the owner filled in. A message
 * this table does not know is shown as it is: untranslated beats unsaid.
 */
import type { FieldError } from './generator/index.js';
import { PURPOSE_IDS, STATEMENT_TEXTS, type PredefinedPurposeId } from './generator/index.js';
import type { Lang } from '../core/lang.js';
import type { Translate } from '../web/i18n.js';
import { formFieldOf } from './form.js';
import type { FormProblem } from './form-view.js';

const MESSAGE_KEYS: readonly [RegExp, string][] = [
  [/^is required for a custom purpose/, 'privacyProblem.customNeeded'],
  [/^is required when the legal basis is legitimateInterests/, 'privacyProblem.interestNeeded'],
  [/^is required$/, 'privacyProblem.required'],
  [/^must not be empty$/, 'privacyProblem.empty'],
  [/^must be an e-mail address/, 'privacyProblem.email'],
  [/^must be a web address/, 'privacyProblem.url'],
  [/^must be a phone number/, 'privacyProblem.phone'],
  [/^must be one of/, 'privacyProblem.choose'],
  [/^must be at most \d+ characters/, 'privacyProblem.tooLong'],
  [/^must be a whole number|^must be at least \d+$|^must be at most \d+$/, 'privacyProblem.months'],
  [/^must list at least one kind of data/, 'privacyProblem.dataNeeded'],
  [/^must list at least 1 item/, 'privacyProblem.purposeNeeded'],
  [/^must say how long the data are kept/, 'privacyProblem.retentionNeeded'],
  [/^cannot be combined with months/, 'privacyProblem.untilOrMonths'],
  [/is in the EU\/EEA/, 'privacyProblem.transferInEea'],
  [/is not a known country code|^must be a country code|^use GB/, 'privacyProblem.country'],
  [/^must be a (real )?date/, 'privacyProblem.date'],
  [/^does not have the shape of an answers file/, 'privacyProblem.shape'],
  [/^is nested deeper than any answers file/, 'privacyProblem.tooDeep'],
  [/^is not a known field/, 'privacyProblem.unknownField'],
  [/^must not contain control characters/, 'privacyProblem.control'],
];

export function problemText(t: Translate, message: string): string {
  const found = MESSAGE_KEYS.find(([pattern]) => pattern.test(message));
  if (!found) return message;
  const limit = /at most (\d+) characters/.exec(message)?.[1];
  return t(found[1], limit ? { n: limit } : undefined);
}

/** Field names with a label of their own (the rest are built from their parts below). */
const FIELD_KEYS: Record<string, string> = {
  'c.name': 'privacyForm.c.name',
  'c.address': 'privacyForm.c.address',
  'c.country': 'privacyForm.c.country',
  'c.email': 'privacyForm.c.email',
  'c.phone': 'privacyForm.c.phone',
  'c.website': 'privacyForm.c.website',
  'c.reg': 'privacyForm.c.reg',
  'dpo.name': 'privacyForm.dpo.name',
  'dpo.email': 'privacyForm.dpo.email',
  'dpo.phone': 'privacyForm.dpo.phone',
  'sa.name': 'privacyForm.authority.name',
  'sa.website': 'privacyForm.authority.website',
  activities: 'privacyForm.purposes',
  rc: 'privacyForm.recipientCategories',
  'ad.description': 'privacyForm.automated.description',
  'ad.logic': 'privacyForm.automated.logic',
  'ad.consequences': 'privacyForm.automated.consequences',
  'prov.data': 'privacyForm.requiredData',
  'prov.consequence': 'privacyForm.consequence',
  'breach.email': 'privacyForm.breach.email',
  updated: 'privacyForm.updated',
  langs: 'privacyForm.languages',
};

const ACTIVITY_PART_KEYS: Record<string, string> = {
  title: 'privacyForm.customTitle',
  description: 'privacyForm.extraExplanation',
  data: 'privacyForm.data',
  other: 'privacyForm.otherData',
  basis: 'privacyForm.basis',
  interest: 'privacyForm.interest',
  months: 'privacyForm.months',
  from: 'privacyForm.from',
  until: 'privacyForm.until',
  criterion: 'privacyForm.criterion',
};

/** Where a field is, in words: "Handling your order · Months". */
export function fieldLabel(t: Translate, lang: Lang, field: string): string {
  const own = FIELD_KEYS[field];
  if (own) return t(own);
  const [group = '', key = '', part = ''] = field.split('.');
  const n = Number(key) + 1;
  if (group === 'p' && (PURPOSE_IDS as readonly string[]).includes(key)) {
    const title = STATEMENT_TEXTS[lang].purposes[key as PredefinedPurposeId].title;
    return ACTIVITY_PART_KEYS[part] ? `${title} · ${t(ACTIVITY_PART_KEYS[part])}` : title;
  }
  if (group === 'x') {
    const title = t('privacyForm.customPurpose', { n });
    const partKey = part === 'description' ? 'privacyForm.customDescription' : ACTIVITY_PART_KEYS[part];
    return partKey ? `${title} · ${t(partKey)}` : title;
  }
  if (group === 'r') return t(part === 'purpose' ? 'privacyForm.recipientPurpose' : 'privacyForm.recipientName', { n });
  if (group === 't') {
    const partKey = { country: 'privacyForm.transferCountry', recipient: 'privacyForm.transferRecipient', safeguard: 'privacyForm.transferSafeguard' }[part];
    return t(partKey ?? 'privacyForm.transferCountry', { n });
  }
  return field;
}

/** Validation errors as the form shows them: on the field, in the interface language. */
export function formProblems(t: Translate, lang: Lang, errors: readonly FieldError[], fieldOf: Map<string, string>): FormProblem[] {
  return errors.map((error) => {
    const field = formFieldOf(error.field, fieldOf);
    return { field, path: field ? fieldLabel(t, lang, field) : error.field, message: problemText(t, error.message) };
  });
}
