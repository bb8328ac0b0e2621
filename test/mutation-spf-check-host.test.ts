/**
 * check_host() details that the RFC 7208 suite does not look at: the reason it gives, the
 * DNS-term and void-lookup counts, the macro context (sender, local part, HELO, receiver,
 * time, validated name) as queried names show it, and domain validity.
 */
import { describe, expect, it } from 'vitest';
import { checkHost, isValidSpfDomain, spfIdentity, type CheckHostInput } from '../src/scan/spf/check-host.js';
import type { SpfDnsAnswer, SpfQueryType } from '../src/scan/spf/types.js';

type Zone = Record<string, Partial<Record<SpfQueryType, string[]>> | 'SERVFAIL'>;

function run(zone: Zone, input: Partial<CheckHostInput> = {}) {
  const asked: string[] = [];
  const lookup = (name: string, type: SpfQueryType): Promise<SpfDnsAnswer> => {
    asked.push(`${name}/${type}`);
    const entry = zone[name.toLowerCase()];
    if (entry === 'SERVFAIL') return Promise.resolve({ kind: 'error', reason: 'SERVFAIL' });
    if (!entry) return Promise.resolve({ kind: 'nxdomain' });
    return Promise.resolve({ kind: 'records', records: entry[type] ?? [] });
  };
  const outcome = checkHost({ ip: '192.0.2.10', domain: 'shop.example', sender: 'alice@shop.example', lookup, ...input });
  return { outcome, asked };
}

