/**
 * The rules between fields that the answers schema cannot say: run after the shape is valid.
 */
import type { FieldError, FreeText, StatementAnswers } from './answers-schema.js';
import { hasDefaultInterest, isEeaCountry } from './ids.js';

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes ICU names that are not a country outside the EEA (EA, IC: Spanish territory in the EU). */
const NOT_A_DESTINATION = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'EA', 'IC']);

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Free text that is only white space says nothing. */
function blank(text: FreeText | undefined): boolean {
  if (text === undefined) return false;
  const values = typeof text === 'string' ? [text] : Object.values(text);
  return values.every((value) => value === undefined || value.trim() === '');
}

export function checkSemantics(answers: StatementAnswers): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  for (const [field, value] of [
    ['controller.name', answers.controller.name],
    ['controller.address', answers.controller.address],
  ] as const) {
    if (value.trim() === '') add(field, 'must not be empty');
  }
  if (answers.controller.website !== undefined && !isWebAddress(answers.controller.website)) add('controller.website', 'must be a web address such as https://shop.example');
  if (answers.supervisoryAuthority?.website !== undefined && !isWebAddress(answers.supervisoryAuthority.website)) {
    add('supervisoryAuthority.website', 'must be a web address such as https://authority.example');
  }
  if (!isCalendarDate(answers.lastUpdated)) add('lastUpdated', 'must be a real date such as 2025-03-01');

  answers.activities.forEach((activity, index) => {
    const at = `activities[${index}]`;
    if (activity.purpose === 'custom') {
      if (activity.title === undefined) add(`${at}.title`, 'is required for a custom purpose');
      if (activity.description === undefined) add(`${at}.description`, 'is required for a custom purpose: say what the data are used for');
    }
    for (const [name, text] of [
      ['title', activity.title],
      ['description', activity.description],
      ['otherData', activity.otherData],
      ['legitimateInterest', activity.legitimateInterest],
      ['retention.criterion', activity.retention.criterion],
    ] as const) {
      if (blank(text)) add(`${at}.${name}`, 'must not be empty');
    }
    if (activity.dataCategories.length === 0 && activity.otherData === undefined) add(`${at}.dataCategories`, 'must list at least one kind of data (or describe them in otherData)');
    if (activity.legalBasis === 'legitimateInterests') {
      if (activity.legitimateInterest === undefined && !hasDefaultInterest(activity.purpose)) {
        add(`${at}.legitimateInterest`, 'is required when the legal basis is legitimateInterests: describe the interest, e.g. "to protect our shop against fraud"');
      }
    } else if (activity.legitimateInterest !== undefined) {
      add(`${at}.legitimateInterest`, 'is only used with legalBasis legitimateInterests');
    }
    const retention = activity.retention;
    if (retention.months === undefined && retention.until === undefined && retention.criterion === undefined) {
      add(`${at}.retention`, 'must say how long the data are kept: months (with from), until, or criterion');
    }
    if (retention.months !== undefined && retention.until !== undefined) add(`${at}.retention.until`, 'cannot be combined with months: give one of them');
    if (retention.from !== undefined && retention.months === undefined) add(`${at}.retention.from`, 'only counts with months');
  });

  answers.recipients.named?.forEach((recipient, index) => {
    if (recipient.name.trim() === '') add(`recipients.named[${index}].name`, 'must not be empty');
    if (blank(recipient.purpose)) add(`recipients.named[${index}].purpose`, 'must not be empty');
  });

  answers.transfers.forEach((transfer, index) => {
    const at = `transfers[${index}].country`;
    if (isEeaCountry(transfer.country)) add(at, `${transfer.country} is in the EU/EEA: only list transfers to countries outside it`);
    else if (transfer.country === 'UK') add(at, "use GB, the ISO code of the United Kingdom");
    else if (NOT_A_DESTINATION.has(transfer.country) || REGIONS.of(transfer.country) === undefined) add(at, `'${transfer.country}' is not a known country code (ISO 3166-1 alpha-2, e.g. US)`);
  });

  if (answers.automatedDecisions) {
    for (const name of ['description', 'logic', 'consequences'] as const) {
      if (blank(answers.automatedDecisions[name])) add(`automatedDecisions.${name}`, 'must not be empty');
    }
  }
  if (blank(answers.provision?.consequence)) add('provision.consequence', 'must not be empty');
  return errors;
}
