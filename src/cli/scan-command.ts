/** `weerbaar scan <domain>`: run the scan and print the report as text or JSON. */
import { renderReport, runScan } from '../scan/engine.js';
import { parseScanArgs } from './args.js';
import type { Io } from './io.js';
import { renderText } from './text-report.js';

export async function scanCommand(argv: string[], io: Io): Promise<number> {
  const command = parseScanArgs(argv, io.env);
  const result = await runScan(command.domain, io.startedAtMs === undefined ? command.options : { ...command.options, clockStartMs: io.startedAtMs });
  const report = renderReport(result, command.lang);
  if (command.json) {
    io.out(`${JSON.stringify(command.explainScore ? { ...report, scoreBreakdown: result.score } : report, null, 2)}\n`);
  } else {
    io.out(renderText(report, command.lang, { colour: io.isTty, ...(command.explainScore ? { breakdown: result.score } : {}) }));
  }
  return 0;
}
