/**
 * Unit tests for the web HTTP checks on hand-built evidence: transport (HTTPS,
 * redirect, HSTS) and the security headers (CSP, framing, nosniff, referrer).
 */
import { describe, expect, it } from 'vitest';
import { contentTypeOptions } from '../src/scan/checks/web/http/content-type-options.js';
import { csp } from '../src/scan/checks/web/http/csp.js';
import { combinedFailures, parseCspHeaders } from '../src/scan/checks/web/http/csp-policy.js';
import { frame } from '../src/scan/checks/web/http/frame.js';
import { hsts, parseHsts } from '../src/scan/checks/web/http/hsts.js';
import { httpsAvailable } from '../src/scan/checks/web/http/https-available.js';
import { httpsRedirect } from '../src/scan/checks/web/http/https-redirect.js';
import { referrerPolicy } from '../src/scan/checks/web/http/referrer-policy.js';
import { webHttpChecks } from '../src/scan/checks/web/http/index.js';
import {
  APEX, GOOD_HEADERS, STRICT_CSP, WWW, adviceKeys, chain, failedHop, hop, host, judge, noAddressHost, replaceHeader, scan, withPage,
} from './evidence/http/builders.js';

const ok = scan(host(APEX, 'apex'), host(WWW, 'www'));

describe('all web HTTP checks', () => {
  it('pass on a healthy shop and error without web evidence', () => {
    for (const check of webHttpChecks) {
      expect(judge(check, ok).status, check.id).toBe('pass');
      const none = judge(check, { target: APEX, collectedAt: '' });
      expect(none.status, check.id).toBe('error');
      expect(none.summary.key, check.id).toBe('noWeb');
    }
  });

  it('skip an apex without addresses and ignore a www without addresses', () => {
    for (const check of webHttpChecks) {
      const result = judge(check, scan(noAddressHost(APEX, 'apex'), noAddressHost(WWW, 'www')));
      expect(result.status, check.id).toBe('skip');
      expect((result.evidence.hosts as unknown[] | undefined)?.length ?? 1, check.id).toBe(1);
    }
  });
});

describe('web.https.available', () => {
  it('passes with the protocol, or with only a completed handshake', () => {
    expect(judge(httpsAvailable, ok).summary.params?.protocol).toBe('TLSv1.3');
    const handshakeOnly = host(APEX, 'apex', {
      https: chain([failedHop(`https://${APEX}/`, 'protocol')]),
      tls: { handshake: { ok: true, protocol: 'TLSv1.3', durationMs: 3 } } as never,
    });
    const result = judge(httpsAvailable, scan(handshakeOnly));
    expect(result.status).toBe('pass');
    expect(result.summary.key).toBe('passHandshakeOnly');
  });

  it('fails when 443 is closed or the handshake fails, with the right advice', () => {
    const closed = judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, 'connect')]) })));
    expect([closed.status, closed.summary.key, adviceKeys(closed)]).toEqual(['fail', 'failClosed', ['enableHttps']]);
    const broken = judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, 'tls')]) })));
    expect([broken.status, broken.summary.key, adviceKeys(broken)]).toEqual(['fail', 'failHandshake', ['fixHandshake']]);
  });

  it('judges www too: the worst host wins and names that host', () => {
    const result = judge(httpsAvailable, scan(host(APEX, 'apex'), host(WWW, 'www', { https: chain([failedHop(`https://${WWW}/`, 'connect')]) })));
    expect(result.status).toBe('fail');
    expect(result.summary.params?.host).toBe(WWW);
    expect(result.advice).toEqual([{ key: 'enableHttps', params: { host: WWW } }]);
  });

  it('cannot judge a server that takes the connection and never answers: error, not fail', () => {
    for (const kind of ['timeout', 'protocol'] as const) {
      const result = judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, kind)]) })));
      expect(result.status, kind).toBe('error');
      expect(result.summary.key).toBe('unanswered');
    }
  });

  it('says a finding shared by both hosts once, naming both', () => {
    const down = (name: string, role: 'apex' | 'www') => host(name, role, { https: chain([failedHop(`https://${name}/`, 'connect')]) });
    const result = judge(httpsAvailable, scan(down(APEX, 'apex'), down(WWW, 'www')));
    expect(result.summary.params?.host).toBe(`${APEX}, ${WWW}`);
    expect(result.advice).toEqual([{ key: 'enableHttps', params: { host: `${APEX}, ${WWW}` } }]);
  });

  it('skips private-only hosts and errors when addresses exist but nothing was collected', () => {
    const refused = { ...noAddressHost(APEX, 'apex'), dns: { a: ['10.0.0.1'], aaaa: [], cnames: [] }, refused: [{ address: '10.0.0.1', range: 'private' }] };
    expect(judge(httpsAvailable, scan(refused)).summary.key).toBe('refused');
    const uncollected = { ...noAddressHost(APEX, 'apex'), dns: { a: ['192.0.2.1'], aaaa: [], cnames: [] } };
    expect(judge(httpsAvailable, scan(uncollected)).status).toBe('error');
    expect(judge(httpsAvailable, scan(noAddressHost(APEX, 'apex', 'NXDOMAIN'))).summary.key).toBe('noAddressDns');
  });
});

