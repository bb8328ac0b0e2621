/**
 * Cipher-suite enumeration and server preference, the testssl/sslscan way: offer a set,
 * note the server's pick, remove it, repeat until the server refuses. That finds every
 * accepted suite in n+1 handshakes and, when the server enforces its own order, gives
 * that order too. Then offer the accepted suites reversed: a server that still picks its
 * first choice enforces its order; one that picks our first follows the client.
 *
 * ChaCha20 suites are offered last: servers with "prioritize ChaCha" pick them only when
 * the client lists them first, which would otherwise disguise the server's real order.
 */
import { AttemptError } from './connection.js';
import { isChacha, type SuiteInfo } from './suites.js';

/** Offer suites and return the one the server picked, or null when it refused them all. Throws AttemptError on failure. */
export type Picker = (offer: readonly SuiteInfo[]) => Promise<SuiteInfo | null>;

export interface Enumeration {
  /** null when even the first offer failed (timeout, garbage): the version could not be tested. */
  accepted: SuiteInfo[] | null;
  serverEnforced: boolean | null;
  /** Set when a later offer failed: `accepted` may be incomplete. */
  error?: string;
}

/** Some old servers choke on very long suite lists, so at most this many go in one offer. */
const MAX_OFFER = 128;

function chachaLast(suites: readonly SuiteInfo[]): SuiteInfo[] {
  return [...suites.filter((suite) => !isChacha(suite)), ...suites.filter(isChacha)];
}

async function drain(offer: readonly SuiteInfo[], pick: Picker): Promise<{ picked: SuiteInfo[]; error?: AttemptError }> {
  const remaining = [...offer];
  const picked: SuiteInfo[] = [];
  while (remaining.length > 0) {
    let chosen: SuiteInfo | null;
    try {
      chosen = await pick(remaining);
    } catch (error) {
      return { picked, error: error instanceof AttemptError ? error : new AttemptError('protocol', String(error)) };
    }
    if (!chosen) break;
    const index = remaining.indexOf(chosen);
    if (index === -1) return { picked, error: new AttemptError('protocol', `The server chose ${chosen.iana}, which was not offered.`) };
    picked.push(chosen);
    remaining.splice(index, 1);
  }
  return { picked };
}

async function enforcement(accepted: readonly SuiteInfo[], pick: Picker): Promise<boolean | null> {
  if (accepted.length < 2) return null;
  const reversed = chachaLast([...accepted].reverse());
  if (reversed[0] === accepted[0]) return null;
  try {
    const chosen = await pick(reversed);
    if (chosen === accepted[0]) return true;
    if (chosen === reversed[0]) return false;
    return null;
  } catch {
    return null;
  }
}

export async function enumerateSuites(candidates: readonly SuiteInfo[], pick: Picker): Promise<Enumeration> {
  const ordered = chachaLast(candidates);
  const chunks: SuiteInfo[][] = [];
  for (let start = 0; start < ordered.length; start += MAX_OFFER) chunks.push(ordered.slice(start, start + MAX_OFFER));
  const results = await Promise.all(chunks.map((chunk) => drain(chunk, pick)));
  let error = results.find((result) => result.error)?.error;
  let accepted = results.flatMap((result) => result.picked);
  // Nothing accepted and an offer failed: we cannot say the version is refused.
  if (accepted.length === 0 && error) return { accepted: null, serverEnforced: null, error: error.message };
  // Suites found in different offers: one more pass over them all to learn their relative order.
  if (results.filter((result) => result.picked.length > 0).length > 1) {
    const merged = await drain(chachaLast(accepted), pick);
    if (merged.picked.length === accepted.length) accepted = merged.picked;
    error ??= merged.error;
  }
  const serverEnforced = await enforcement(accepted, pick);
  return { accepted, serverEnforced, ...(error ? { error: error.message } : {}) };
}
