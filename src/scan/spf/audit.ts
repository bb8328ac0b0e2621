/**
 * The SPF lookup counter: walks a domain's record and its whole include/redirect tree
 * and counts DNS-querying terms and void lookups the way RFC 7208 4.6.4 does, for the
 * worst-case path (every term evaluated, as for a client that matches nothing).
 *
 * Terms whose target depends on the message (%{i}, %{s}, %{l}, ptr, ...) are counted
 * but not followed. Loops are caught on the path. Bounded by a query cap.
 */
import type { SpfCountedTerm, SpfDnsTermKind, SpfEvidence, SpfRecordNode } from '../evidence/spf.js';
import { SENDER_DEPENDENT_LETTERS, expandMacroString, isQueryableName, toQueryName, usesLetters, type MacroContext } from './macro.js';
import { isDnsTerm, isSpfRecord, parseSpfRecord } from './parse.js';
import type { MacroString, Mechanism, SpfDnsAnswer, SpfLookup, SpfQueryType } from './types.js';

export const DEFAULT_MAX_QUERIES = 40;
/** More records than this in one tree is pathological; stop following. */
const MAX_NODES = 30;

type Ending = SpfEvidence['ending'];

class Audit {
  readonly nodes: SpfRecordNode[] = [];
  readonly terms: SpfCountedTerm[] = [];
  readonly loops: string[] = [];
  dnsLookups = 0;
  voidLookups = 0;
  queries = 0;
  incomplete = false;
  private readonly cache = new Map<string, Promise<SpfDnsAnswer>>();

  constructor(
    private readonly lookup: SpfLookup,
    private readonly maxQueries: number,
  ) {}

