/**
 * The privacy-statement form as data: flat form fields (what a browser posts, no script
 * needed) to generator answers and back. The form never validates itself: the answers it
 * builds go through `validateAnswers`, the same gate as the CLI and the API, and each
 * problem's answers path (`activities[2].retention.months`) is mapped back to the form
 * field it came from, so the page can mark that field.
 *
 * Field names: `c.*` controller, `dpo.*`, `sa.*` another supervisory authority, `p.<purpose>.*`
 * a predefined purpose (checkbox `.on`), `x.<n>.*` a purpose of your own, `rc` recipient
 * categories, `r.<n>.*` named recipients, `t.<n>.*` transfers, `ad.*` automated decisions,
 * `prov.*` required data, `breach.*`, `updated`, `langs`. A free text is one field for every
 * language, or `name@<lang>` fields for a text per language.
 */
import {
  GENERATOR_LANGS,
  PURPOSE_IDS,
  type FreeText,
  type PredefinedPurposeId,
  type StatementAnswers,
} from './generator/index.js';

export type FormBody = Record<string, string | string[] | undefined>;
/** Field name to its values (a checkbox group has several). */
export type FormValues = Map<string, string[]>;

export const PREDEFINED_PURPOSES = PURPOSE_IDS.filter((id): id is PredefinedPurposeId => id !== 'custom');
export const CUSTOM_PURPOSE_SLOTS = 3;
/** Rows for named recipients and transfers: the stored ones plus this many empty ones. */
export const SPARE_ROWS = 3;
export const MAX_ROWS = 30;

export interface FormAnswers {
  /** The answers built from the form; not yet validated. */
  answers: Record<string, unknown>;
  /** Answers path (e.g. `activities[0]`) to the form field (or field prefix) it came from. */
  fieldOf: Map<string, string>;
}

function values(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // A repeated value (the same box posted twice by a hand-made request) counts once.
  return [...new Set(list.map((item) => item.trim()).filter((item) => item !== ''))];
}
const one = (body: FormBody, name: string): string => values(body, name)[0] ?? '';

/**
 * A free text: the shared field for every language, except where a per-language field is
 * filled. Both kept: a text typed for Dutch only does not take the others' text away.
 */
function freeText(body: FormBody, name: string): FreeText | undefined {
  const shared = one(body, name);
  const perLang: Record<string, string> = {};
  for (const lang of GENERATOR_LANGS) {
    const text = one(body, `${name}@${lang}`);
    if (text !== '') perLang[lang] = text;
  }
  if (Object.keys(perLang).length === 0) return shared === '' ? undefined : shared;
  if (shared !== '') for (const lang of GENERATOR_LANGS) perLang[lang] ??= shared;
  return perLang;
}

/** Optional properties are left out when empty, so the schema reports only what was given wrong. */
function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ''));
}

/** Whole numbers become numbers; anything else stays text so the schema names the field. */
function count(text: string): number | string | undefined {
  if (text === '') return undefined;
  return /^\d{1,6}$/.test(text) ? Number(text) : text;
}

function activityFrom(body: FormBody, prefix: string, purpose: string, custom: boolean): Record<string, unknown> {
  const legalBasis = one(body, `${prefix}.basis`);
  const months = count(one(body, `${prefix}.months`));
  return compact({
    purpose,
    title: custom ? freeText(body, `${prefix}.title`) : undefined,
    description: freeText(body, `${prefix}.description`),
    dataCategories: values(body, `${prefix}.data`),
    otherData: freeText(body, `${prefix}.other`),
    legalBasis,
    // An interest typed and then left behind when another basis was picked is not an answer.
    legitimateInterest: legalBasis === 'legitimateInterests' ? freeText(body, `${prefix}.interest`) : undefined,
    retention: compact({
      months,
      // Kept without months too, so the validator says it only counts with months.
      from: one(body, `${prefix}.from`),
      until: one(body, `${prefix}.until`),
      criterion: freeText(body, `${prefix}.criterion`),
    }),
  });
}

