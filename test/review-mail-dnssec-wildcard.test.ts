/**
 * Review finding (issue 4): a signed wildcard answer replayed for a name below an
 * existing name. b.shop.test exists, so a.b.shop.test does not exist and *.shop.test
 * cannot apply to it; the NSEC record after b.shop.test covers a.b.shop.test, but it
 * also shows that b.shop.test (not shop.test) is the closest encloser. Before the fix
 * the validator called this forged answer secure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../src/scan/collect/dns/client.js';
import { createValidator } from '../src/scan/dnssec/validator.js';
import type { DnsFixtureRecord, DnsTestServer } from './fixtures/dns-server.js';
import { resolveSigned, startSignedDnsServer } from './fixtures/dnssec/server.js';
import { buildSignedWorld, type SignedWorld } from './fixtures/dnssec/world.js';

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', ttl: 300, data: address });

let world: SignedWorld;
let server: DnsTestServer;

beforeAll(async () => {
  world = buildSignedWorld({
    zones: [{ name: 'shop.test', records: [a('*.shop.test', '192.0.2.9'), a('b.shop.test', '192.0.2.10')] }],
  });
  server = await startSignedDnsServer({
    address: '127.0.17.1',
    world,
    override: (name, type, dnssecOk) => {
      if (name !== 'a.b.shop.test' || type !== 'A') return undefined;
      // The honest wildcard answer for x.shop.test, with its owner names changed to a.b.shop.test.
      const honest = resolveSigned(world, 'x.shop.test', 'A', dnssecOk);
      return { ...honest, answers: honest.answers.map((record) => ({ ...record, name: 'a.b.shop.test' })) };
    },
  });
}, 60_000);

afterAll(async () => {
  await server.close();
});

const validator = (): ReturnType<typeof createValidator> =>
  createValidator(new DnsClient({ servers: [server], timeoutMs: 1_000, retries: 0 }), world.anchors);

describe('wildcard answers', () => {
  it('proves an honest wildcard expansion secure', async () => {
    const result = await validator().lookup('x.shop.test', 'A');
    expect(result.result.status).toBe('secure');
    expect(result.answers[0]).toMatchObject({ type: 'A', data: '192.0.2.9' });
  });

  it('calls the wildcard replayed below an existing name bogus and hands out no data', async () => {
    const result = await validator().lookup('a.b.shop.test', 'A');
    expect(result.result.status).toBe('bogus');
    expect(result.answers).toEqual([]);
  });
});
