/**
 * The content signatures of web.exposure (each sensitive file told from a soft 404),
 * version banners, web.exposure's verdicts, and mixed content (every reference kind,
 * <base href>, srcset, upgrade-insecure-requests). test/checks-web-http-content.test.ts
 * has the main cases.
 */
import { describe, expect, it } from 'vitest';
import { exposedKind, generatorVersions, hasVersion } from '../src/scan/checks/web/http/exposure-signatures.js';
import { exposure } from '../src/scan/checks/web/http/exposure.js';
import { findMixedContent, mixedContent } from '../src/scan/checks/web/http/mixed-content.js';
import type { ExposedPathProbe } from '../src/scan/evidence/index.js';
import { APEX, GOOD_HEADERS, WWW, chain, contentProbe, hop, host, judge, paths, replaceHeader, scan, softProbes, withPage } from './evidence/http/builders.js';

const probe = contentProbe;

describe('exposure signatures', () => {
  it('recognises each real file', () => {
    const real: [string, string, Partial<ExposedPathProbe> & { title?: string }, string][] = [
      ['/.git/HEAD', 'ref: refs/heads/main\n', {}, 'git'],
      ['/.git/HEAD', `${'a1'.repeat(20)}\n`, {}, 'git'],
      ['/.git/HEAD', `${'b2'.repeat(32)}`, {}, 'git'],
      ['/.git/config', '[core]\n\trepositoryformatversion = 0\n', {}, 'git'],
      ['/.env', '# settings\nDB_HOST=localhost\nexport APP.KEY = x\nDB_PASS=se', {}, 'env'],
      ['/.env', 'ONLY=one', {}, 'env'],
      ['/.svn/entries', '12\n\ndir\n', {}, 'svn'],
      ['/.svn/entries', '<?xml version="1.0"?><wc-entries xmlns="svn:">', {}, 'svn'],
      ['/.DS_Store', '\u0000\u0000\u0000\u0001Bud1\u0000', {}, 'dsStore'],
      ['/.htpasswd', 'admin:$apr1$abc$def\n', {}, 'htpasswd'],
      ['/.htpasswd', 'bob:$2y$10$abcdefghij\n', {}, 'htpasswd'],
      ['/.htpasswd', 'carol:{SHA}abc=\n', {}, 'htpasswd'],
      ['/.htpasswd', 'dave:abcdefghijklm\n', {}, 'htpasswd'],
      ['/backup.sql', '-- MySQL dump 10.13\nCREATE TABLE x;', {}, 'sqlDump'],
      ['/dump.sql', 'INSERT INTO users VALUES (1);', {}, 'sqlDump'],
      ['/database.sql', '-- PostgreSQL database dump', {}, 'sqlDump'],
      ['/wp-config.php.bak', "<?php define( 'DB_PASSWORD', 'x' );", {}, 'wpConfig'],
      ['/phpinfo.php', '<html><body>PHP Version 8.1.2</body></html>', {}, 'phpinfo'],
      ['/phpinfo.php', '<html></html>', { title: 'PHPINFO()' }, 'phpinfo'],
      ['/server-status', '<h1>Apache Server Status for shop</h1>', {}, 'serverStatus'],
      ['/server-status', 'x', { title: 'Apache Status' }, 'serverStatus'],
      ['/server-status', 'Active connections: 3 \nserver accepts', {}, 'serverStatus'],
    ];
    for (const [path, snippet, extra, kind] of real) expect(exposedKind(probe(path, snippet, extra)), `${path} ${snippet}`).toBe(kind);
  });

  it('tells a soft 404 or look-alike from the real file', () => {
    const html = '<!DOCTYPE html><html><body>Not found</body></html>';
    const fake: [string, string][] = [
      ['/.git/HEAD', 'see ref: refs/heads/main'],
      ['/.git/HEAD', `${'a1'.repeat(21)}`],
      ['/.git/config', `<html>[core]</html>`],
      ['/.env', html],
      ['/.env', 'just some text\nmore text\nA=1\nlast'],
      ['/.env', ''],
      ['/.svn/entries', '123\ndir'],
      ['/.DS_Store', 'Bud1'],
      ['/.htpasswd', '<html>admin:$apr1$x</html>'],
      ['/.htpasswd', 'admin:plain'],
      ['/backup.sql', `${html} CREATE TABLE`],
      ['/wp-config.php.bak', 'define("SITE_NAME", "x")'],
      ['/phpinfo.php', html],
      ['/server-status', 'x Active connections: 3'],
      ['/unknown', 'ref: refs/heads/main'],
    ];
    for (const [path, snippet] of fake) expect(exposedKind(probe(path, snippet)), `${path} ${snippet}`).toBeUndefined();
  });

  it('only answers 200 to 299 without error count', () => {
    const head = (extra: Partial<ExposedPathProbe>) => exposedKind(probe('/.git/HEAD', 'ref: refs/heads/main', extra));
    expect(head({ status: 299 })).toBe('git');
    expect(head({ status: 300 })).toBeUndefined();
    expect(head({ status: 199 })).toBeUndefined();
    expect(head({ status: undefined })).toBeUndefined();
    expect(head({ error: 'timeout' })).toBeUndefined();
  });

  it('version banners: a number standing on its own', () => {
    for (const value of ['nginx/1.18.0', 'PHP/8.1', 'Drupal 10', 'v2', 'Apache/2.4.57 (Debian)', '7']) expect(hasVersion(value), value).toBe(true);
    for (const value of ['nginx', 'AmazonS3', 'ECS (dcb/7F84)', 'gws', 'x5y', 'h2o.1a']) expect(hasVersion(value), value).toBe(false);
    expect(generatorVersions('<meta name=" Generator " content=" WordPress 6.4 "><meta name="generator" content="Wix"><meta name="other" content="X 1.0">')).toEqual(['WordPress 6.4']);
    expect(generatorVersions(undefined)).toEqual([]);
    expect(generatorVersions('')).toEqual([]);
  });
});