describe('web.https.redirect', () => {
  const withHttp = (hops: Parameters<typeof chain>[0]) => scan(host(APEX, 'apex', { http: chain(hops) }));
  it('passes a first redirect to https on the same host, or closed HTTP', () => {
    expect(judge(httpsRedirect, ok).summary.params?.target).toBe(`https://${APEX}/`);
    const closed = judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'connect')]));
    expect([closed.status, closed.summary.key]).toEqual(['pass', 'httpClosed']);
  });

  it('does not call HTTP closed when port 80 took the connection and never answered', () => {
    const silent = judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'timeout')]));
    expect([silent.status, silent.summary.key]).toEqual(['error', 'httpBroken']);
  });

  it('fails a direct redirect to https on another host, and explains', () => {
    const result = judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', `https://${WWW}/`]]), hop(`https://${WWW}/`, 200)]));
    expect([result.status, result.summary.key, adviceKeys(result)]).toEqual(['fail', 'otherHost', ['redirectSameHostFirst']]);
  });

  it('fails HTTP 200 without redirect, a redirect to http, and an invalid Location', () => {
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 200)])).summary.key).toBe('noRedirect');
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 302, [['location', `http://${WWW}/`]])])).summary.key).toBe('notToHttps');
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 302, [['location', 'http://[::zz/']])])).summary.key).toBe('badRedirect');
  });

  it('resolves a relative Location', () => {
    // "//host/" keeps the scheme of http://, so this is not a redirect to HTTPS.
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', `//${APEX}/shop`]])])).summary.key).toBe('notToHttps');
  });

  it('errors on a broken HTTP answer', () => {
    expect(judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'protocol')])).status).toBe('error');
  });
});

