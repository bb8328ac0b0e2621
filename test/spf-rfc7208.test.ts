/**
 * The openspf RFC 7208 test suite (test/vectors/rfc7208/, verbatim) against our checkHost().
 * The zone data of each scenario answers through an SpfLookup callback built the way pyspf's
 * own driver (test/testspf.py) reads it; see the README next to the vectors.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkHost, spfIdentity } from '../src/scan/spf/check-host.js';
import type { SpfDnsAnswer, SpfLookup, SpfQueryType } from '../src/scan/spf/types.js';

type ZoneEntry = 'TIMEOUT' | Record<string, unknown>;
interface VectorTest {
  host: string;
  helo: string;
  mailfrom: string;
  result: string | string[];
  explanation?: string;
}
interface Scenario {
  description: string;
  tests: Record<string, VectorTest>;
  zonedata: Record<string, ZoneEntry[] | null>;
}

const file = new URL('./vectors/rfc7208/rfc7208-tests.yml', import.meta.url);
const scenarios = parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS() as Scenario);

type Rr = { type: string; value: unknown } | 'TIMEOUT';

/**
 * Per name, the records in order. SPF (type 99) records are ignored as such (RFC 7208 3.1)
 * but stand in for TXT records when the name lists no TXT at all, as the suite intends;
 * "TXT: NONE" lists a TXT type without records.
 */
function buildZone(zonedata: Scenario['zonedata']): Map<string, Rr[]> {
  const zone = new Map<string, Rr[]>();
  for (const [rawName, entries] of Object.entries(zonedata)) {
    const list: Rr[] = [];
    const spf: Rr[] = [];
    let hasTxt = false;
    for (const entry of entries ?? []) {
      if (entry === 'TIMEOUT') {
        list.push('TIMEOUT');
        continue;
      }
      for (const [type, value] of Object.entries(entry)) {
        if (type === 'TXT') hasTxt = true;
        if (type === 'SPF') spf.push({ type: 'TXT', value });
        if (value !== 'NONE') list.push({ type, value });
      }
    }
    if (!hasTxt) list.push(...spf);
    zone.set(rawName.toLowerCase(), list);
  }
  return zone;
}

function asText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('') : String(value);
}

function rdata(type: SpfQueryType, value: unknown): string {
  if (type === 'TXT') return asText(value);
  if (type === 'MX') return String((value as [number, string])[1]);
  return String(value);
}

function zoneLookup(zone: Map<string, Rr[]>): SpfLookup {
  const lookup = async (name: string, type: SpfQueryType, hops = 0): Promise<SpfDnsAnswer> => {
    const entries = zone.get(name.toLowerCase().replace(/\.$/, ''));
    if (!entries) return { kind: 'nxdomain' };
    const records: string[] = [];
    for (const entry of entries) {
      // TIMEOUT: a query for a type not answered before it times out.
      if (entry === 'TIMEOUT') {
        if (records.length === 0) return { kind: 'error', reason: 'timeout' };
        break;
      }
      if (entry.type === type) records.push(rdata(type, entry.value));
    }
    const cname = entries.find((entry): entry is { type: string; value: unknown } => entry !== 'TIMEOUT' && entry.type === 'CNAME');
    if (records.length === 0 && cname) {
      // Like a resolver: a CNAME loop is a server failure.
      if (hops >= 8) return { kind: 'error', reason: 'CNAME loop' };
      return lookup(String(cname.value), type, hops + 1);
    }
    return { kind: 'records', records };
  };
  return (name, type) => lookup(name, type);
}

const cases = scenarios.flatMap((scenario) => {
  const zone = buildZone(scenario.zonedata);
  return Object.entries(scenario.tests).map(([id, test]) => ({ id, scenario: scenario.description, test, zone }));
});

describe('RFC 7208 test suite (openspf 2014.04)', () => {
  it('holds every scenario and case', () => {
    expect(scenarios).toHaveLength(16);
    expect(cases).toHaveLength(201);
  });

  it.each(cases)('$scenario: $id', async ({ test, zone }) => {
    const identity = spfIdentity(test.mailfrom, test.helo);
    const outcome = await checkHost({
      ip: test.host,
      domain: identity.domain,
      sender: identity.sender,
      helo: test.helo,
      lookup: zoneLookup(zone),
    });
    const accepted = Array.isArray(test.result) ? test.result : [test.result];
    expect(accepted, outcome.reason).toContain(outcome.result);
    if (test.explanation === 'DEFAULT') expect(outcome.explanation).toBeUndefined();
    else if (test.explanation !== undefined) expect(outcome.explanation).toBe(test.explanation);
  });
});
