/**
 * The human report: a short, prioritised list (failures first, each with what to do),
 * then what was fine. Within a status the order is the web's "what to fix first"
 * (src/scan/priority.ts, docs/priorities.md). Plain text, coloured only on a terminal.
 * Everything that may carry scanned data (target, summaries, advice) goes through
 * terminalSafe() (./terminal.ts).
 */
import type { Lang } from '../core/lang.js';
import type { Status } from '../scan/check.js';
import type { ScanReport } from '../scan/engine.js';
import { byPriority } from '../scan/priority.js';
import type { ScoreBreakdown } from '../scan/score.js';
import { terminalSafe } from './terminal.js';
import { CLI_TEXTS } from './texts.js';

const ORDER: readonly Status[] = ['fail', 'warn', 'error', 'info', 'pass', 'skip'];
const MARK: Record<Status, string> = { fail: '✗', warn: '!', error: '?', info: 'i', pass: '✓', skip: '-' };
const COLOUR: Record<Status, string> = { fail: '31', warn: '33', error: '35', info: '36', pass: '32', skip: '90' };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function renderText(report: ScanReport, lang: Lang, options: { colour: boolean; breakdown?: ScoreBreakdown }): string {
  const t = CLI_TEXTS[lang];
  const paint = (status: Status, text: string): string => (options.colour ? `\x1b[${COLOUR[status]}m${text}\x1b[0m` : text);
  const score = (value: number | null): string => (value === null ? t.notScanned : `${value}/100`);
  const lines: string[] = [
    fill(t.title, { target: terminalSafe(report.target) }),
    `${t.score}: web ${score(report.scores.web)} · mail ${score(report.scores.mail)} · ${t.overall} ${score(report.scores.overall)}  (${fill(t.duration, { seconds: (report.durationMs / 1000).toFixed(1) })})`,
  ];
  for (const status of ORDER) {
    const group = byPriority(report.checks.filter((check) => check.status === status));
    if (group.length === 0) continue;
    lines.push('', paint(status, `${t[status]} (${group.length})`));
    const detailed = status === 'fail' || status === 'warn' || status === 'error';
    for (const check of group) {
      lines.push(`  ${paint(status, MARK[status])} ${terminalSafe(check.summary)}  [${terminalSafe(check.id)}]`);
      if (detailed && check.advice) {
        for (const line of check.advice.split('\n')) lines.push(`      → ${terminalSafe(line)}`);
      }
    }
  }
  if (options.breakdown) lines.push('', ...renderBreakdown(options.breakdown, lang));
  return lines.join('\n') + '\n';
}

function renderBreakdown(breakdown: ScoreBreakdown, lang: Lang): string[] {
  const t = CLI_TEXTS[lang];
  const lines = [t.scoreTable];
  for (const category of breakdown.categories) {
    lines.push(`  ${category.area}.${category.category}: ${category.earned}/${category.possible} ${t.points} = ${category.percent}%`);
    for (const check of breakdown.checks.filter((c) => c.area === category.area && c.category === category.category)) {
      lines.push(`      ${check.id.padEnd(36)} ${check.earned}/${check.possible}`);
    }
  }
  lines.push(`  ${t.scoreRule}`);
  return lines;
}
