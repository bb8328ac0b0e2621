/**
 * The check contract: a check is a pure function from recorded evidence to a result.
 * It never does I/O and never reads the clock (the scan's `now` is passed in), so the
 * same evidence always gives the same verdict and every check is unit-testable.
 */
import type { Lang } from '../core/lang.js';
import type { ScanEvidence } from './evidence/index.js';

export const STATUSES = ['pass', 'warn', 'fail', 'info', 'error', 'skip'] as const;
export type Status = (typeof STATUSES)[number];

/** A reference to one of the check's own texts, with values for its {{placeholders}}. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
  /**
   * Placeholders filled with a list of the check's own text keys, each rendered in the reader's
   * language and joined as that language joins a list ("a, b and c"): how a pure check names
   * things in words it cannot translate itself (the elements a privacy statement misses).
   */
  lists?: Record<string, string[]>;
}

/**
 * Every check's texts, per language. `title` and `verifies` are required and feed
 * `weerbaar checks` and docs/checks.md; every other key is the check's own.
 * Texts use i18next interpolation: `{{host}}`; plural keys end in `_one` / `_other`.
 */
export type CheckTexts = { title: string; verifies: string } & Record<string, string>;

export interface CheckVerdict {
  status: Status;
  summary: MessageRef;
  /** What to do, most important first. Empty when there is nothing to do. */
  advice: MessageRef[];
  /** The facts the verdict rests on: plain JSON, shown in --json output. */
  evidence: Record<string, unknown>;
  /**
   * The check does not apply to this domain (e.g. STARTTLS for a domain with a Null MX).
   * Use with status 'skip' or 'info'; scoring leaves such a check out entirely, where a
   * plain 'skip' (could not be checked) still counts as points not earned.
   */
  notApplicable?: boolean;
}

export interface CheckContext {
  /** The scan's clock, so expiry-like verdicts are reproducible on recorded evidence. */
  now: Date;
}

/** Points and score categories are not part of a check: see the table in src/scan/score.ts. */
export interface Check {
  /** Stable, dotted id (`web.*`, `mail.*`, `dns.*`, `privacy.*`). Never rename. */
  id: string;
  texts: Record<Lang, CheckTexts>;
  run(evidence: ScanEvidence, context: CheckContext): CheckVerdict;
}

/** Helpers so check files stay short. */
export function verdict(
  status: Status,
  summaryKey: string,
  params: Record<string, string | number> = {},
  advice: MessageRef[] = [],
  evidence: Record<string, unknown> = {},
): CheckVerdict {
  return { status, summary: { key: summaryKey, params }, advice, evidence };
}

/** A check's own texts on top of texts shared by a group of checks (own keys win). */
export function mergeTexts(shared: Record<Lang, Record<string, string>>, own: Record<Lang, CheckTexts>): Record<Lang, CheckTexts> {
  return { en: { ...shared.en, ...own.en }, nl: { ...shared.nl, ...own.nl }, sv: { ...shared.sv, ...own.sv } };
}

export function msg(key: string, params?: Record<string, string | number>): MessageRef {
  return params ? { key, params } : { key };
}