describe('check_host results and reasons', () => {
  it('names the matching mechanism and counts the DNS terms', async () => {
    const { outcome } = run({ 'shop.example': { TXT: ['v=spf1 a:www.shop.example ip4:192.0.2.10 -all'] }, 'www.shop.example': { A: ['192.0.2.99'] } });
    expect(await outcome).toEqual({ result: 'pass', reason: 'ip4:192.0.2.10 matched in shop.example', matched: { term: 'ip4:192.0.2.10', domain: 'shop.example' }, dnsTerms: 1, voidLookups: 0 });
  });

  it('none, temperror, permerror and neutral each say why', async () => {
    expect((await run({}).outcome)).toMatchObject({ result: 'none', reason: 'no SPF record at shop.example' });
    expect((await run({ 'shop.example': 'SERVFAIL' }).outcome)).toMatchObject({ result: 'temperror', reason: 'DNS error for shop.example/TXT: SERVFAIL' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 -all', 'v=spf1 +all'] } }).outcome)).toMatchObject({ result: 'permerror', reason: '2 SPF records at shop.example' });
    const syntax = await run({ 'shop.example': { TXT: ['v=spf1 ipv4:1.2.3.4'] } }).outcome;
    expect(syntax.result).toBe('permerror');
    expect(syntax.reason).toMatch(/^syntax error at "ipv4:1\.2\.3\.4" in shop\.example \(/);
    expect((await run({ 'shop.example': { TXT: ['v=spf1 ip4:192.0.2.99'] } }).outcome)).toMatchObject({ result: 'neutral', reason: 'no mechanism matched in shop.example' });
    expect((await run({}, { domain: 'localhost' }).outcome)).toMatchObject({ result: 'none', reason: '"localhost" is not a valid domain name' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 -all'] } }, { domain: 'shop.example.' }).outcome).result).toBe('fail');
  });

  it('include: temperror and permerror pass up with the term; a redirect to nothing is a permerror', async () => {
    expect((await run({ 'shop.example': { TXT: ['v=spf1 include:x.example -all'] }, 'x.example': 'SERVFAIL' }).outcome)).toMatchObject({ result: 'temperror', reason: 'include:x.example: DNS error for x.example/TXT: SERVFAIL' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 include:x.example -all'] } }).outcome)).toMatchObject({ result: 'permerror', reason: 'include:x.example: no SPF record at x.example' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 redirect=x.example'] } }).outcome)).toMatchObject({ result: 'permerror', reason: 'redirect=x.example: no SPF record at x.example' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 redirect=x.example'] }, 'x.example': { TXT: ['v=spf1 ~all'] } }).outcome)).toMatchObject({ result: 'softfail', matched: { term: '~all', domain: 'x.example' }, dnsTerms: 1 });
  });

  it('counts void lookups, and more than two is a permerror naming the term', async () => {
    const zone: Zone = { 'shop.example': { TXT: ['v=spf1 a:v1.example mx:v2.example exists:v3.example -all'] } };
    expect((await run(zone).outcome)).toMatchObject({ result: 'permerror', reason: 'more than 2 void lookups (at exists:v3.example)', dnsTerms: 3, voidLookups: 3 });
    const two: Zone = { 'shop.example': { TXT: ['v=spf1 a:v1.example mx:v2.example -all'] } };
    expect((await run(two).outcome)).toMatchObject({ result: 'fail', voidLookups: 2, dnsTerms: 2 });
    const withError: Zone = { 'shop.example': { TXT: ['v=spf1 a:bad.example -all'] }, 'bad.example': 'SERVFAIL' };
    expect((await run(withError).outcome)).toMatchObject({ result: 'temperror', reason: 'DNS error for bad.example/A: SERVFAIL', voidLookups: 0 });
  });

  it('more than ten DNS-querying terms is a permerror naming the eleventh', async () => {
    const terms = Array.from({ length: 11 }, (_, index) => `a:h${index}.example`).join(' ');
    const zone: Zone = { 'shop.example': { TXT: [`v=spf1 ${terms} -all`] } };
    for (let index = 0; index < 11; index++) zone[`h${index}.example`] = { A: ['192.0.2.1'] };
    expect((await run(zone).outcome)).toMatchObject({ result: 'permerror', reason: 'more than 10 DNS-querying terms (at a:h10.example)', dnsTerms: 11 });
  });

  it('mx: more than ten names is a permerror; an MX host that fails is a temperror', async () => {
    const many = Array.from({ length: 11 }, (_, index) => `mx${index}.example`);
    expect((await run({ 'shop.example': { TXT: ['v=spf1 mx -all'], MX: many } }).outcome)).toMatchObject({ result: 'permerror', reason: 'mx: more than 10 MX names' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 mx -all'], MX: ['down.example'] }, 'down.example': 'SERVFAIL' }).outcome)).toMatchObject({ result: 'temperror', reason: 'DNS error for down.example: SERVFAIL' });
    expect((await run({ 'shop.example': { TXT: ['v=spf1 mx/24 -all'], MX: ['mail.example'] }, 'mail.example': { A: ['192.0.2.200'] } }).outcome).result).toBe('pass');
  });

  it('an IPv6 client matches a and ip6 with its own prefix, never IPv4 terms', async () => {
    const zone: Zone = { 'shop.example': { TXT: ['v=spf1 ip4:0.0.0.0/0 a//64 -all'], AAAA: ['2001:db8::1'], A: ['192.0.2.10'] } };
    expect((await run(zone, { ip: '2001:db8::abcd' }).outcome)).toMatchObject({ result: 'pass', matched: { term: 'a//64' } });
    expect((await run(zone, { ip: '2001:db9::1' }).outcome).result).toBe('fail');
    await expect(checkHost({ ip: 'not-an-ip', domain: 'shop.example', sender: 'a@shop.example', lookup: () => Promise.resolve({ kind: 'nxdomain' }) })).rejects.toThrow('not an IP address: not-an-ip');
  });
});

describe('the macro context', () => {
  it('expands sender, local part, sender domain, HELO, receiver, time and the client address', async () => {
    const { outcome, asked } = run({ 'shop.example': { TXT: ['v=spf1 exists:%{s}.%{l}.%{o}.%{h}.%{i}.%{v}.%{d}.q.example -all'] } }, { helo: 'mta.example' });
    expect((await outcome).result).toBe('fail');
    expect(asked).toContain('alice@shop.example.alice.shop.example.mta.example.192.0.2.10.in-addr.shop.example.q.example/A');
    const exp = run({ 'shop.example': { TXT: ['v=spf1 -all exp=why.example'] }, 'why.example': { TXT: ['%{r} at %{t}: %{c} %{S}'] } }, { receiver: 'mx.receiver.example', timestamp: 1_700_000_000 });
    expect((await exp.outcome).explanation).toBe('mx.receiver.example at 1700000000: 192.0.2.10 alice%40shop.example');
    const defaults = run({ 'shop.example': { TXT: ['v=spf1 -all exp=why.example'] }, 'why.example': { TXT: ['%{r}%{h}.'] } });
    expect((await defaults.outcome).explanation).toBe('unknown.');
  });

  it('a sender without a local part is postmaster; without @ the whole sender is the domain', async () => {
    const { outcome, asked } = run({ 'shop.example': { TXT: ['v=spf1 exists:%{l}.%{o}.q.example -all'] } }, { sender: '@other.example' });
    await outcome;
    expect(asked).toContain('postmaster.other.example.q.example/A');
    const bare = run({ 'shop.example': { TXT: ['v=spf1 exists:%{l}.%{o}.q.example -all'] } }, { sender: 'other.example' });
    await bare.outcome;
    expect(bare.asked).toContain('postmaster.other.example.q.example/A');
    const at = run({ 'shop.example': { TXT: ['v=spf1 exists:%{l}.q.example -all'] } }, { sender: 'a@b@c.example' });
    await at.outcome;
    expect(at.asked).toContain('a@b.q.example/A');
  });

  it('%{p}: the validated name for the domain, or a subdomain of it, else the first, else unknown', async () => {
    const zone: Zone = {
      'shop.example': { TXT: ['v=spf1 exists:%{p}.q.example -all'] },
      '10.2.0.192.in-addr.arpa': { PTR: ['other.example', 'mail.shop.example', 'fake.example'] },
      'other.example': { A: ['192.0.2.10'] },
      'mail.shop.example': { A: ['192.0.2.10'] },
      'fake.example': { A: ['192.0.2.99'] },
    };
    const sub = run(zone);
    await sub.outcome;
    expect(sub.asked).toContain('mail.shop.example.q.example/A');
    const first = run({ ...zone, 'mail.shop.example': { A: ['192.0.2.11'] } });
    await first.outcome;
    expect(first.asked).toContain('other.example.q.example/A');
    const none = run({ ...zone, '10.2.0.192.in-addr.arpa': { PTR: [] } });
    await none.outcome;
    expect(none.asked).toContain('unknown.q.example/A');
  });

  it('ptr matches a validated name of the domain or below it; no PTR names count as a void lookup', async () => {
    const zone: Zone = { 'shop.example': { TXT: ['v=spf1 ptr -all'] }, '10.2.0.192.in-addr.arpa': { PTR: ['Mail.Shop.Example'] }, 'mail.shop.example': { A: ['192.0.2.10'] } };
    expect((await run(zone).outcome)).toMatchObject({ result: 'pass', matched: { term: 'ptr' } });
    expect((await run({ ...zone, 'mail.shop.example': { A: ['192.0.2.11'] } }).outcome).result).toBe('fail');
    expect((await run({ 'shop.example': { TXT: ['v=spf1 ptr -all'] }, '10.2.0.192.in-addr.arpa': { PTR: [] } }).outcome)).toMatchObject({ result: 'fail', voidLookups: 1 });
  });
});

describe('domains and identities', () => {
  it('a valid SPF domain has two labels or more and a proper top label', () => {
    for (const domain of ['shop.example', 'shop.example.', 'a.b-c', 'a.x1', 'a.1x', 'a.xn--p1ai']) expect(isValidSpfDomain(domain), domain).toBe(true);
    for (const domain of ['example', 'a.123', 'a.b-', 'a.-b', 'a..b', '', `${'a'.repeat(64)}.example`, 'a.b_c']) expect(isValidSpfDomain(domain), domain).toBe(false);
  });

  it('MAIL FROM, or postmaster@HELO when it is empty', () => {
    expect(spfIdentity('', 'mta.example')).toEqual({ domain: 'mta.example', sender: 'postmaster@mta.example' });
    expect(spfIdentity('a@b@shop.example', 'mta.example')).toEqual({ domain: 'shop.example', sender: 'a@b@shop.example' });
    expect(spfIdentity('shop.example', 'mta.example')).toEqual({ domain: 'shop.example', sender: 'shop.example' });
  });
});
