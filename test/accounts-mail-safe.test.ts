/** Names as they may appear in the body of an e-mail we send (src/accounts/mail-safe.ts). */
import { describe, expect, it } from 'vitest';
import { MAIL_NAME_MAX, mailSafeName } from '../src/accounts/mail-safe.js';

describe('a typed name in an e-mail body', () => {
  it('loses bidi controls, marks, zero-width and control characters', () => {
    expect(mailSafeName('\u202EMallory\u202C')).toBe('Mallory');
    for (const control of ['\u202A', '\u202B', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u200B', '\uFEFF']) {
      expect(mailSafeName(`Shop${control}name`), JSON.stringify(control)).toBe('Shopname');
    }
    // Controls that break a line or sound a bell become a space.
    for (const control of ['\u0007', '\u0085', '\u001B', '\u007F']) expect(mailSafeName(`Shop${control}name`), JSON.stringify(control)).toBe('Shop name');
    expect(mailSafeName('Line one\r\n\tLine two\u2028three\u2029four')).toBe('Line one Line two three four');
  });

  it('keeps a web address readable but not clickable', () => {
    expect(mailSafeName('verify at https://evil.example/login')).toBe('verify at https[://]evil[.]example/login');
    expect(mailSafeName('www.jansen.nl')).toBe('www[.]jansen[.]nl');
    expect(mailSafeName('Jansen B.V.')).toBe('Jansen B.V.');
    expect(mailSafeName('mail me: a@evil.example')).toBe('mail me: a@evil[.]example');
  });

  it(`is at most ${MAIL_NAME_MAX} characters, with an ellipsis when cut`, () => {
    expect(mailSafeName('Bakkerij Jansen')).toBe('Bakkerij Jansen');
    const long = mailSafeName('URGENT: your account is suspended, verify at https://evil.example/verify now or lose everything');
    expect(long).toBe('URGENT: your account is suspended, verify at https[://]evil…');
    expect(Array.from(mailSafeName('🛒'.repeat(100)))).toHaveLength(MAIL_NAME_MAX);
    expect(mailSafeName('x'.repeat(61)).endsWith('…')).toBe(true);
    expect(mailSafeName('x'.repeat(60))).toBe('x'.repeat(60));
  });
});
