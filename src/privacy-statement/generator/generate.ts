/**
 * Builds a privacy statement (GDPR art. 13) from validated answers, in one language. Every
 * sentence comes from the language's texts file; the answers only choose sentences and fill in
 * names, addresses and the owner's own free texts. Pure: no I/O, no clock.
 */
import type { ActivityAnswers, FieldError, FreeText, StatementAnswers } from './answers-schema.js';
import { authorityDisplayName, authorityFor } from './authorities.js';
import type { Block, Inline, SectionId, StatementDocument, StatementSection, Subsection } from './document.js';
import { GENERATOR_LANGS, hasDefaultInterest, type DataCategoryId, type GeneratorLang } from './ids.js';
import { DE } from './texts-de.js';
import { EN } from './texts-en.js';
import { FR } from './texts-fr.js';
import { NL } from './texts-nl.js';
import { SV } from './texts-sv.js';
import type { StatementTexts } from './texts-types.js';

/** The locale for lists, dates and country names: British English reads more naturally to EU readers. */
const LOCALES: Record<GeneratorLang, string> = { en: 'en-GB', nl: 'nl', sv: 'sv', de: 'de', fr: 'fr' };

export const STATEMENT_TEXTS: Record<GeneratorLang, StatementTexts> = { en: EN, nl: NL, sv: SV, de: DE, fr: FR };

const link = (text: string, href: string): Inline => ({ text, href });
const mail = (address: string): Inline => link(address, `mailto:${address}`);
const web = (address: string): Inline => link(address, address);

/** Fill `{name}` placeholders; values may be links. An unknown placeholder is left as written. */
export function fill(template: string, values: Record<string, Inline | undefined> = {}): Inline[] {
  const out: Inline[] = [];
  const push = (part: Inline) => {
    const last = out.at(-1);
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  };
  let start = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    push(template.slice(start, match.index));
    const value = values[match[1] ?? ''];
    push(value ?? match[0]);
    start = match.index + match[0].length;
  }
  push(template.slice(start));
  return out;
}

/** `fill` for plain-text values: the result is one string. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const paragraph = (content: Inline[]): Block => ({ kind: 'paragraph', content });
const text = (template: string, values?: Record<string, Inline | undefined>): Block => paragraph(fill(template, values));
const list = (items: Inline[][]): Block => ({ kind: 'list', items });

class Builder {
  readonly warnings: FieldError[] = [];
  private readonly conjunction: Intl.ListFormat;
  private readonly regions: Intl.DisplayNames;

  constructor(
    readonly answers: StatementAnswers,
    readonly lang: GeneratorLang,
    readonly texts: StatementTexts,
  ) {
    this.conjunction = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' });
    this.regions = new Intl.DisplayNames([LOCALES[lang]], { type: 'region' });
  }

  /** The owner's free text in this language, else in another (with a warning naming the field). */
  local(value: FreeText, field: string): string {
    if (typeof value === 'string') return value.trim();
    const own = value[this.lang];
    if (own !== undefined) return own.trim();
    const fallbackLang = GENERATOR_LANGS.find((lang) => value[lang] !== undefined);
    const fallback = fallbackLang ? (value[fallbackLang] ?? '') : '';
    // The same field can be used twice (an activity's title heads its purpose and its retention line).
    if (!this.warnings.some((warning) => warning.field === field)) {
      this.warnings.push({ field, message: `no '${this.lang}' text given; the '${fallbackLang ?? '?'}' text was used` });
    }
    return fallback.trim();
  }

  join(items: string[]): string {
    return this.conjunction.format(items);
  }

  country(code: string): string {
    return this.regions.of(code) ?? code;
  }

  dataList(categories: readonly DataCategoryId[], other: string | undefined): string {
    return this.join([...categories.map((id) => this.texts.dataCategories[id]), ...(other ? [other] : [])]);
  }

  activityTitle(activity: ActivityAnswers, index: number): string {
    if (activity.title !== undefined) return this.local(activity.title, `activities[${index}].title`);
    return activity.purpose === 'custom' ? '' : this.texts.purposes[activity.purpose].title;
  }
}

function sentence(value: string): string {
  return /[.!?…]$/.test(value) ? value : `${value}.`;
}