describe('web.exposure verdicts', () => {
  const exposing = (...found: ExposedPathProbe[]) => {
    const byPath = new Map(found.map((p) => [p.path, p]));
    return scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: softProbes().map((p) => byPath.get(p.path) ?? p), exposureOrigin: `https://${APEX}` }) }));
  };

  it('names every exposed file with its own advice, blocking advice and where', () => {
    const result = judge(exposure, exposing(probe('/.git/HEAD', 'ref: refs/heads/main'), probe('/.env', 'A=1\nB=2\n', { status: 206 })));
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'exposed', params: { host: APEX, count: 2, paths: '/.git/HEAD, /.env' } });
    expect(result.advice).toEqual([
      { key: 'exposedGit', params: { host: APEX, path: '/.git/HEAD' } },
      { key: 'exposedEnv', params: { host: APEX, path: '/.env' } },
      { key: 'blockPaths' },
    ]);
    expect((result.evidence.exposed as unknown[])).toEqual([
      { host: APEX, path: '/.git/HEAD', url: `https://${APEX}/.git/HEAD`, kind: 'git', status: 200, bytes: 20 },
      { host: APEX, path: '/.env', url: `https://${APEX}/.env`, kind: 'env', status: 206, bytes: 8 },
    ]);
    expect((result.evidence.probed as Record<string, unknown>[])[0]).toEqual({ host: APEX, origin: `https://${APEX}`, path: softProbes()[0]?.path, status: 200, error: undefined });
  });

  it('banners on our own hosts only, every hop, at most five named, then how to hide them', () => {
    const banners: [string, string][] = [['server', 'nginx/1.1'], ['x-powered-by', 'PHP/8.1'], ['x-aspnet-version', '4.0.30319'], ['x-aspnetmvc-version', '5.2'], ['x-generator', 'Drupal 10'], ['x-powered-by', 'Express 4']];
    const result = judge(exposure, withPage([...replaceHeader('server', undefined), ...banners]));
    expect(result.status).toBe('warn');
    expect(result.summary.key).toBe('banner');
    expect(result.advice.map((ref) => ref.key)).toEqual(['hideBanner', 'hideBanner', 'hideBanner', 'hideBanner', 'hideBanner', 'hideBannerHow']);
    expect(result.advice[0]).toEqual({ key: 'hideBanner', params: { host: APEX, header: 'server', value: 'nginx/1.1' } });
    expect(result.summary.params?.banners).toBe('server: nginx/1.1; x-powered-by: PHP/8.1; x-powered-by: Express 4; x-aspnet-version: 4.0.30319; x-aspnetmvc-version: 5.2; x-generator: Drupal 10');
    const payment = chain([hop(`https://${APEX}/`, 302, [['location', 'https://pay.example/'], ...GOOD_HEADERS]), hop('https://pay.example/', 200, [['server', 'Apache/2.4.1']])], '<meta name="generator" content="Shop 2">');
    const foreign = judge(exposure, scan(host(APEX, 'apex', { https: payment })));
    expect(foreign.status).toBe('pass');
  });

  it('a generator tag on the final page of our own host counts; the same banner on two hops counts once', () => {
    const page = withPage(GOOD_HEADERS, '<html><head><meta name="generator" content="WooCommerce 8.2"></head></html>');
    expect(judge(exposure, page).summary.params?.banners).toBe('<meta name="generator">: WooCommerce 8.2');
    const twice = host(APEX, 'apex', { http: chain([hop(`http://${APEX}/`, 301, [['location', `https://${APEX}/`], ['server', 'nginx/1.2']])]), https: chain([hop(`https://${APEX}/`, 200, [['server', 'nginx/1.2']])]) });
    expect(judge(exposure, scan(twice)).advice.filter((ref) => ref.key === 'hideBanner')).toHaveLength(1);
  });

  it('banners with exposed files: both adviced, files first', () => {
    const result = judge(exposure, scan(host(APEX, 'apex', { https: chain([hop(`https://${APEX}/`, 200, [['server', 'nginx/1.2']])]), paths: paths(APEX, { exposure: softProbes().map((p) => (p.path === '/.git/HEAD' ? probe('/.git/HEAD', 'ref: refs/heads/x') : p)) }) })));
    expect(result.advice.map((ref) => ref.key)).toEqual(['exposedGit', 'blockPaths', 'hideBanner', 'hideBannerHow']);
  });

  it('exposure on www counts; where lists each host once', () => {
    const wwwPaths = paths(WWW, { exposure: softProbes().map((p) => (p.path === '/.env' ? probe('/.env', 'K=v\n') : p.path === '/.git/HEAD' ? probe('/.git/HEAD', 'ref: refs/heads/x') : p)) });
    const result = judge(exposure, scan(host(APEX, 'apex'), host(WWW, 'www', { paths: wwwPaths })));
    expect(result.summary.params).toMatchObject({ host: WWW, count: 2 });
  });

  it('nothing answered: banners still warn; with neither HTTP nor HTTPS it is skipped, else an error', () => {
    const down = softProbes().map((p) => ({ ...p, status: undefined, error: 'timeout' }));
    const withBanner = judge(exposure, scan(host(APEX, 'apex', { https: chain([hop(`https://${APEX}/`, 200, [['server', 'nginx/1.2']])]), paths: paths(APEX, { exposure: down }) })));
    expect(withBanner).toMatchObject({ status: 'warn', summary: { key: 'bannerPathsUnchecked', params: { banners: 'server: nginx/1.2', reason: 'timeout' } } });
    const none = judge(exposure, scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: [] }) })));
    expect(none).toMatchObject({ status: 'error', summary: { key: 'pathsUnchecked', params: { host: APEX, reason: 'not collected' } } });
    const httpOnly = judge(exposure, scan(host(APEX, 'apex', { https: chain([{ url: `https://${APEX}/`, headers: [], durationMs: 1, error: { kind: 'connect', message: 'x' } }]), paths: paths(APEX, { exposure: down }) })));
    expect(httpOnly.summary.key).toBe('pathsUnchecked');
  });

  it('passes, counting the probes that answered', () => {
    const probes = softProbes();
    probes[0] = { ...probes[0]!, status: undefined, error: 'reset' };
    expect(judge(exposure, scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: probes }) }))).summary).toEqual({ key: 'pass', params: { host: APEX, count: probes.length - 1 } });
  });
});