  /** Each distinct question is asked once; past the cap, nothing more is asked. */
  query(name: string, type: SpfQueryType): Promise<SpfDnsAnswer> {
    const key = `${name.toLowerCase()}|${type}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.queries >= this.maxQueries) {
      this.incomplete = true;
      return Promise.resolve({ kind: 'error', reason: 'query-cap' });
    }
    this.queries++;
    const pending = this.lookup(name, type);
    this.cache.set(key, pending);
    return pending;
  }

  private count(term: string, kind: SpfDnsTermKind, record: string): SpfCountedTerm {
    this.dnsLookups++;
    const entry: SpfCountedTerm = { term, kind, record, count: this.dnsLookups };
    this.terms.push(entry);
    return entry;
  }

  private markVoid(entry: SpfCountedTerm, answers: SpfDnsAnswer[]): void {
    const error = answers.find((answer) => answer.kind === 'error');
    if (error?.kind === 'error') {
      entry.error = error.reason;
      return;
    }
    const empty = answers.every((answer) => answer.kind === 'nxdomain' || (answer.kind === 'records' && answer.records.length === 0));
    if (!empty) return;
    this.voidLookups++;
    entry.void = true;
    entry.voidCount = this.voidLookups;
  }

  /** A target that needs only %{d}: expanded; one that depends on the message: undefined. */
  private async target(spec: MacroString | undefined, domain: string): Promise<string | undefined> {
    if (!spec) return domain;
    if (usesLetters(spec, SENDER_DEPENDENT_LETTERS)) return undefined;
    const context: MacroContext = {
      sender: '',
      localPart: '',
      senderDomain: '',
      domain,
      ipDotted: '',
      ipReadable: '',
      ipVersion: 4,
      helo: '',
      receiver: '',
      timestamp: 0,
      validatedName: () => Promise.resolve(''),
    };
    return toQueryName(await expandMacroString(spec, context));
  }

  private async mechanism(mechanism: Mechanism, domain: string, path: string[]): Promise<void> {
    if (!isDnsTerm(mechanism.kind)) return;
    const kind = mechanism.kind as SpfDnsTermKind;
    const entry = this.count(mechanism.term, kind, domain);
    const target = kind === 'ptr' ? undefined : await this.target(mechanism.domain, domain);
    if (target === undefined) {
      entry.senderDependent = true;
      return;
    }
    if (kind === 'include') {
      await this.walk(target, { kind: 'include', term: mechanism.term, from: domain }, path);
      return;
    }
    if (!isQueryableName(target)) return;
    if (kind === 'a') {
      // Void only when the name has no address at all: then every client meets a void lookup.
      this.markVoid(entry, await Promise.all([this.query(target, 'A'), this.query(target, 'AAAA')]));
    } else if (kind === 'mx') {
      const answer = await this.query(target, 'MX');
      this.markVoid(entry, [answer]);
      if (answer.kind === 'records') entry.mxNames = answer.records.length;
    } else if (kind === 'exists') {
      this.markVoid(entry, [await this.query(target, 'A')]);
    }
  }

  /** Fetch, parse and count one record and what it points to; returns how its policy ends. */
  async walk(domain: string, via: SpfRecordNode['via'], path: string[]): Promise<Ending> {
    const node: SpfRecordNode = { domain, ...(via ? { via } : {}), status: 'ok' };
    this.nodes.push(node);
    const lower = domain.toLowerCase();
    if (path.includes(lower)) {
      node.status = 'loop';
      this.loops.push([...path, lower].join(' > '));
      return undefined;
    }
    if (this.nodes.length > MAX_NODES) {
      node.status = 'not-followed';
      node.detail = 'too-many-records';
      this.incomplete = true;
      return undefined;
    }
    if (!isQueryableName(domain)) {
      node.status = 'none';
      return undefined;
    }
    const answer = await this.query(domain, 'TXT');
    if (answer.kind === 'error') {
      node.status = answer.reason === 'query-cap' ? 'not-followed' : 'dns-error';
      node.detail = answer.reason;
      return undefined;
    }
    const records = answer.kind === 'records' ? answer.records.filter(isSpfRecord) : [];
    if (records.length === 0) {
      node.status = 'none';
      return undefined;
    }
    node.record = records[0];
    if (records.length > 1) {
      node.status = 'multiple';
      node.count = records.length;
      return undefined;
    }
    const parsed = parseSpfRecord(records[0] ?? '');
    if (!parsed.ok) {
      node.status = 'syntax';
      node.term = parsed.term;
      node.detail = parsed.reason;
      return undefined;
    }
    const { record } = parsed;
    const inner = [...path, lower];
    for (const mechanism of record.mechanisms) await this.mechanism(mechanism, domain, inner);
    const all = record.mechanisms.find((mechanism) => mechanism.kind === 'all');
    if (all) {
      node.all = all.qualifier;
      if (record.redirect) node.redirectIgnored = true;
      return { qualifier: all.qualifier, record: domain };
    }
    if (!record.redirect) return { qualifier: null, record: domain };
    const entry = this.count(record.redirect.term, 'redirect', domain);
    const target = await this.target(record.redirect.domain, domain);
    if (target === undefined) {
      entry.senderDependent = true;
      return undefined;
    }
    return this.walk(target, { kind: 'redirect', term: record.redirect.term, from: domain }, inner);
  }
}

/** The root's SPF records as published, for the evidence (also when there are several). */
async function rootRecords(audit: Audit, domain: string): Promise<{ records: string[]; error?: string }> {
  const answer = await audit.query(domain, 'TXT');
  if (answer.kind === 'error') return { records: [], error: answer.reason };
  return { records: answer.kind === 'records' ? answer.records.filter(isSpfRecord) : [] };
}

export async function auditSpf(domain: string, lookup: SpfLookup, maxQueries = DEFAULT_MAX_QUERIES): Promise<SpfEvidence> {
  const audit = new Audit(lookup, maxQueries);
  const root = await rootRecords(audit, domain);
  if (root.error) return { records: [], error: root.error, queries: audit.queries };
  if (root.records.length === 0) return { records: [], queries: audit.queries };
  const ending = await audit.walk(domain, undefined, []);
  return {
    records: root.records,
    nodes: audit.nodes,
    terms: audit.terms,
    dnsLookups: audit.dnsLookups,
    voidLookups: audit.voidLookups,
    loops: audit.loops,
    ...(ending ? { ending } : {}),
    ...(audit.incomplete ? { incomplete: true } : {}),
    queries: audit.queries,
  };
}