function controllerSection(b: Builder): Block[] {
  const { controller } = b.answers;
  const t = b.texts.controller;
  const blocks = [
    text(t.responsible, { controller: controller.name, address: controller.address, country: b.country(controller.country) }),
    text(controller.phone ? t.contactWithPhone : t.contact, { email: mail(controller.email), phone: controller.phone }),
  ];
  const extra: Inline[] = [];
  if (controller.registrationNumber) extra.push(...fill(t.registration, { number: controller.registrationNumber }));
  if (controller.website) extra.push(...(extra.length ? [' '] : []), ...fill(t.website, { website: web(controller.website) }));
  if (extra.length) blocks.push(paragraph(extra));
  return blocks;
}

function dpoSection(b: Builder): Block[] {
  const { dpo, controller } = b.answers;
  const t = b.texts.dpo;
  if (!dpo) return [text(t.none, { email: mail(controller.email) })];
  return [
    text(dpo.name ? t.appointedNamed : t.appointed, { name: dpo.name }),
    text(dpo.phone ? t.contactWithPhone : t.contact, { email: mail(dpo.email), phone: dpo.phone }),
  ];
}

function processingSubsections(b: Builder): Subsection[] {
  const t = b.texts;
  return b.answers.activities.map((activity, index) => {
    const at = `activities[${index}]`;
    const predefined = activity.purpose === 'custom' ? undefined : t.purposes[activity.purpose];
    const own = activity.description !== undefined ? sentence(b.local(activity.description, `${at}.description`)) : undefined;
    const purpose = [predefined?.description, own].filter((part): part is string => part !== undefined).join(' ');
    const other = activity.otherData !== undefined ? b.local(activity.otherData, `${at}.otherData`) : undefined;
    const { colon } = t.processing;
    const items: Inline[][] = [
      [`${t.processing.purposeLabel}${colon}${purpose}`],
      [`${t.processing.dataLabel}${colon}${sentence(b.dataList(activity.dataCategories, other))}`],
      [`${t.processing.basisLabel}${colon}${t.legalBases[activity.legalBasis]}`],
    ];
    if (activity.legalBasis === 'legitimateInterests') {
      const interest =
        activity.legitimateInterest !== undefined
          ? b.local(activity.legitimateInterest, `${at}.legitimateInterest`).replace(/[.!]+$/, '')
          : hasDefaultInterest(activity.purpose)
            ? t.defaultInterests[activity.purpose]
            : '';
      items.push(fill(t.processing.interest, { interest }));
    }
    return { heading: b.activityTitle(activity, index), blocks: [list(items)] };
  });
}

function recipientsSection(b: Builder): Block[] {
  const t = b.texts.recipients;
  const { categories, named = [] } = b.answers.recipients;
  if (categories.length === 0 && named.length === 0) return [text(t.none)];
  const items: Inline[][] = [
    ...categories.map((id) => [t.categories[id]]),
    ...named.map((recipient, index) => fill(t.named, { name: recipient.name, purpose: b.local(recipient.purpose, `recipients.named[${index}].purpose`) })),
  ];
  return [text(t.intro), list(items), text(t.processors)];
}

function transfersSection(b: Builder): Block[] {
  const t = b.texts.transfers;
  const { transfers, controller } = b.answers;
  if (transfers.length === 0) return [text(t.none)];
  const items = transfers.map((transfer) => {
    const values = { recipient: transfer.recipient, country: b.country(transfer.country), safeguard: t.safeguards[transfer.safeguard] };
    return fill(transfer.recipient ? t.item : t.itemNoRecipient, values);
  });
  const blocks = [text(t.intro), list(items)];
  if (transfers.some((transfer) => transfer.safeguard !== 'derogation')) blocks.push(text(t.copy, { email: mail(controller.email) }));
  return blocks;
}

function retentionSection(b: Builder): Block[] {
  const t = b.texts.retention;
  const items = b.answers.activities.map((activity, index) => {
    const { months, from, until, criterion } = activity.retention;
    const parts: string[] = [];
    if (months !== undefined) parts.push(fillText(t.forPeriodAfter, { period: t.period(months), event: t.after[from ?? 'collection'] }));
    else if (until !== undefined) parts.push(fillText(t.until, { event: t.untilEvents[until] }));
    if (criterion !== undefined) parts.push(sentence(b.local(criterion, `activities[${index}].retention.criterion`)));
    return fill(t.item, { purpose: b.activityTitle(activity, index), rule: parts.join(' ') });
  });
  return [text(t.intro), list(items)];
}

