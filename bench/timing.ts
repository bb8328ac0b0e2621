/** Timing helpers shared by the scan benchmarks. */

/** Time an in-process async job: wall clock and this process's CPU (user+sys). */
export async function timeInProcess<T>(job: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = await job();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
