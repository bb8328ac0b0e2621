/**
 * The shape of one language's statement texts. Sentences are templates with named
 * placeholders ({controller}, {email}, ...) that generate.ts fills in, with links where the
 * value is an e-mail or web address. `Record` over every id list makes a missing translation a
 * compile error.
 */
import type { SectionId } from './document.js';
import type {
  DataCategoryId,
  GeneratorLang,
  LegalBasis,
  PredefinedPurposeId,
  PurposeWithDefaultInterest,
  RecipientCategoryId,
  RetentionEvent,
  RetentionUntilEvent,
  TransferSafeguard,
} from './ids.js';

export interface PurposeText {
  /** Sub-heading, e.g. "Handling your order". */
  title: string;
  /** Completes "Purpose:", e.g. "to process your order ...". */
  description: string;
}

export interface StatementTexts {
  lang: GeneratorLang;
  /** {controller} */
  title: string;
  /** Paragraphs under the title. {controller} */
  intro: string[];
  headings: Record<SectionId, string>;
  controller: {
    /** {controller} {address} {country} */
    responsible: string;
    /** {email} */
    contact: string;
    /** {email} {phone} */
    contactWithPhone: string;
    /** {number} */
    registration: string;
    /** {website} */
    website: string;
  };
  dpo: {
    appointed: string;
    /** {name} */
    appointedNamed: string;
    /** {email} */
    contact: string;
    /** {email} {phone} */
    contactWithPhone: string;
    /** {email} (the controller's) */
    none: string;
  };
  processing: {
    intro: string;
    purposeLabel: string;
    dataLabel: string;
    basisLabel: string;
    /** What follows a label: ': ', or ' : ' in French. */
    colon: string;
    /** {interest} */
    interest: string;
  };
  purposes: Record<PredefinedPurposeId, PurposeText>;
  /** Phrases that follow the `interest` template's "Our legitimate interest is". */
  defaultInterests: Record<PurposeWithDefaultInterest, string>;
  dataCategories: Record<DataCategoryId, string>;
  legalBases: Record<LegalBasis, string>;
  recipients: {
    intro: string;
    categories: Record<RecipientCategoryId, string>;
    /** {name} {purpose} */
    named: string;
    processors: string;
    none: string;
  };
  transfers: {
    none: string;
    intro: string;
    /** {recipient} {country} {safeguard} */
    item: string;
    /** {country} {safeguard} */
    itemNoRecipient: string;
    safeguards: Record<TransferSafeguard, string>;
    /** {email} */
    copy: string;
  };
  retention: {
    intro: string;
    /** {purpose} {rule} */
    item: string;
    /** {period} {event} */
    forPeriodAfter: string;
    /** {event} */
    until: string;
    after: Record<RetentionEvent, string>;
    untilEvents: Record<RetentionUntilEvent, string>;
    /** A period of whole months in words ("2 years", "18 months"), grammatical after forPeriodAfter's preposition. */
    period: (months: number) => string;
  };
  rights: {
    intro: string;
    access: string;
    rectification: string;
    erasure: string;
    restriction: string;
    /** When some processing relies on legitimate interests. */
    objectionLegitimateInterests: string;
    /** When none does: direct marketing and the particular-situation objection. */
    objectionGeneral: string;
    portability: string;
    withdrawConsent: string;
    /** {email} */
    exercise: string;
  };
  complaint: {
    /** Unhappy? Tell us; and the right to complain to a supervisory authority. */
    intro: string;
    /** {authority} {website} */
    named: string;
    /** {authority} (no website known) */
    namedNoWebsite: string;
    /** Germany without a named state authority: {authority} {website} are the federal one's. */
    germanStates: string;
    elsewhere: string;
  };
  provision: {
    /** {data} */
    contract: string;
    /** {consequence} */
    consequence: string;
    defaultConsequence: string;
    voluntary: string;
    noContract: string;
  };
  automated: {
    none: string;
    /** {description} */
    used: string;
    /** {logic} */
    logic: string;
    /** {consequences} */
    consequences: string;
    safeguards: string;
  };
  breach: {
    /** Names no authority: the complaint section does, and a German shop's may be a state authority. */
    text: string;
    /** {email} */
    contact: string;
  };
  changes: {
    text: string;
    /** {website} */
    website: string;
    /** {date} */
    lastUpdated: string;
  };
}
