/**
 * The generated statement as a small document tree, independent of output format: a title,
 * an introduction and sections of paragraphs and lists. Renderers (render.ts) turn it into
 * Markdown, HTML or plain text; a web page can also walk it itself.
 */
import type { FieldError } from './answers-schema.js';
import type { GeneratorLang } from './ids.js';

/** A run of text, or a link (e-mail addresses as mailto:, web addresses as https:). */
export type Inline = string | { text: string; href: string };

export type Block = { kind: 'paragraph'; content: Inline[] } | { kind: 'list'; items: Inline[][] };

export const SECTION_IDS = [
  'controller',
  'dpo',
  'processing',
  'recipients',
  'transfers',
  'retention',
  'rights',
  'complaint',
  'provision',
  'automatedDecisions',
  'breaches',
  'changes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface Subsection {
  heading: string;
  blocks: Block[];
}

export interface StatementSection {
  id: SectionId;
  heading: string;
  blocks: Block[];
  /** One per processing activity in the `processing` section. */
  subsections?: Subsection[];
}

export interface StatementDocument {
  lang: GeneratorLang;
  title: string;
  intro: Block[];
  sections: StatementSection[];
  /** The version date (YYYY-MM-DD) from the answers. */
  lastUpdated: string;
  /**
   * Things the owner should look at: a free text given in another language than the
   * statement's (it was used as is). Empty when the statement is complete as generated.
   */
  warnings: FieldError[];
}