describe('web.hsts', () => {
  const withHsts = (...values: string[]) =>
    withPage([...replaceHeader('strict-transport-security', undefined), ...values.map((v): [string, string] => ['strict-transport-security', v])]);

  it('passes max-age of a year or more and records the directives', () => {
    const result = judge(hsts, withHsts('max-age="63072000"; includeSubDomains; preload'));
    expect(result.status).toBe('pass');
    expect((result.evidence.hosts as Record<string, unknown>[])[0]).toMatchObject({ maxAge: 63072000, includeSubDomains: true, preload: true });
  });

  it('warns on a shorter max-age, fails on 0, missing or invalid', () => {
    expect(judge(hsts, withHsts('max-age=86400')).status).toBe('warn');
    expect(judge(hsts, withHsts('max-age=0')).summary.key).toBe('zero');
    expect(judge(hsts, withHsts()).summary.key).toBe('missing');
    expect(judge(hsts, withHsts('max-age=abc')).summary.key).toBe('invalid');
    expect(judge(hsts, withHsts('max-age=31536000; max-age=5')).summary.key).toBe('invalid');
    expect(judge(hsts, withHsts('includeSubDomains')).summary.key).toBe('invalid');
  });

  it('only counts the first header', () => {
    expect(judge(hsts, withHsts('max-age=300', 'max-age=31536000')).status).toBe('warn');
    expect(parseHsts('MAX-AGE=10; INCLUDESUBDOMAINS')).toEqual({ maxAge: 10, includeSubDomains: true, preload: false });
  });

  it('reads the FIRST HTTPS answer, even when it is a redirect', () => {
    const redirectWith = chain([
      hop(`https://${APEX}/`, 301, [['location', `https://${WWW}/`], ['strict-transport-security', 'max-age=31536000']]),
      hop(`https://${WWW}/`, 200, []),
    ]);
    expect(judge(hsts, scan(host(APEX, 'apex', { https: redirectWith }))).status).toBe('pass');
    const redirectWithout = chain([hop(`https://${APEX}/`, 301, [['location', `https://${WWW}/`]]), hop(`https://${WWW}/`, 200, GOOD_HEADERS)]);
    const result = judge(hsts, scan(host(APEX, 'apex', { https: redirectWithout })));
    expect([result.status, result.summary.key]).toEqual(['fail', 'missingOnFirst']);
  });

  it('skips when HTTPS does not answer', () => {
    expect(judge(hsts, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, 'connect')]) }))).summary.key).toBe('noHttps');
  });
});

