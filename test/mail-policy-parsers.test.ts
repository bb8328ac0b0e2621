import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDkimKey, looksLikeDkimKey } from '../src/scan/mail-policy/dkim.js';
import { looksLikeDmarc, parseDmarc } from '../src/scan/mail-policy/dmarc.js';
import { isValidMxPattern, mxMatchesPattern, parseStsPolicy, parseStsTxt } from '../src/scan/mail-policy/mta-sts.js';
import { parseTagList } from '../src/scan/mail-policy/tag-list.js';
import { parseTlsRpt } from '../src/scan/mail-policy/tls-rpt.js';

function rsaKey(bits: number, type: 'spki' | 'pkcs1' = 'spki'): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ format: 'der', type }).toString('base64');
}

function ed25519Key(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
}

describe('tag lists', () => {
  it('parses tags with white space and a trailing separator, and refuses duplicates', () => {
    const parsed = parseTagList(' v = DKIM1 ;  p=abc ; ');
    expect(parsed.ok && [...parsed.tags]).toEqual([['v', 'DKIM1'], ['p', 'abc']]);
    expect(parseTagList('v=1; p=a; p=b')).toEqual({ ok: false, reason: 'the tag "p" appears more than once' });
    expect(parseTagList('v=1; nonsense').ok).toBe(false);
  });
});

describe('DMARC', () => {
  it('parses a full record with defaults filled in', () => {
    const parsed = parseDmarc('v=DMARC1; p=Reject; sp=quarantine; np=reject; pct=50; rua=mailto:a@shop.nl,mailto:b@report.example!10m; ruf=mailto:f@shop.nl; adkim=s; fo=0:1:d; ri=86400; psd=n; x=1');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record).toMatchObject({ p: 'reject', sp: 'quarantine', np: 'reject', pct: 50, adkim: 's', aspf: 'r', fo: '0:1:d', unknownTags: ['x'] });
    expect(parsed.record.rua).toEqual([
      { uri: 'mailto:a@shop.nl', scheme: 'mailto', address: 'a@shop.nl', domain: 'shop.nl' },
      { uri: 'mailto:b@report.example', scheme: 'mailto', address: 'b@report.example', domain: 'report.example', maxSize: '10m' },
    ]);
  });

  it.each([
    ['p=reject; v=DMARC1', 'the record must start with v=DMARC1'],
    ['v=DMARC1; rua=mailto:a@b.nl', 'the required tag p (the policy) is missing'],
    ['v=DMARC1; p=block', 'p=block is not a valid policy (use none, quarantine or reject)'],
    ['v=DMARC1; p=none; sp=maybe', 'sp=maybe is not a valid policy (use none, quarantine or reject)'],
    ['v=DMARC1; p=none; pct=150', 'pct=150 is not a whole number from 0 to 100'],
    ['v=DMARC1; p=none; rua=a@b.nl', 'rua entry "a@b.nl" is not a valid URI (expected e.g. mailto:dmarc@example.com)'],
    ['v=DMARC1; p=none; rua=mailto:nobody', 'rua entry "mailto:nobody" is not a valid e-mail address'],
    ['v=DMARC1; p=none; adkim=x', 'adkim=x is not valid (use r for relaxed or s for strict)'],
    ['v=DMARC1; p=none; fo=2', 'fo=2 is not valid (use 0, 1, d or s, separated by colons)'],
    ['v=DMARC1; p=none; p=reject', 'the record is not a valid tag list: the tag "p" appears more than once'],
  ])('rejects %s precisely', (record, reason) => {
    expect(parseDmarc(record)).toEqual({ ok: false, reason });
  });

  it('recognises DMARC records for discovery', () => {
    expect(looksLikeDmarc('v=DMARC1; p=none')).toBe(true);
    expect(looksLikeDmarc('v=DMARC1')).toBe(true);
    expect(looksLikeDmarc('v=spf1 -all')).toBe(false);
    expect(looksLikeDmarc('v=DMARC10; p=none')).toBe(false);
  });
});

