/** What a command reads and writes: the process's streams, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTty: boolean;
  /** When this process started (epoch ms): a scan's --timeout counts from here, so the whole command keeps it. */
  startedAtMs?: number;
  /** Where `admin create` and `privacy-statement --answers -` read from (default: process.stdin). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}