describe('web.headers.csp', () => {
  const rules = (...headers: string[]) => combinedFailures(parseCspHeaders(headers)).map((f) => f.rule);
  const swap = (from: string, to: string) => STRICT_CSP.replace(from, to);

  it('passes the strict baseline', () => {
    expect(rules(STRICT_CSP)).toEqual([]);
    expect(judge(csp, ok).status).toBe('pass');
  });

  it.each([
    ['script-unsafe-inline', swap("script-src 'self'", "script-src 'self' 'unsafe-inline'"), 'fail'],
    ['script-unsafe-eval', swap("script-src 'self'", "script-src 'self' 'unsafe-eval'"), 'fail'],
    ['script-broad', swap("script-src 'self'", "script-src 'self' https:"), 'fail'],
    ['script-broad', swap("script-src 'self'", "script-src 'self' data:"), 'fail'],
    ['script-unsafe-inline', swap("script-src 'self'", "script-src 'self' 'unsafe-hashes'"), 'fail'],
    ['unsafe-elsewhere', `${STRICT_CSP}; style-src 'self' 'unsafe-inline'`, 'fail'],
    ['unsafe-elsewhere', `${STRICT_CSP}; style-src 'self' 'unsafe-hashes'`, 'fail'],
    ['insecure-scheme', `${STRICT_CSP}; style-src 'self' http://cdn.example`, 'fail'],
    ['object-src', swap("object-src 'none'", 'object-src *'), 'fail'],
    ['object-src', swap("object-src 'none'; ", ''), 'warn'],
    ['default-src', swap("default-src 'self'; ", ''), 'warn'],
    ['default-src', swap("default-src 'self'", 'default-src *'), 'warn'],
    ['base-uri', swap("base-uri 'self'; ", ''), 'warn'],
    ['frame-ancestors', swap("frame-ancestors 'none'; ", ''), 'warn'],
    ['form-action', swap("; form-action 'self'", ''), 'warn'],
  ])('fails exactly the rule %s', (rule, policy, status) => {
    expect(rules(policy)).toEqual([rule]);
    const result = judge(csp, withPage(replaceHeader('content-security-policy', policy)));
    expect(result.status).toBe(status);
    expect(result.advice).toHaveLength(1);
  });

  it('lets a nonce, hash or strict-dynamic neutralise unsafe-inline and broad sources, as browsers do', () => {
    expect(rules(swap("script-src 'self'", "script-src 'self' 'unsafe-inline' 'nonce-abc123'"))).toEqual([]);
    expect(rules(swap("script-src 'self'", "script-src 'unsafe-inline' 'sha256-abc=' 'strict-dynamic' https: http:"))).toEqual([]);
    // strict-dynamic without a nonce or hash neutralises nothing.
    expect(rules(swap("script-src 'self'", "script-src 'self' 'unsafe-inline' 'strict-dynamic'"))).toEqual(['script-unsafe-inline']);
  });

  it('lets a nonce neutralise unsafe-inline in style-src too', () => {
    expect(rules(`${STRICT_CSP}; style-src 'self' 'unsafe-inline' 'nonce-abc123'`)).toEqual([]);
  });

  it('keeps img/media http: sources out of the active-content rule', () => {
    expect(rules(`${STRICT_CSP}; img-src 'self' http:`)).toEqual([]);
  });

  it('reports scripts that are not restricted at all once, not as four rules', () => {
    expect(rules("object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")).toEqual(['script-src-missing', 'default-src']);
  });

  it('names each broken rule in its own advice, with the offending sources', () => {
    const result = judge(csp, withPage(replaceHeader('content-security-policy', "default-src * 'unsafe-inline' 'unsafe-eval'")));
    expect(result.status).toBe('fail');
    expect(adviceKeys(result)).toEqual([
      'ruleUnsafeInline', 'ruleUnsafeEval', 'ruleScriptBroad', 'ruleObjectSrc', 'ruleDefaultSrc', 'ruleBaseUri', 'ruleFrameAncestors', 'ruleFormAction',
    ]);
    expect(result.advice[2]?.params?.sources).toBe('*');
    expect(result.summary).toMatchObject({ key: 'failRules', params: { count: 8 } });
  });

  it('parses names and keywords case-insensitively, and keeps the first of a repeated directive', () => {
    expect(rules("DEFAULT-SRC 'SELF'; Script-Src 'Self' 'UNSAFE-INLINE'; OBJECT-SRC 'NONE'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")).toEqual([
      'script-unsafe-inline',
    ]);
    const [policy] = parseCspHeaders([`${STRICT_CSP}; script-src 'unsafe-inline'`]);
    expect(policy?.duplicates).toEqual(['script-src']);
    expect(rules(`${STRICT_CSP}; script-src 'unsafe-inline'`)).toEqual([]);
  });

  it('enforces every policy: a rule is met when any policy meets it', () => {
    const loose = "script-src 'self' 'unsafe-inline'";
    expect(rules(loose, STRICT_CSP)).toEqual([]);
    expect(rules(`${loose}, ${STRICT_CSP}`)).toEqual([]);
    const result = judge(csp, withPage([...replaceHeader('content-security-policy', loose), ['content-security-policy', STRICT_CSP]]));
    expect(result.status).toBe('pass');
    expect((result.evidence.hosts as Record<string, unknown>[])[0]?.note).toMatch(/all policies are enforced/);
  });

  it('fails a missing, report-only, meta-only or empty policy with the right advice', () => {
    expect(adviceKeys(judge(csp, withPage(replaceHeader('content-security-policy', undefined))))).toEqual(['addCsp']);
    const reportOnly = judge(csp, withPage([...replaceHeader('content-security-policy', undefined), ['content-security-policy-report-only', STRICT_CSP]]));
    expect([reportOnly.summary.key, adviceKeys(reportOnly)]).toEqual(['reportOnly', ['enforceReportOnly']]);
    const metaBody = `<html><head><meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}"></head></html>`;
    const metaOnly = judge(csp, withPage(replaceHeader('content-security-policy', undefined), metaBody));
    expect(metaOnly.summary.key).toBe('metaOnly');
    expect(judge(csp, withPage(replaceHeader('content-security-policy', ' ; ;'))).summary.key).toBe('invalid');
  });

  it('errors when the page could not be loaded to the end', () => {
    const loop = chain([hop(`https://${APEX}/`, 301, [['location', '/a']])], undefined, { error: { kind: 'redirect-loop', message: 'loop' } });
    const result = judge(csp, scan(host(APEX, 'apex', { https: loop })));
    expect([result.status, result.summary.key]).toEqual(['error', 'chainBroken']);
  });
});

