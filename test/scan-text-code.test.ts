/**
 * The result page shows configuration lines quoted in our advice (`ssl_protocols TLSv1.2;`) as
 * code, while a value the scanned site wrote stays isolated plain text, backticks and all.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../src/domains/scan-view.js';
import { ISOLATE_END, ISOLATE_START } from '../src/scan/texts.js';

describe('scanText', () => {
  it('shows a quoted configuration line as code, escaped', () => {
    const out = String(scanText('In nginx: `ssl_ciphers ECDHE+AESGCM:<x>;` then reload.'));
    expect(out).toBe('In nginx: <code>ssl_ciphers ECDHE+AESGCM:&lt;x&gt;;</code> then reload.');
  });

  it('leaves backticks in a scanned value alone and isolates it', () => {
    const out = String(scanText(`The header says ${ISOLATE_START}\`<b>\`${ISOLATE_END}; use \`add_header\`.`));
    expect(out).toBe('The header says <bdi>`&lt;b&gt;`</bdi>; use <code>add_header</code>.');
  });

  it('does not pair a backtick across a scanned value', () => {
    const out = String(scanText(`a \` ${ISOLATE_START}x${ISOLATE_END} \` b`));
    expect(out).not.toContain('<code>');
  });
});