describe('DKIM key records', () => {
  it('derives RSA key sizes from the SubjectPublicKeyInfo', () => {
    expect(parseDkimKey(`v=DKIM1; k=rsa; p=${rsaKey(2048)}`)).toMatchObject({ keyType: 'rsa', bits: 2048, revoked: false, errors: [] });
    expect(parseDkimKey(`p=${rsaKey(1024)}`)).toMatchObject({ keyType: 'rsa', bits: 1024, errors: [] });
  });

  it('accepts a bare PKCS#1 key with a note, Ed25519 keys, and spots revoked and test keys', () => {
    const pkcs1 = parseDkimKey(`v=DKIM1; p=${rsaKey(2048, 'pkcs1')}`);
    expect(pkcs1).toMatchObject({ bits: 2048, errors: [] });
    expect(pkcs1.notes[0]).toMatch(/PKCS#1/);
    expect(parseDkimKey(`v=DKIM1; k=ed25519; p=${ed25519Key()}`)).toMatchObject({ keyType: 'ed25519', bits: 256, errors: [] });
    expect(parseDkimKey('v=DKIM1; k=rsa; p=')).toMatchObject({ revoked: true, errors: [] });
    expect(parseDkimKey(`v=DKIM1; t=y:s; p=${rsaKey(1024)}`)).toMatchObject({ testing: true });
  });

  it.each([
    ['v=DKIM2; p=AAAA', 'v=DKIM2 is not DKIM1'],
    ['k=rsa; v=DKIM1; p=AAAA', 'v=DKIM1 must be the first tag'],
    ['v=DKIM1; p=not*base64', 'p= is not valid base64'],
    ['v=DKIM1; p=AAAAAAAA', 'p= is not a valid RSA public key'],
    ['v=DKIM1; k=ed25519; p=AAAA', 'p= holds 3 bytes, but an Ed25519 key is 32 bytes'],
    ['v=DKIM1; k=dsa; p=AAAA', 'k=dsa is not a key type verifiers know (rsa or ed25519)'],
    ['v=DKIM1; h=sha1; p=', 'h=sha1 allows only SHA-1, which verifiers no longer accept (RFC 8301)'],
    ['v=DKIM1; s=other; p=', 's=other does not allow the key for e-mail'],
    ['v=DKIM1; k=rsa', 'the required tag p (the public key) is missing'],
  ])('reports %s', (record, error) => {
    expect(parseDkimKey(record).errors).toContain(error);
  });

  it('does not take a wildcard SPF record for a key', () => {
    expect(looksLikeDkimKey('v=spf1 -all')).toBe(false);
    expect(looksLikeDkimKey('k=rsa; p=AAAA')).toBe(true);
  });
});

describe('MTA-STS', () => {
  it('parses the TXT record', () => {
    expect(parseStsTxt('v=STSv1; id=20250101T01')).toEqual({ ok: true, id: '20250101T01' });
    expect(parseStsTxt('v=STSv1;')).toEqual({ ok: false, reason: 'the required id tag is missing' });
    expect(parseStsTxt('v=STSv1; id=2025-01-01')).toEqual({ ok: false, reason: 'id=2025-01-01 must be 1 to 32 letters and digits' });
  });

  it('parses a policy with CRLF or LF lines', () => {
    const body = 'version: STSv1\r\nmode: enforce\r\nmx: mail.shop.nl\r\nmx: *.backup.nl\r\nmax_age: 604800\r\n';
    expect(parseStsPolicy(body)).toEqual({ policy: { mode: 'enforce', mx: ['mail.shop.nl', '*.backup.nl'], maxAge: 604800 }, errors: [], notes: [] });
    expect(parseStsPolicy(body.replace(/\r\n/g, '\n')).policy?.mx).toHaveLength(2);
    expect(parseStsPolicy('version: STSv1\nmode: none\nmax_age: 0').policy).toEqual({ mode: 'none', mx: [], maxAge: 0 });
  });

  it.each([
    ['mode: enforce\nmx: a.nl\nmax_age: 1', 'the line "version: STSv1" is missing'],
    ['version: STSv1\nmode: strict\nmx: a.nl\nmax_age: 1', 'mode: strict is not enforce, testing or none'],
    ['version: STSv1\nmode: enforce\nmx: a.nl\nmax_age: 31557601', 'max_age: 31557601 must be a whole number of seconds from 0 to 31557600'],
    ['version: STSv1\nmode: enforce\nmax_age: 86400', 'the policy lists no mx host'],
    ['version: STSv1\nmode: enforce\nmx: mail.*.nl\nmax_age: 86400', 'mx: mail.*.nl is not a valid host name or pattern (a wildcard may only be the whole first label, as in *.example.com)'],
    ['version: STSv1\nmode enforce\nmx: a.nl\nmax_age: 1', 'line 2 ("mode enforce") is not of the form key: value'],
  ])('rejects a broken policy: %s', (body, error) => {
    const parsed = parseStsPolicy(body);
    expect(parsed.policy).toBeUndefined();
    expect(parsed.errors).toContain(error);
  });

  it('matches MX names as RFC 8461 4.1 says', () => {
    expect(mxMatchesPattern('mail.shop.nl', 'mail.shop.nl')).toBe(true);
    expect(mxMatchesPattern('MAIL.shop.nl.', 'mail.shop.nl')).toBe(true);
    expect(mxMatchesPattern('mx1.shop.nl', '*.shop.nl')).toBe(true);
    expect(mxMatchesPattern('a.mx1.shop.nl', '*.shop.nl')).toBe(false);
    expect(mxMatchesPattern('shop.nl', '*.shop.nl')).toBe(false);
    expect(mxMatchesPattern('mail.shop.nl', 'mx.shop.nl')).toBe(false);
    expect(isValidMxPattern('*example.com')).toBe(false);
    expect(isValidMxPattern('*.example.com')).toBe(true);
  });
});

describe('TLS-RPT', () => {
  it('parses mailto and https destinations and rejects others', () => {
    expect(parseTlsRpt('v=TLSRPTv1; rua=mailto:tls@shop.nl,https://reports.example/tls')).toEqual({ ok: true, rua: ['mailto:tls@shop.nl', 'https://reports.example/tls'] });
    expect(parseTlsRpt('v=TLSRPTv1;')).toEqual({ ok: false, reason: 'the required rua tag (where reports go) is missing' });
    expect(parseTlsRpt('v=TLSRPTv1; rua=http://reports.example/')).toEqual({ ok: false, reason: 'rua entry "http://reports.example/" is not a mailto: or https:// address' });
    expect(parseTlsRpt('rua=mailto:a@b.nl; v=TLSRPTv1')).toEqual({ ok: false, reason: 'the record must start with v=TLSRPTv1' });
  });
});
