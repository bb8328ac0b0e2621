/**
 * fetchChain against real servers on 127.0.80.x: redirects, TLS details recorded
 * but not enforced, and the private-address policy.
 */
import { describe, expect, it } from 'vitest';
import { fetchChain } from '../src/scan/collect/http/fetch.js';
import { SHOP, HOME, sniSeen, makeContext, pki, ctx, useHttpFixtures } from './http/fixture.js';

useHttpFixtures();

describe('fetchChain: redirects', () => {
  it('follows http -> https, records every hop with address, headers and TLS, and sends SNI', async () => {
    const chain = await fetchChain('http://shop.test/', ctx);
    expect(chain.error).toBeUndefined();
    expect(chain.hops.map((hop) => [hop.url, hop.status])).toEqual([
      ['http://shop.test/', 301],
      ['https://shop.test/', 200],
    ]);
    const [first, second] = chain.hops;
    expect(first?.address).toBe(SHOP);
    expect(first?.tls).toBeUndefined();
    expect(second?.tls?.protocol).toBe('TLSv1.3');
    expect(second?.tls?.cipher).toMatch(/^TLS_AES_|^TLS_CHACHA20/);
    expect(sniSeen).toContain('shop.test');
    expect(chain.body).toBe(HOME);
    expect(chain.bodyBytes).toBe(Buffer.byteLength(HOME));
    expect(chain.bodyTruncated).toBe(false);
    // Our request: plain User-Agent, no compression.
    const headers = second?.headers ?? [];
    expect(headers).toContainEqual(['x-ua', 'Weerbaar/0.1 (security scan)']);
    expect(headers).toContainEqual(['x-ae', 'identity']);
  });

  it('keeps repeated Set-Cookie headers, in order, with lower-cased names', async () => {
    const chain = await fetchChain('https://shop.test/', ctx);
    const cookies = chain.hops[0]?.headers.filter(([name]) => name === 'set-cookie').map(([, value]) => value);
    expect(cookies).toEqual(['a=1; Secure', 'b=2; HttpOnly', 'a=3; Path=/x']);
    expect(chain.hops[0]?.headers).toContainEqual(['strict-transport-security', 'max-age=31536000']);
  });

  it('resolves a relative Location against the current URL and drops the fragment', async () => {
    const chain = await fetchChain('https://shop.test/rel', ctx);
    expect(chain.hops.map((hop) => hop.url)).toEqual(['https://shop.test/rel', 'https://shop.test/next?x=1']);
    expect(chain.body).toBe('arrived');
  });

  it('stops a redirect loop when a URL comes back', async () => {
    const chain = await fetchChain('https://shop.test/loop-a', ctx);
    expect(chain.error?.kind).toBe('redirect-loop');
    expect(chain.hops).toHaveLength(2);
  });

  it('follows at most 10 redirects (11 requests), then reports too-many-redirects', async () => {
    const chain = await fetchChain('https://shop.test/hop/0', ctx);
    expect(chain.error?.kind).toBe('too-many-redirects');
    expect(chain.hops).toHaveLength(11);
    expect(chain.hops.at(-1)?.url).toBe('https://shop.test/hop/10');
    const short = await fetchChain('https://shop.test/hop/0', ctx, { maxRedirects: 2 });
    expect(short.error?.kind).toBe('too-many-redirects');
    expect(short.hops).toHaveLength(3);
  });

  it('refuses non-web and malformed Locations', async () => {
    const js = await fetchChain('https://shop.test/js', ctx);
    expect(js.error?.kind).toBe('invalid-redirect');
    expect(js.hops).toHaveLength(1);
    const malformed = await fetchChain('https://shop.test/malformed', ctx);
    expect(malformed.error?.kind).toBe('invalid-redirect');
    expect(malformed.error?.message).toContain('malformed');
  });

  it('follows a redirect to another host through the resolver', async () => {
    const chain = await fetchChain('http://shop.test/to-other', ctx);
    expect(chain.hops.map((hop) => hop.url)).toEqual(['http://shop.test/to-other', 'https://other.test/']);
    expect(chain.hops[1]?.status).toBe(200);
    expect(sniSeen).toContain('other.test');
  });
});

describe('fetchChain: TLS is recorded, not enforced', () => {
  it('still fetches when the certificate is untrusted or names another host', async () => {
    const untrusted = await fetchChain('https://shop.test/', makeContext(pki, undefined, []));
    expect(untrusted.hops[0]?.status).toBe(200);
    const mismatch = await fetchChain('https://mismatch.test/', ctx);
    expect(mismatch.hops[0]?.status).toBe(200);
    expect(sniSeen).toContain('mismatch.test');
  });
});

describe('fetchChain: the private-address policy', () => {
  it('records refused-private when every address of a host is private', async () => {
    const chain = await fetchChain('https://private.test/', ctx);
    expect(chain.error?.kind).toBe('refused-private');
    expect(chain.hops[0]?.error?.message).toContain('10.1.2.3');
  });

  it('applies it to redirect targets, names and IP literals alike', async () => {
    const byName = await fetchChain('https://shop.test/to-private', ctx);
    expect(byName.error?.kind).toBe('refused-private');
    expect(byName.hops).toHaveLength(2);
    const byIp = await fetchChain('https://shop.test/to-ip', ctx);
    expect(byIp.error?.kind).toBe('refused-private');
    expect(byIp.hops[1]?.error?.message).toContain('10.9.8.7');
  });

  it('reports a name without addresses as dns', async () => {
    const chain = await fetchChain('https://nowhere.test/', ctx);
    expect(chain.error?.kind).toBe('dns');
    expect(chain.error?.message).toContain('NXDOMAIN');
  });

  it('connects to the pinned address instead of resolving', async () => {
    // closed.test resolves to an address with nothing listening; the pin goes to the shop.
    const refused = await fetchChain('https://closed.test/', ctx);
    expect(refused.error?.kind).toBe('connect');
    const pinned = await fetchChain('https://shop.test/', ctx, { pinnedAddress: SHOP });
    expect(pinned.hops[0]?.address).toBe(SHOP);
    expect(pinned.hops[0]?.status).toBe(200);
  });
});
