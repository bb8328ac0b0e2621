/**
 * Text for a terminal. Scanned data (DNS records, page titles, headers, error messages of
 * remote servers) reaches the CLI's text output through summaries and advice; a control
 * character in it would be obeyed by the terminal (ESC[2J clears the screen, an OSC sets
 * the window title or a hyperlink, a C1 CSI does the same in one byte) and a direction
 * override would reverse the line around it. Every such character is shown as an escape
 * instead: C0 (also tab and newline: the layout's own line breaks are added after this),
 * DEL, C1, and the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
 * The JSON output is left exact: JSON.stringify escapes C0 itself, and a JSON reader is
 * not a terminal.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`);
}

/** One line of text, safe to print: every control and direction character shown as an escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** Several lines: the line breaks kept, everything else inside each line made safe. */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}