/** The row numbers that occur in field names `<prefix>.<row>.*` (recipients `r`, transfers `t`), ascending. */
export function rowIndexes(names: Iterable<string>, prefix: 'r' | 't'): number[] {
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,2})\\.`);
  const found = new Set<number>();
  for (const name of names) {
    const row = pattern.exec(name)?.[1];
    if (row !== undefined && Number(row) < MAX_ROWS) found.add(Number(row));
  }
  return [...found].sort((a, b) => a - b);
}

export function answersFromForm(body: FormBody, today: string): FormAnswers {
  const fieldOf = new Map<string, string>();
  const controller = compact({
    name: one(body, 'c.name'),
    address: one(body, 'c.address'),
    country: one(body, 'c.country'),
    email: one(body, 'c.email'),
    phone: one(body, 'c.phone'),
    website: one(body, 'c.website'),
    registrationNumber: one(body, 'c.reg'),
  });
  for (const [key, field] of [['name', 'name'], ['address', 'address'], ['country', 'country'], ['email', 'email'], ['phone', 'phone'], ['website', 'website'], ['registrationNumber', 'reg']]) {
    fieldOf.set(`controller.${key}`, `c.${field}`);
  }
  // Required fields are kept even when empty, so the problem is "must not be empty" at that field.
  for (const key of ['name', 'address', 'country', 'email']) controller[key] ??= '';

  const answers: Record<string, unknown> = { controller };
  const dpo = compact({ name: one(body, 'dpo.name'), email: one(body, 'dpo.email'), phone: one(body, 'dpo.phone') });
  if (Object.keys(dpo).length > 0) answers.dpo = { ...dpo, email: dpo.email ?? '' };
  for (const key of ['name', 'email', 'phone']) fieldOf.set(`dpo.${key}`, `dpo.${key}`);
  const authority = compact({ name: one(body, 'sa.name'), website: one(body, 'sa.website') });
  if (Object.keys(authority).length > 0) answers.supervisoryAuthority = { ...authority, name: authority.name ?? '' };
  fieldOf.set('supervisoryAuthority.name', 'sa.name');
  fieldOf.set('supervisoryAuthority.website', 'sa.website');

  const activities: Record<string, unknown>[] = [];
  const addActivity = (prefix: string, activity: Record<string, unknown>) => {
    fieldOf.set(`activities[${activities.length}]`, prefix);
    activities.push(activity);
  };
  for (const purpose of PREDEFINED_PURPOSES) {
    if (one(body, `p.${purpose}.on`) !== '') addActivity(`p.${purpose}`, activityFrom(body, `p.${purpose}`, purpose, false));
  }
  for (let slot = 0; slot < CUSTOM_PURPOSE_SLOTS; slot++) {
    const prefix = `x.${slot}`;
    // Any field filled makes the slot an answer, so a forgotten title is reported, not dropped.
    if (Object.keys(body).some((name) => name.startsWith(`${prefix}.`) && values(body, name).length > 0)) addActivity(prefix, activityFrom(body, prefix, 'custom', true));
  }
  answers.activities = activities;
  fieldOf.set('activities', 'activities');

  const named = rowIndexes(Object.keys(body), 'r')
    .map((row) => ({ row, name: one(body, `r.${row}.name`), purpose: freeText(body, `r.${row}.purpose`) }))
    .filter((entry) => entry.name !== '' || entry.purpose !== undefined);
  named.forEach((entry, index) => fieldOf.set(`recipients.named[${index}]`, `r.${entry.row}`));
  answers.recipients = compact({
    categories: values(body, 'rc'),
    named: named.length > 0 ? named.map((entry) => ({ name: entry.name, purpose: entry.purpose ?? '' })) : undefined,
  });
  fieldOf.set('recipients.categories', 'rc');

  const transfers = rowIndexes(Object.keys(body), 't')
    .map((row) => ({ row, country: one(body, `t.${row}.country`).toUpperCase(), recipient: one(body, `t.${row}.recipient`), safeguard: one(body, `t.${row}.safeguard`) }))
    .filter((entry) => entry.country !== '' || entry.recipient !== '' || entry.safeguard !== '');
  transfers.forEach((entry, index) => fieldOf.set(`transfers[${index}]`, `t.${entry.row}`));
  answers.transfers = transfers.map((entry) => compact({ country: entry.country, recipient: entry.recipient, safeguard: entry.safeguard }));

  const automated = { description: freeText(body, 'ad.description'), logic: freeText(body, 'ad.logic'), consequences: freeText(body, 'ad.consequences') };
  if (Object.values(automated).some((text) => text !== undefined)) {
    answers.automatedDecisions = { description: automated.description ?? '', logic: automated.logic ?? '', consequences: automated.consequences ?? '' };
  }
  for (const key of ['description', 'logic', 'consequences']) fieldOf.set(`automatedDecisions.${key}`, `ad.${key}`);

  const provision = compact({ requiredData: values(body, 'prov.data'), consequence: freeText(body, 'prov.consequence') });
  if ((provision.requiredData as string[] | undefined)?.length === 0) delete provision.requiredData;
  if (Object.keys(provision).length > 0) answers.provision = provision;
  fieldOf.set('provision.requiredData', 'prov.data');
  fieldOf.set('provision.consequence', 'prov.consequence');

  answers.breachPolicy = compact({ include: one(body, 'breach.on') !== '', contactEmail: one(body, 'breach.email') });
  fieldOf.set('breachPolicy.contactEmail', 'breach.email');
  answers.lastUpdated = one(body, 'updated') || today;
  fieldOf.set('lastUpdated', 'updated');
  const langs = values(body, 'langs');
  if (langs.length > 0) answers.languages = langs;
  fieldOf.set('languages', 'langs');
  return { answers, fieldOf };
}

/** The form field part of each answers field of an activity, recipient or transfer row. */
const SUB_FIELDS: Record<string, string> = {
  title: 'title', description: 'description', dataCategories: 'data', otherData: 'other', legalBasis: 'basis', legitimateInterest: 'interest',
  'retention.months': 'months', 'retention.from': 'from', 'retention.until': 'until', 'retention.criterion': 'criterion', retention: 'months',
  name: 'name', purpose: 'purpose', country: 'country', recipient: 'recipient', safeguard: 'safeguard',
};

/** The form field a problem belongs to: the longest answers path that came from a field. */
export function formFieldOf(problem: string, fieldOf: Map<string, string>): string | undefined {
  // A per-language text's problem (`...description.nl`) belongs to the text's field.
  const problemPath = problem.replace(/\.(?:en|nl|sv|de|fr)$/, '');
  const exact = fieldOf.get(problemPath);
  if (exact) return exact;
  // activities[0].retention.months -> p.orders.months; recipients.named[1].purpose -> r.4.purpose
  const match = /^((?:activities|recipients\.named|transfers)\[\d+\])(?:\.(.+))?$/.exec(problemPath);
  if (!match?.[1]) return undefined;
  const prefix = fieldOf.get(match[1]);
  if (!prefix) return undefined;
  const sub = match[2] === undefined ? undefined : SUB_FIELDS[match[2]];
  return sub ? `${prefix}.${sub}` : prefix;
}

function setText(form: FormValues, name: string, text: FreeText | undefined): void {
  if (text === undefined) return;
  if (typeof text === 'string') form.set(name, [text]);
  else for (const [lang, value] of Object.entries(text)) if (value !== undefined) form.set(`${name}@${lang}`, [value]);
}
const set = (form: FormValues, name: string, value: string | number | undefined): void => {
  if (value !== undefined) form.set(name, [String(value)]);
};

/** Stored answers as form values, to fill the form. */
export function formFromAnswers(answers: StatementAnswers): FormValues {
  const form: FormValues = new Map();
  const c = answers.controller;
  set(form, 'c.name', c.name);
  set(form, 'c.address', c.address);
  set(form, 'c.country', c.country);
  set(form, 'c.email', c.email);
  set(form, 'c.phone', c.phone);
  set(form, 'c.website', c.website);
  set(form, 'c.reg', c.registrationNumber);
  set(form, 'dpo.name', answers.dpo?.name);
  set(form, 'dpo.email', answers.dpo?.email);
  set(form, 'dpo.phone', answers.dpo?.phone);
  set(form, 'sa.name', answers.supervisoryAuthority?.name);
  set(form, 'sa.website', answers.supervisoryAuthority?.website);
  let customSlot = 0;
  for (const activity of answers.activities) {
    let prefix: string;
    if (activity.purpose === 'custom') {
      if (customSlot >= CUSTOM_PURPOSE_SLOTS) continue;
      prefix = `x.${customSlot++}`;
      setText(form, `${prefix}.title`, activity.title);
    } else {
      prefix = `p.${activity.purpose}`;
      if (form.has(`${prefix}.on`)) continue;
      form.set(`${prefix}.on`, ['1']);
    }
    setText(form, `${prefix}.description`, activity.description);
    form.set(`${prefix}.data`, [...activity.dataCategories]);
    setText(form, `${prefix}.other`, activity.otherData);
    set(form, `${prefix}.basis`, activity.legalBasis);
    setText(form, `${prefix}.interest`, activity.legitimateInterest);
    set(form, `${prefix}.months`, activity.retention.months);
    set(form, `${prefix}.from`, activity.retention.from);
    set(form, `${prefix}.until`, activity.retention.until);
    setText(form, `${prefix}.criterion`, activity.retention.criterion);
  }
  form.set('rc', [...answers.recipients.categories]);
  (answers.recipients.named ?? []).forEach((recipient, row) => {
    set(form, `r.${row}.name`, recipient.name);
    setText(form, `r.${row}.purpose`, recipient.purpose);
  });
  answers.transfers.forEach((transfer, row) => {
    set(form, `t.${row}.country`, transfer.country);
    set(form, `t.${row}.recipient`, transfer.recipient);
    set(form, `t.${row}.safeguard`, transfer.safeguard);
  });
  setText(form, 'ad.description', answers.automatedDecisions?.description);
  setText(form, 'ad.logic', answers.automatedDecisions?.logic);
  setText(form, 'ad.consequences', answers.automatedDecisions?.consequences);
  if (answers.provision?.requiredData) form.set('prov.data', [...answers.provision.requiredData]);
  setText(form, 'prov.consequence', answers.provision?.consequence);
  if (answers.breachPolicy.include) form.set('breach.on', ['1']);
  set(form, 'breach.email', answers.breachPolicy.contactEmail);
  set(form, 'updated', answers.lastUpdated);
  if (answers.languages) form.set('langs', [...answers.languages]);
  return form;
}

/** A posted body as form values (to show the form again with what was typed). */
export function formFromBody(body: FormBody): FormValues {
  const form: FormValues = new Map();
  for (const [name, value] of Object.entries(body)) {
    if (name === '_csrf' || value === undefined) continue;
    form.set(name, Array.isArray(value) ? value : [value]);
  }
  return form;
}

const purposeOrder = (purpose: unknown): number => PURPOSE_IDS.indexOf(purpose as (typeof PURPOSE_IDS)[number]);

/** Lists that are sets (a form posts checked boxes in the form's order, not the answers'). */
const SET_KEYS = new Set(['dataCategories', 'categories', 'requiredData']);

/** Answers in form order: activities by purpose (own ones last), sets sorted. */
function canonical(answers: StatementAnswers): unknown {
  const activities = [...answers.activities].sort((a, b) => purposeOrder(a.purpose) - purposeOrder(b.purpose));
  return JSON.parse(JSON.stringify({ ...answers, activities }), (key, value: unknown) =>
    SET_KEYS.has(key) && Array.isArray(value) ? [...(value as string[])].sort() : value,
  ) as unknown;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keysA = Object.keys(a).sort();
    const keysB = Object.keys(b).sort();
    return sameJson(keysA, keysB) && keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}

/**
 * Whether the form can show these answers without losing anything (answers saved through the
 * API or the JSON box can hold more: the same purpose twice, more own purposes than slots).
 * Proven by a round trip rather than by listing the cases, so a new answer field cannot slip by.
 */
export function formCanHold(answers: StatementAnswers, today: string): boolean {
  // An input drops line breaks; one-line fields refuse them, but one stored earlier must not vanish unsaid.
  const oneLine = [answers.controller, answers.dpo, answers.supervisoryAuthority, answers.recipients.named?.map((r) => r.name), answers.transfers.map((t) => t.recipient)];
  if (/\\[rn]/.test(JSON.stringify(oneLine))) return false;
  const form = formFromAnswers(answers);
  const body: FormBody = Object.fromEntries([...form].map(([name, list]) => [name, list]));
  return sameJson(canonical(answersFromForm(body, today).answers as StatementAnswers), canonical(answers));
}
