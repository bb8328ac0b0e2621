/**
 * What changed between two scans of the same domain, per check id: new failures first
 * (most urgent), then other results that got worse, then what improved. Pure: it only
 * compares statuses, so it works on stored results of any age.
 */
import type { Status } from '../scan/check.js';

export interface CheckStatus {
  id: string;
  status: Status;
}

export interface StatusChange {
  id: string;
  /** null when the check did not exist in (or was not run by) the previous scan. */
  before: Status | null;
  after: Status;
}

export interface ScanDiff {
  newFailures: StatusChange[];
  worsened: StatusChange[];
  improved: StatusChange[];
}

/**
 * How bad a status is. Pass and skip (not applicable) are both "nothing to do";
 * info is a note; error means the check could not judge, which hides a possible
 * problem, so it ranks between a warning and a failure.
 */
const SEVERITY: Readonly<Record<Status, number>> = { pass: 0, skip: 0, info: 1, warn: 2, error: 3, fail: 4 };

export function severityOf(status: Status): number {
  return SEVERITY[status];
}

export function diffScans(previous: readonly CheckStatus[], current: readonly CheckStatus[]): ScanDiff {
  const before = new Map(previous.map((check) => [check.id, check.status]));
  const diff: ScanDiff = { newFailures: [], worsened: [], improved: [] };
  for (const { id, status } of current) {
    const old = before.get(id) ?? null;
    if (old === status) continue;
    const change: StatusChange = { id, before: old, after: status };
    if (status === 'fail') {
      diff.newFailures.push(change);
      continue;
    }
    // A check new in this scan that does not fail is not a change worth reporting.
    if (old === null) continue;
    const delta = SEVERITY[status] - SEVERITY[old];
    if (delta > 0) diff.worsened.push(change);
    else if (delta < 0) diff.improved.push(change);
  }
  // Within a group, the worst outcome first.
  diff.worsened.sort((a, b) => SEVERITY[b.after] - SEVERITY[a.after]);
  diff.improved.sort((a, b) => SEVERITY[b.before ?? 'pass'] - SEVERITY[a.before ?? 'pass']);
  return diff;
}

export const isEmptyDiff = (diff: ScanDiff): boolean =>
  diff.newFailures.length === 0 && diff.worsened.length === 0 && diff.improved.length === 0;
