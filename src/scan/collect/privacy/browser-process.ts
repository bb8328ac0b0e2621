/**
 * The scan's own Chromium as operating-system processes, read from /proc: which processes
 * belong to it, how much memory they hold together, and a hard kill.
 *
 * Why: a page can make Chromium grow without limit (a decompression bomb, a huge DOM) and a
 * page that spins its script can make a polite close wait. The watchdog stops the load when
 * the browser's memory passes a budget; at the deadline the browser is killed, not asked.
 * The browser is found by its profile folder (unique per scan) among this process's
 * children, so concurrent scans in one server never touch each other's browsers.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface BrowserProcesses {
  /** The browser's process and all its descendants (renderers, GPU, utilities), now. */
  pids(): number[];
  /** Proportional resident memory (PSS) of all of them: shared pages counted once overall. */
  memoryBytes(): number;
  /** SIGKILL every one of them. */
  kill(): void;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** pid -> parent pid for every process visible in /proc. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The command name may hold spaces and parentheses; the fields after the last ')' are fixed.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(parent)) parents.set(Number(entry), parent);
  }
  return parents;
}

/** Kilobytes of PSS (smaps_rollup), falling back to RSS (statm) where the kernel has no rollup. */
function processMemoryBytes(pid: number): number {
  const rollup = readText(`/proc/${pid}/smaps_rollup`);
  const pss = rollup ? /^Pss:\s+(\d+) kB/m.exec(rollup) : null;
  if (pss?.[1]) return Number(pss[1]) * 1024;
  const statm = readText(`/proc/${pid}/statm`);
  return statm ? Number(statm.split(' ')[1] ?? 0) * 4096 : 0;
}

/** The processes of the Chromium started with `--user-data-dir=<profile>` by this process. */
export function browserProcesses(profile: string): BrowserProcesses {
  let root: number | undefined;
  const findRoot = (parents: Map<number, number>): number | undefined => {
    if (root !== undefined) return root;
    for (const [pid, parent] of parents) {
      if (parent !== process.pid) continue;
      const command = readText(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
      if (command.includes(`--user-data-dir=${profile}`)) return (root = pid);
    }
    return undefined;
  };
  const pids = (): number[] => {
    const parents = parentMap();
    const top = findRoot(parents);
    if (top === undefined || !parents.has(top)) return [];
    const tree = new Set([top]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents) {
        if (!tree.has(pid) && tree.has(parent)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    return [...tree];
  };
  return {
    pids,
    memoryBytes: () => pids().reduce((total, pid) => total + processMemoryBytes(pid), 0),
    kill: () => {
      for (const pid of pids()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

export interface MemoryWatchdog {
  /** Set once the budget was passed and the browser was killed. */
  readonly tripped: boolean;
  /** The highest memory seen, in bytes. */
  readonly peakBytes: number;
  stop(): void;
}

/** Poll the browser's memory; past `budgetBytes`, kill it and call `onTrip`. */
export function watchMemory(processes: BrowserProcesses, budgetBytes: number, onTrip: () => void, intervalMs = 100): MemoryWatchdog {
  let tripped = false;
  let peakBytes = 0;
  const timer = setInterval(() => {
    const bytes = processes.memoryBytes();
    peakBytes = Math.max(peakBytes, bytes);
    if (bytes <= budgetBytes || tripped) return;
    tripped = true;
    clearInterval(timer);
    processes.kill();
    onTrip();
  }, intervalMs);
  timer.unref();
  return {
    get tripped() {
      return tripped;
    },
    get peakBytes() {
      return peakBytes;
    },
    stop: () => clearInterval(timer),
  };
}
