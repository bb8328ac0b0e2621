/**
 * Per-host verdicts for the web checks, and how they become one: the worst status
 * wins, and a finding that is the same on the apex and www is said once, naming both.
 */
import type { Lang } from '../../../core/lang.js';
import type { CheckVerdict, MessageRef, Status } from '../../check.js';

/** Texts for the verdicts made here; every web check's texts include them. */
export const WEB_SHARED_TEXTS: Record<Lang, Record<string, string>> = {
  en: { noWeb: 'The website part of the scan was not collected, so this could not be checked.' },
  nl: { noWeb: 'Het websitedeel van de scan is niet verzameld, dus dit kon niet worden gecontroleerd.' },
  sv: { noWeb: 'Webbplatsdelen av skanningen samlades inte in, så detta kunde inte kontrolleras.' },
};

export interface HostVerdict {
  host: string;
  status: Status;
  summary: MessageRef;
  advice: MessageRef[];
  evidence: Record<string, unknown>;
}

export function hostVerdict(
  host: string,
  status: Status,
  summaryKey: string,
  params: Record<string, string | number> = {},
  advice: MessageRef[] = [],
  evidence: Record<string, unknown> = {},
): HostVerdict {
  return { host, status, summary: { key: summaryKey, params: { host, ...params } }, advice, evidence };
}

const SEVERITY: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'info', 'skip'];
const rank = (status: Status): number => SEVERITY.indexOf(status);

/** A message's identity without its host, so the same finding on two hosts is said once. */
function identity(ref: MessageRef): string {
  const { host: _host, ...rest } = ref.params ?? {};
  return JSON.stringify([ref.key, Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))]);
}

function mergeRefs(refs: { ref: MessageRef; host: string }[]): MessageRef[] {
  const merged = new Map<string, { ref: MessageRef; hosts: string[] }>();
  for (const { ref, host } of refs) {
    const id = identity(ref);
    const entry = merged.get(id);
    const refHost = ref.params?.host;
    if (entry) {
      if (typeof refHost === 'string' && !entry.hosts.includes(refHost)) entry.hosts.push(refHost);
    } else {
      merged.set(id, { ref, hosts: typeof refHost === 'string' ? [refHost] : [host] });
    }
  }
  return [...merged.values()].map(({ ref, hosts }) =>
    ref.params && 'host' in ref.params ? { key: ref.key, params: { ...ref.params, host: hosts.join(', ') } } : ref,
  );
}

/** One verdict from per-host verdicts: the worst status, its summary, every host's advice. */
export function combine(results: HostVerdict[], noWebSummaryKey = 'noWeb'): CheckVerdict {
  if (results.length === 0) return { status: 'error', summary: { key: noWebSummaryKey }, advice: [], evidence: {} };
  const worst = results.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
  const sameAsWorst = results.filter((r) => r.status === worst.status && identity(r.summary) === identity(worst.summary));
  const [summary] = mergeRefs(sameAsWorst.map((r) => ({ ref: r.summary, host: r.host })));
  return {
    status: worst.status,
    summary: summary ?? worst.summary,
    advice: mergeRefs(results.flatMap((r) => r.advice.map((ref) => ({ ref, host: r.host })))),
    // The verdict's own status last: a check's evidence must not overwrite it with, say, an HTTP status.
    evidence: { hosts: results.map((r) => ({ ...r.evidence, host: r.host, status: r.status })) },
  };
}