describe('web.headers.frame', () => {
  const frameWith = (xfo: string | undefined, policy = STRICT_CSP.replace("frame-ancestors 'none'; ", '')) => {
    const others = GOOD_HEADERS.filter(([name]) => name !== 'x-frame-options' && name !== 'content-security-policy');
    const headers: [string, string][] = [...others, ['content-security-policy', policy]];
    if (xfo !== undefined) headers.push(['x-frame-options', xfo]);
    return judge(frame, withPage(headers));
  };

  it('passes DENY or SAMEORIGIN, in any case', () => {
    expect(frameWith('DENY').summary).toMatchObject({ key: 'pass', params: { value: 'DENY' } });
    expect(frameWith(' sameorigin ').status).toBe('pass');
  });

  it('fails missing or obsolete values', () => {
    expect(frameWith(undefined).summary.key).toBe('missing');
    expect(frameWith('ALLOW-FROM https://partner.example').summary.key).toBe('invalid');
  });

  it('lets CSP frame-ancestors win over X-Frame-Options', () => {
    expect(frameWith('ALLOW-FROM x', "frame-ancestors 'self'").summary.key).toBe('passCsp');
    expect(frameWith('DENY', 'frame-ancestors *').summary.key).toBe('cspOpen');
  });

  it('treats conflicting values as blocking, and asks for a clean-up', () => {
    const result = frameWith('DENY, SAMEORIGIN');
    expect([result.status, result.summary.key, adviceKeys(result)]).toEqual(['pass', 'passConflicting', ['cleanUpXfo']]);
  });
});

describe('web.headers.content-type-options', () => {
  it('passes nosniff, fails missing or other values', () => {
    expect(judge(contentTypeOptions, withPage(replaceHeader('x-content-type-options', ' NoSniff'))).status).toBe('pass');
    expect(judge(contentTypeOptions, withPage(replaceHeader('x-content-type-options', undefined))).summary.key).toBe('missing');
    expect(judge(contentTypeOptions, withPage(replaceHeader('x-content-type-options', 'sniff'))).summary.key).toBe('invalid');
  });
});

describe('web.headers.referrer-policy', () => {
  const withPolicy = (...values: string[]) =>
    judge(referrerPolicy, withPage([...replaceHeader('referrer-policy', undefined), ...values.map((v): [string, string] => ['referrer-policy', v])]));

  it.each([
    ['no-referrer', 'pass'], ['same-origin', 'pass'], ['strict-origin', 'pass'], ['strict-origin-when-cross-origin', 'pass'],
    ['origin', 'warn'], ['origin-when-cross-origin', 'warn'], ['unsafe-url', 'fail'], ['no-referrer-when-downgrade', 'fail'],
  ])('%s -> %s', (value, status) => {
    expect(withPolicy(value).status).toBe(status);
  });

  it('uses the last recognised value of a list, across headers', () => {
    expect(withPolicy('unsafe-url, strict-origin-when-cross-origin').status).toBe('pass');
    expect(withPolicy('no-referrer, some-future-policy').status).toBe('pass');
    expect(withPolicy('no-referrer', 'unsafe-url').status).toBe('fail');
  });

  it('warns when missing (browser default) or unrecognised', () => {
    expect(withPolicy().summary.key).toBe('missing');
    expect(withPolicy('strict').summary.key).toBe('unrecognised');
  });
});

describe('per-host evidence', () => {
  it('keeps each host\'s verdict status, and the HTTP status beside it', () => {
    const result = judge(httpsAvailable, scan(host(APEX, 'apex')));
    const hosts = result.evidence.hosts as { host: string; status: string; httpStatus?: number }[];
    expect(hosts[0]).toMatchObject({ host: APEX, status: 'pass', httpStatus: 200 });
  });
});
