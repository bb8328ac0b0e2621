/**
 * The privacy-statement form, rendered from form values (stored answers or what was just
 * posted) and the problems found in them. Plain HTML: fieldsets, labels bound to inputs,
 * `<details>` for what most shops leave empty, no script needed. Option labels for purposes,
 * data and recipients come from the generator's own texts, so the form and the statement use
 * the same words.
 */
import type { Lang } from '../core/lang.js';
import {
  DATA_CATEGORY_IDS,
  EEA_COUNTRIES,
  GENERATOR_LANGS,
  LEGAL_BASES,
  RECIPIENT_CATEGORY_IDS,
  RETENTION_EVENTS,
  RETENTION_UNTIL_EVENTS,
  STATEMENT_TEXTS,
  TRANSFER_SAFEGUARDS,
  type GeneratorLang,
} from './generator/index.js';
import { html, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { CUSTOM_PURPOSE_SLOTS, MAX_ROWS, PREDEFINED_PURPOSES, rowIndexes, SPARE_ROWS, type FormValues } from './form.js';

export interface FormProblem {
  /** The form field, when the problem could be placed on one. */
  field: string | undefined;
  /** The answers path, e.g. `activities[1].retention.months`. */
  path: string;
  message: string;
}

interface Ctx {
  t: Translate;
  lang: Lang;
  form: FormValues;
  problems: Map<string, string[]>;
}

/** HTML ids from field names: `p.orders.months` -> `f-p-orders-months`. */
export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9]/g, '-')}`;

const first = (ctx: Ctx, name: string): string => ctx.form.get(name)?.[0] ?? '';
const has = (ctx: Ctx, name: string, value: string): boolean => ctx.form.get(name)?.includes(value) ?? false;

function problemOf(ctx: Ctx, name: string): SafeHtml | '' {
  const messages = ctx.problems.get(name);
  if (!messages) return '';
  return html`<p class="alert" id="${fieldId(name)}-problem">${messages.join(' ')}</p>`;
}
const invalid = (ctx: Ctx, name: string): SafeHtml | '' =>
  ctx.problems.has(name) ? html` aria-invalid="true" aria-describedby="${fieldId(name)}-problem"` : '';

function input(ctx: Ctx, name: string, label: string, options: { type?: string; required?: boolean; max?: number; hint?: string; placeholder?: string } = {}): SafeHtml {
  const id = fieldId(name);
  return html`<div class="field">
    <label for="${id}">${label}${options.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
    <input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${first(ctx, name)}" maxlength="${options.max ?? 300}"${options.required ? html` required` : ''}${options.placeholder ? html` placeholder="${options.placeholder}"` : ''}${invalid(ctx, name)}>
    ${problemOf(ctx, name)}
  </div>`;
}

/** A free text: one box for every language, and (folded) a box per language. */
function freeText(ctx: Ctx, name: string, label: string, options: { rows?: number; hint?: string; max?: number } = {}): SafeHtml {
  const id = fieldId(name);
  const perLang = GENERATOR_LANGS.filter((lang) => first(ctx, `${name}@${lang}`) !== '');
  const box = (fieldName: string, boxId: string, boxLabel: string) => html`<label for="${boxId}">${boxLabel}</label>
    <textarea id="${boxId}" name="${fieldName}" rows="${options.rows ?? 2}" maxlength="${options.max ?? 1000}"${invalid(ctx, name)}>${first(ctx, fieldName)}</textarea>`;
  return html`<div class="field">
    ${box(name, id, label)}
    ${options.hint ? html`<p class="hint">${options.hint}</p>` : ''}
    <details${perLang.length > 0 ? html` open` : ''}>
      <summary>${ctx.t('privacyForm.perLanguage')}</summary>
      ${GENERATOR_LANGS.map((lang) => box(`${name}@${lang}`, `${id}-${lang}`, ctx.t(`privacyForm.lang.${lang}`)))}
    </details>
    ${problemOf(ctx, name)}
  </div>`;
}

function select(ctx: Ctx, name: string, label: string, choices: readonly { value: string; label: string }[], options: { empty?: string; required?: boolean } = {}): SafeHtml {
  const id = fieldId(name);
  const current = first(ctx, name);
  return html`<div class="field">
    <label for="${id}">${label}${options.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
    <select id="${id}" name="${name}"${options.required ? html` required` : ''}${invalid(ctx, name)}>
      ${options.empty !== undefined ? html`<option value="">${options.empty}</option>` : ''}
      ${choices.map((choice) => html`<option value="${choice.value}"${choice.value === current ? html` selected` : ''}>${choice.label}</option>`)}
    </select>
    ${problemOf(ctx, name)}
  </div>`;
}

function checkboxes(ctx: Ctx, name: string, legend: string, choices: readonly { value: string; label: string }[]): SafeHtml {
  return html`<fieldset class="choices" id="${fieldId(name)}"${invalid(ctx, name)}>
    <legend>${legend}</legend>
    ${choices.map(
      (choice) => html`<label class="choice"><input type="checkbox" name="${name}" value="${choice.value}"${has(ctx, name, choice.value) ? html` checked` : ''}> ${choice.label}</label>`,
    )}
    ${problemOf(ctx, name)}
  </fieldset>`;
}

/** The published languages in their stored order (the first is the default), then the others. */
function languageChoices(ctx: Ctx): { value: string; label: string }[] {
  const ticked = (ctx.form.get('langs') ?? []).filter((lang): lang is GeneratorLang => (GENERATOR_LANGS as readonly string[]).includes(lang));
  const order = [...new Set([...ticked, ...GENERATOR_LANGS])];
  return order.map((lang) => ({ value: lang, label: ctx.t(`privacyForm.lang.${lang}`) }));
}

function dataChoices(ctx: Ctx): { value: string; label: string }[] {
  const texts = STATEMENT_TEXTS[ctx.lang].dataCategories;
  return DATA_CATEGORY_IDS.map((id) => ({ value: id, label: texts[id] }));
}

function activityFields(ctx: Ctx, prefix: string): SafeHtml {
  const t = ctx.t;
  return html`${checkboxes(ctx, `${prefix}.data`, t('privacyForm.data'), dataChoices(ctx))}
    ${freeText(ctx, `${prefix}.other`, t('privacyForm.otherData'), { max: 500 })}
    ${select(ctx, `${prefix}.basis`, t('privacyForm.basis'), LEGAL_BASES.map((basis) => ({ value: basis, label: t(`privacyForm.basis.${basis}`) })), { empty: t('privacyForm.choose') })}
    ${freeText(ctx, `${prefix}.interest`, t('privacyForm.interest'), { hint: t('privacyForm.interestHint'), max: 500 })}
    <fieldset>
      <legend>${t('privacyForm.retention')}</legend>
      <p class="hint">${t('privacyForm.retentionHint')}</p>
      ${input(ctx, `${prefix}.months`, t('privacyForm.months'), { type: 'number', max: 4 })}
      ${select(ctx, `${prefix}.from`, t('privacyForm.from'), RETENTION_EVENTS.map((event) => ({ value: event, label: t(`privacyForm.event.${event}`) })), { empty: t('privacyForm.fromDefault') })}
      ${select(ctx, `${prefix}.until`, t('privacyForm.until'), RETENTION_UNTIL_EVENTS.map((event) => ({ value: event, label: t(`privacyForm.event.${event}`) })), { empty: t('privacyForm.noUntil') })}
      ${freeText(ctx, `${prefix}.criterion`, t('privacyForm.criterion'), { max: 500 })}
    </fieldset>`;
}

function purposesSection(ctx: Ctx): SafeHtml {
  const t = ctx.t;
  const texts = STATEMENT_TEXTS[ctx.lang].purposes;
  const predefined = PREDEFINED_PURPOSES.map((purpose) => {
    const prefix = `p.${purpose}`;
    const on = first(ctx, `${prefix}.on`) !== '';
    const flagged = [...ctx.problems.keys()].some((name) => name.startsWith(`${prefix}.`));
    return html`<details class="purpose"${on || flagged ? html` open` : ''}>
      <summary>${texts[purpose].title}${on ? html` <span class="badge">${t('privacyForm.inUse')}</span>` : ''}</summary>
      <label class="choice"><input type="checkbox" name="${prefix}.on" value="1"${on ? html` checked` : ''}> ${t('privacyForm.weDoThis', { purpose: texts[purpose].title })}</label>
      <p class="hint">${texts[purpose].description}</p>
      ${freeText(ctx, `${prefix}.description`, t('privacyForm.extraExplanation'))}
      ${activityFields(ctx, prefix)}
    </details>`;
  });
  const custom = Array.from({ length: CUSTOM_PURPOSE_SLOTS }, (_, slot) => {
    const prefix = `x.${slot}`;
    const used = [...ctx.form.keys()].some((name) => name.startsWith(`${prefix}.title`) || name.startsWith(`${prefix}.description`));
    return html`<details class="purpose"${used ? html` open` : ''}>
      <summary>${t('privacyForm.customPurpose', { n: slot + 1 })}</summary>
      ${freeText(ctx, `${prefix}.title`, t('privacyForm.customTitle'), { max: 120 })}
      ${freeText(ctx, `${prefix}.description`, t('privacyForm.customDescription'))}
      ${activityFields(ctx, prefix)}
    </details>`;
  });
  return html`<fieldset id="${fieldId('activities')}"${invalid(ctx, 'activities')}>
    <legend>${t('privacyForm.purposes')}</legend>
    <p class="hint">${t('privacyForm.purposesHint')}</p>
    ${problemOf(ctx, 'activities')}
    ${predefined}${custom}
  </fieldset>`;
}

/** Row numbers to show: every filled row, plus a few empty ones. */
function rows(ctx: Ctx, prefix: 'r' | 't'): number[] {
  const highest = rowIndexes(ctx.form.keys(), prefix).at(-1) ?? -1;
  return Array.from({ length: Math.min(MAX_ROWS, highest + 1 + SPARE_ROWS) }, (_, row) => row);
}

function recipientsSection(ctx: Ctx): SafeHtml {
  const t = ctx.t;
  const texts = STATEMENT_TEXTS[ctx.lang].recipients.categories;
  return html`<fieldset>
    <legend>${t('privacyForm.recipients')}</legend>
    ${checkboxes(ctx, 'rc', t('privacyForm.recipientCategories'), RECIPIENT_CATEGORY_IDS.map((id) => ({ value: id, label: texts[id] })))}
    <fieldset>
      <legend>${t('privacyForm.namedRecipients')}</legend>
      <p class="hint">${t('privacyForm.namedHint')}</p>
      ${rows(ctx, 'r').map(
        (row) => html`<div class="row">${input(ctx, `r.${row}.name`, t('privacyForm.recipientName', { n: row + 1 }), { max: 200 })}
          ${freeText(ctx, `r.${row}.purpose`, t('privacyForm.recipientPurpose', { n: row + 1 }), { max: 300 })}</div>`,
      )}
    </fieldset>
  </fieldset>`;
}

function transfersSection(ctx: Ctx): SafeHtml {
  const t = ctx.t;
  return html`<fieldset>
    <legend>${t('privacyForm.transfers')}</legend>
    <p class="hint">${t('privacyForm.transfersHint')}</p>
    ${rows(ctx, 't').map(
      (row) => html`<div class="row">
        ${input(ctx, `t.${row}.country`, t('privacyForm.transferCountry', { n: row + 1 }), { max: 2, placeholder: 'US' })}
        ${input(ctx, `t.${row}.recipient`, t('privacyForm.transferRecipient', { n: row + 1 }), { max: 200 })}
        ${select(ctx, `t.${row}.safeguard`, t('privacyForm.transferSafeguard', { n: row + 1 }), TRANSFER_SAFEGUARDS.map((id) => ({ value: id, label: t(`privacyForm.safeguard.${id}`) })), { empty: t('privacyForm.choose') })}
      </div>`,
    )}
  </fieldset>`;
}

export function privacyForm(ctx: { t: Translate; lang: Lang; form: FormValues; problems: readonly FormProblem[] }, action: string, csrfField: SafeHtml): SafeHtml {
  const t = ctx.t;
  const problems = new Map<string, string[]>();
  for (const problem of ctx.problems) if (problem.field) problems.set(problem.field, [...(problems.get(problem.field) ?? []), problem.message]);
  const c: Ctx = { t, lang: ctx.lang, form: ctx.form, problems };
  const regions = new Intl.DisplayNames([ctx.lang], { type: 'region' });
  const countries = EEA_COUNTRIES.map((code) => ({ value: code, label: regions.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  const summary = ctx.problems.length
    ? html`<div class="alert" role="alert" id="problems">
        <p>${t('privacyForm.problems', { count: ctx.problems.length })}</p>
        <ul>${ctx.problems.map((problem) => html`<li>${problem.field ? html`<a href="#${fieldId(problem.field)}">${problem.path}</a>` : problem.path}: ${problem.message}</li>`)}</ul>
      </div>`
    : '';
  return html`${summary}
  <form method="post" action="${action}" class="stack privacy-form" novalidate>
    ${csrfField}
    <fieldset>
      <legend>${t('privacyForm.who')}</legend>
      ${input(c, 'c.name', t('privacyForm.c.name'), { required: true, max: 200 })}
      ${input(c, 'c.address', t('privacyForm.c.address'), { required: true, hint: t('privacyForm.c.addressHint') })}
      ${select(c, 'c.country', t('privacyForm.c.country'), countries, { empty: t('privacyForm.choose'), required: true })}
      ${input(c, 'c.email', t('privacyForm.c.email'), { type: 'email', required: true, max: 254 })}
      ${input(c, 'c.phone', t('privacyForm.c.phone'), { type: 'tel', max: 40 })}
      ${input(c, 'c.website', t('privacyForm.c.website'), { type: 'url', placeholder: 'https://' })}
      ${input(c, 'c.reg', t('privacyForm.c.reg'), { max: 60 })}
      <details${['dpo.name', 'dpo.email', 'dpo.phone'].some((name) => first(c, name) !== '' || problems.has(name)) ? html` open` : ''}>
        <summary>${t('privacyForm.dpo')}</summary>
        <p class="hint">${t('privacyForm.dpoHint')}</p>
        ${input(c, 'dpo.name', t('privacyForm.dpo.name'), { max: 200 })}
        ${input(c, 'dpo.email', t('privacyForm.dpo.email'), { type: 'email', max: 254 })}
        ${input(c, 'dpo.phone', t('privacyForm.dpo.phone'), { type: 'tel', max: 40 })}
      </details>
      <details${first(c, 'sa.name') !== '' || problems.has('sa.name') ? html` open` : ''}>
        <summary>${t('privacyForm.authority')}</summary>
        <p class="hint">${t('privacyForm.authorityHint')}</p>
        ${input(c, 'sa.name', t('privacyForm.authority.name'), { max: 200 })}
        ${input(c, 'sa.website', t('privacyForm.authority.website'), { type: 'url', placeholder: 'https://' })}
      </details>
    </fieldset>
    ${purposesSection(c)}
    ${recipientsSection(c)}
    ${transfersSection(c)}
    <fieldset>
      <legend>${t('privacyForm.provision')}</legend>
      ${checkboxes(c, 'prov.data', t('privacyForm.requiredData'), dataChoices(c))}
      ${freeText(c, 'prov.consequence', t('privacyForm.consequence'), { hint: t('privacyForm.consequenceHint'), max: 300 })}
    </fieldset>
    <fieldset>
      <legend>${t('privacyForm.automated')}</legend>
      <p class="hint">${t('privacyForm.automatedHint')}</p>
      ${freeText(c, 'ad.description', t('privacyForm.automated.description'))}
      ${freeText(c, 'ad.logic', t('privacyForm.automated.logic'))}
      ${freeText(c, 'ad.consequences', t('privacyForm.automated.consequences'))}
    </fieldset>
    <fieldset>
      <legend>${t('privacyForm.breach')}</legend>
      <label class="choice"><input type="checkbox" name="breach.on" value="1"${first(c, 'breach.on') !== '' ? html` checked` : ''}> ${t('privacyForm.breach.include')}</label>
      ${input(c, 'breach.email', t('privacyForm.breach.email'), { type: 'email', max: 254 })}
    </fieldset>
    <fieldset>
      <legend>${t('privacyForm.publication')}</legend>
      ${checkboxes(c, 'langs', t('privacyForm.languages'), languageChoices(c))}
      ${input(c, 'updated', t('privacyForm.updated'), { type: 'date', max: 10 })}
    </fieldset>
    <button type="submit">${t('privacyForm.save')}</button>
  </form>`;
}
