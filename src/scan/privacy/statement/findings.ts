/** A finding built from the sentences that show it: the shapes the element rules share. */
import type { Sentence } from './sentences.js';
import type { ElementFinding, ElementId, Requirement, StatementLang } from './types.js';

/** Evidence sentences are cut to this length. */
const MAX_EVIDENCE_CHARS = 300;

export interface Hit {
  sentence: Sentence;
  lang: StatementLang;
  /** Only a section title matched (the evidence then adds the line under it). */
  heading?: boolean;
}
export interface Search {
  positive?: Hit;
  negated?: Hit;
}

export const cut = (text: string): string => (text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : text);

export function found(id: ElementId, requirement: Requirement, hits: Hit[], note?: ElementFinding['note']): ElementFinding {
  const texts = [...new Set(hits.map((hit) => cut(hit.sentence.text)))];
  return { id, requirement, status: 'found', sentences: texts, ...(hits[0] ? { lang: hits[0].lang } : {}), ...(note ? { note } : {}) };
}

export function missing(id: ElementId, requirement: Requirement, note?: ElementFinding['note'], context: Hit[] = []): ElementFinding {
  return { id, requirement, status: 'missing', sentences: context.map((hit) => cut(hit.sentence.text)), ...(note ? { note } : {}) };
}