function rightsSection(b: Builder): Block[] {
  const t = b.texts.rights;
  const bases = new Set(b.answers.activities.map((activity) => activity.legalBasis));
  const items = [
    t.access,
    t.rectification,
    t.erasure,
    t.restriction,
    bases.has('legitimateInterests') ? t.objectionLegitimateInterests : t.objectionGeneral,
    t.portability,
    ...(bases.has('consent') ? [t.withdrawConsent] : []),
  ].map((item) => [item]);
  return [text(t.intro), list(items), text(t.exercise, { email: mail(b.answers.controller.email) })];
}

function complaintSection(b: Builder): Block[] {
  const t = b.texts.complaint;
  const own = b.answers.supervisoryAuthority;
  const national = authorityFor(b.answers.controller.country);
  const name = own ? own.name : authorityDisplayName(national, b.lang);
  const website = own ? own.website : national.website;
  const values = { authority: name, website: website ? web(website) : undefined };
  const which = !own && national.federal ? t.germanStates : website ? t.named : t.namedNoWebsite;
  return [paragraph([...fill(t.intro), ' ', ...fill(which, values)]), text(t.elsewhere)];
}

function provisionSection(b: Builder): Block[] {
  const t = b.texts.provision;
  const { provision, activities } = b.answers;
  const required =
    provision?.requiredData ?? [...new Set(activities.filter((activity) => activity.legalBasis === 'contract').flatMap((activity) => activity.dataCategories))];
  if (required.length === 0) return [text(t.noContract)];
  const consequence = provision?.consequence !== undefined ? b.local(provision.consequence, 'provision.consequence').replace(/[.!]+$/, '') : t.defaultConsequence;
  return [paragraph([...fill(t.contract, { data: b.dataList(required, undefined) }), ' ', ...fill(t.consequence, { consequence }), ' ', t.voluntary])];
}

function automatedSection(b: Builder): Block[] {
  const t = b.texts.automated;
  const decisions = b.answers.automatedDecisions;
  if (!decisions) return [text(t.none)];
  return [
    text(t.used, { description: sentence(b.local(decisions.description, 'automatedDecisions.description')) }),
    text(t.logic, { logic: sentence(b.local(decisions.logic, 'automatedDecisions.logic')) }),
    text(t.consequences, { consequences: sentence(b.local(decisions.consequences, 'automatedDecisions.consequences')) }),
    text(t.safeguards),
  ];
}

function breachSection(b: Builder): Block[] | undefined {
  const { breachPolicy, controller } = b.answers;
  if (!breachPolicy.include) return undefined;
  const t = b.texts.breach;
  return [text(t.text), text(t.contact, { email: mail(breachPolicy.contactEmail ?? controller.email) })];
}

function changesSection(b: Builder): Block[] {
  const t = b.texts.changes;
  const date = new Intl.DateTimeFormat(LOCALES[b.lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${b.answers.lastUpdated}T00:00:00Z`));
  const website = b.answers.controller.website;
  return [text(t.text), ...(website ? [text(t.website, { website: web(website) })] : []), text(t.lastUpdated, { date })];
}

/** The statement in `lang`. The answers must have passed `validateAnswers`. */
export function generateStatement(answers: StatementAnswers, lang: GeneratorLang): StatementDocument {
  const texts = STATEMENT_TEXTS[lang];
  const b = new Builder(answers, lang, texts);
  const section = (id: SectionId, blocks: Block[], subsections?: Subsection[]): StatementSection => ({
    id,
    heading: texts.headings[id],
    blocks,
    ...(subsections ? { subsections } : {}),
  });
  const breaches = breachSection(b);
  const sections = [
    section('controller', controllerSection(b)),
    section('dpo', dpoSection(b)),
    section('processing', [text(texts.processing.intro)], processingSubsections(b)),
    section('recipients', recipientsSection(b)),
    section('transfers', transfersSection(b)),
    section('retention', retentionSection(b)),
    section('rights', rightsSection(b)),
    section('complaint', complaintSection(b)),
    section('provision', provisionSection(b)),
    section('automatedDecisions', automatedSection(b)),
    ...(breaches ? [section('breaches', breaches)] : []),
    section('changes', changesSection(b)),
  ];
  return {
    lang,
    title: fillText(texts.title, { controller: answers.controller.name }),
    intro: texts.intro.map((line) => text(line, { controller: answers.controller.name })),
    sections,
    lastUpdated: answers.lastUpdated,
    warnings: b.warnings,
  };
}
