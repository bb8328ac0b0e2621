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
  /** Where in the sentence the match starts: a long sentence is cut around it. */
  at?: number;
}
export interface Search {
  positive?: Hit;
  negated?: Hit;
}

/** Characters kept before the match when a long sentence is cut around it. */
const CONTEXT_BEFORE = 100;

/**
 * A sentence cut to the evidence length: from its head, or, when the match lies beyond that (a long
 * numbered clause listing every right), around the match, so the evidence shows what states the element.
 */
export function cut(text: string, at = 0): string {
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  if (at + CONTEXT_BEFORE < MAX_EVIDENCE_CHARS - 1) return `${text.slice(0, MAX_EVIDENCE_CHARS - 1)}…`;
  const start = at - CONTEXT_BEFORE;
  const window = text.slice(start, start + MAX_EVIDENCE_CHARS - 2);
  return `…${window}${start + window.length < text.length ? '…' : ''}`;
}

const evidence = (hit: Hit): string => cut(hit.sentence.text, hit.at);

export function found(id: ElementId, requirement: Requirement, hits: Hit[], note?: ElementFinding['note']): ElementFinding {
  const texts = [...new Set(hits.map(evidence))];
  return { id, requirement, status: 'found', sentences: texts, ...(hits[0] ? { lang: hits[0].lang } : {}), ...(note ? { note } : {}) };
}

export function missing(id: ElementId, requirement: Requirement, note?: ElementFinding['note'], context: Hit[] = []): ElementFinding {
  return { id, requirement, status: 'missing', sentences: context.map(evidence), ...(note ? { note } : {}) };
}