describe('mixed content', () => {
  const page = 'https://shop.example/dir/page';
  it('finds every kind of reference, active and passive, resolved and once each', () => {
    const html = `<html><head><link rel="Preload Stylesheet" href="http://cdn.example/a.css"><link rel="icon" href="http://cdn.example/i.ico"></head><body>
      <script src=" http://cdn.example/a.js "></script><iframe src="http://f.example/"></iframe><object data="http://o.example/x"></object>
      <embed src="http://e.example/x"><form action="http://f.example/post"></form><img src="http://i.example/a.png"><img src="http://i.example/a.png">
      <input type="image" src="http://i.example/b.png"><input type="text" src="http://i.example/not.png"><audio src="http://m.example/a.mp3"><source src="http://m.example/b.mp3"></audio>
      <video src="http://m.example/v.mp4" poster="http://m.example/p.jpg"><source src="http://m.example/c.mp4"><track src="http://m.example/t.vtt"></video>
      <img srcset="http://i.example/1x.png 1x, https://i.example/2x.png 2x,  http://i.example/3x.png 3x"><picture><source srcset="http://i.example/s.webp"></picture>
      <script src="https://ok.example/x.js"></script><img src="data:image/png;base64,xx"><img src=""><img src="http://[bad"></body></html>`;
    const found = findMixedContent(html, page);
    expect(found.active.sort()).toEqual(['http://cdn.example/a.css', 'http://cdn.example/a.js', 'http://e.example/x', 'http://f.example/', 'http://f.example/post', 'http://o.example/x'].sort());
    expect(findMixedContent('<html><frameset><frame src="http://fr.example/"></frameset></html>', page).active).toEqual(['http://fr.example/']);
    expect(found.passive.sort()).toEqual(
      ['http://i.example/a.png', 'http://i.example/b.png', 'http://m.example/a.mp3', 'http://m.example/b.mp3', 'http://m.example/v.mp4', 'http://m.example/p.jpg', 'http://m.example/c.mp4', 'http://m.example/t.vtt', 'http://i.example/1x.png', 'http://i.example/3x.png', 'http://i.example/s.webp'].sort(),
    );
  });

  it('resolves against <base href>; an invalid base is ignored', () => {
    expect(findMixedContent('<base href="http://old.example/"><script src="a.js"></script>', page).active).toEqual(['http://old.example/a.js']);
    expect(findMixedContent('<base href=" http://old.example/x/ "><script src="a.js"></script>', page).active).toEqual(['http://old.example/x/a.js']);
    expect(findMixedContent('<base href="http://[bad"><script src="a.js"></script>', page)).toEqual({ active: [], passive: [] });
    expect(findMixedContent('<base href="http://one.example/"><base href="https://two.example/"><img src="a.png">', page).passive).toEqual(['http://one.example/a.png']);
  });

  it('verdicts: active fails, passive warns, upgrade-insecure-requests warns; at most ten URLs in advice', () => {
    const active = judge(mixedContent, withPage(GOOD_HEADERS, '<script src="http://cdn.example/a.js"></script><img src="http://i.example/a.png">'));
    expect(active).toMatchObject({ status: 'fail', summary: { key: 'active', params: { count: 1 } } });
    expect(active.advice).toEqual([{ key: 'fixActive', params: { host: APEX, urls: 'http://cdn.example/a.js' } }, { key: 'fixPassive', params: { host: APEX, urls: 'http://i.example/a.png' } }, { key: 'whereToFix' }]);
    const images = Array.from({ length: 12 }, (_, i) => `<img src="http://i.example/${i}.png">`).join('');
    const passive = judge(mixedContent, withPage(GOOD_HEADERS, images));
    expect(passive).toMatchObject({ status: 'warn', summary: { key: 'passive', params: { count: 12 } } });
    expect(passive.advice[1]).toEqual({ key: 'moreUrls', params: { host: APEX, count: 2 } });
    expect(String(passive.advice[0]?.params?.urls).split(', ')).toHaveLength(10);
    const upgraded = judge(mixedContent, withPage([...GOOD_HEADERS, ['content-security-policy', 'upgrade-insecure-requests']], '<script src="http://cdn.example/a.js"></script>'));
    expect(upgraded).toMatchObject({ status: 'warn', summary: { key: 'upgraded', params: { count: 1 } } });
    const metaUpgrade = judge(mixedContent, withPage(GOOD_HEADERS, '<meta http-equiv="content-security-policy" content="upgrade-insecure-requests"><img src="http://i.example/a.png">'));
    expect(metaUpgrade.summary.key).toBe('upgraded');
  });

  it('skips a page that is not HTML or not on HTTPS; passes a clean page with the facts', () => {
    expect(judge(mixedContent, withPage(replaceHeader('content-type', 'application/json'), '<script src="http://x/"></script>'))).toMatchObject({ status: 'skip', summary: { key: 'notHtml', params: { type: 'application/json' } } });
    expect(judge(mixedContent, withPage(replaceHeader('content-type', undefined), '<script src="http://x/"></script>')).status).toBe('fail');
    expect(judge(mixedContent, withPage(replaceHeader('content-type', 'APPLICATION/XHTML+XML'), '<script src="http://x/"></script>')).status).toBe('fail');
    const toHttp = chain([hop(`https://${APEX}/`, 301, [['location', `http://${APEX}/`]]), hop(`http://${APEX}/`, 200, GOOD_HEADERS)], '<script src="http://x/"></script>');
    expect(judge(mixedContent, scan(host(APEX, 'apex', { https: toHttp })))).toMatchObject({ status: 'skip', summary: { key: 'finalNotHttps', params: { url: `http://${APEX}/` } } });
    const clean = judge(mixedContent, withPage(GOOD_HEADERS, '<img src="https://i.example/a.png">'));
    expect(clean.summary).toEqual({ key: 'pass', params: { host: APEX } });
    expect((clean.evidence.hosts as Record<string, unknown>[])[0]).toEqual({ host: APEX, status: 'pass', url: `https://${APEX}/`, active: [], passive: [], upgradeInsecureRequests: false, bodyTruncated: false });
  });
});
