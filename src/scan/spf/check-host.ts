/**
 * check_host() (RFC 7208 4-6): evaluates the SPF policy of a domain for a client address
 * and sender, through an SpfLookup callback. Processing limits of 4.6.4 apply across the
 * whole evaluation: 10 DNS-querying terms, 2 void lookups, 10 MX names per mx term (more is
 * a permerror) and the first 10 PTR names per ptr term or %{p}.
 */
import { expandMacroString, isQueryableName, parseMacroString, toQueryName, type MacroContext } from './macro.js';
import { dottedIp, inNetwork, parseIp, parseIp4Network, parseIp6Network, readableIp, reverseName, type SpfIp } from './ip.js';
import { isDnsTerm, isSpfRecord, parseSpfRecord } from './parse.js';
import {
  MAX_DNS_TERMS,
  MAX_MX_OR_PTR_NAMES,
  MAX_VOID_LOOKUPS,
  type MacroString,
  type Mechanism,
  type Qualifier,
  type SpfDnsAnswer,
  type SpfLookup,
  type SpfRecord,
  type SpfResult,
} from './types.js';

export interface CheckHostInput {
  /** The SMTP client's address (IPv4-mapped IPv6 is treated as IPv4). */
  ip: string;
  /** The domain whose policy is evaluated (usually the MAIL FROM domain). */
  domain: string;
  /** MAIL FROM, or postmaster@<helo> for a HELO check. A missing local-part becomes "postmaster". */
  sender: string;
  helo?: string;
  /** %{r}: the receiving host; "unknown" when not given. */
  receiver?: string;
  /** %{t}: seconds since the epoch. */
  timestamp?: number;
  lookup: SpfLookup;
}

export interface CheckHostOutcome {
  result: SpfResult;
  /** The exp= explanation, for a fail whose deciding record has one that resolves. */
  explanation?: string;
  /** A short English reason, for logs and evidence. */
  reason: string;
  /** The mechanism that matched, and the domain of its record. */
  matched?: { term: string; domain: string };
  dnsTerms: number;
  voidLookups: number;
}

const QUALIFIER_RESULT: Record<Qualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** Ends evaluation at once with permerror or temperror. */
class Abort extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly why: string,
  ) {
    super(why);
  }
}

interface Decided {
  result: SpfResult;
  reason: string;
  matched?: { term: string; domain: string };
  /** The record and domain that produced the result (after redirects), for exp=. */
  record?: SpfRecord;
  domain: string;
}

/** 4.3: a multi-label name with labels of 1-63 octets, ending in a valid top label. */
export function isValidSpfDomain(domain: string): boolean {
  const name = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  if (!isQueryableName(name)) return false;
  const labels = name.split('.');
  return labels.length >= 2 && /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i.test(labels.at(-1) ?? '');
}

class Evaluation {
  dnsTerms = 0;
  voidLookups = 0;
  private readonly ip: SpfIp;
  private readonly localPart: string;
  private readonly senderDomain: string;
  private validatedNames?: Promise<string[]>;

  constructor(private readonly input: CheckHostInput) {
    const ip = parseIp(input.ip);
    if (!ip) throw new TypeError(`not an IP address: ${input.ip}`);
    this.ip = ip;
    const at = input.sender.lastIndexOf('@');
    this.localPart = (at >= 0 ? input.sender.slice(0, at) : '') || 'postmaster';
    this.senderDomain = at >= 0 ? input.sender.slice(at + 1) : input.sender;
  }

  private get sender(): string {
    return `${this.localPart}@${this.senderDomain}`;
  }

  private macroContext(domain: string): MacroContext {
    return {
      sender: this.sender,
      localPart: this.localPart,
      senderDomain: this.senderDomain,
      domain,
      ipDotted: dottedIp(this.ip),
      ipReadable: readableIp(this.ip),
      ipVersion: this.ip.version,
      helo: this.input.helo ?? '',
      receiver: this.input.receiver ?? 'unknown',
      timestamp: this.input.timestamp ?? Math.floor(Date.now() / 1000),
      validatedName: () => this.pickValidatedName(domain),
    };
  }

  private async expandName(macro: MacroString, domain: string): Promise<string> {
    return toQueryName(await expandMacroString(macro, this.macroContext(domain)));
  }

  private countDnsTerm(term: string): void {
    this.dnsTerms++;
    if (this.dnsTerms > MAX_DNS_TERMS) throw new Abort('permerror', `more than ${MAX_DNS_TERMS} DNS-querying terms (at ${term})`);
  }

  private countVoid(term: string): void {
    this.voidLookups++;
    if (this.voidLookups > MAX_VOID_LOOKUPS) throw new Abort('permerror', `more than ${MAX_VOID_LOOKUPS} void lookups (at ${term})`);
  }

  /** A term's own query: DNS errors are temperror, empty answers count as void lookups. */
  private async termQuery(name: string, type: 'A' | 'AAAA' | 'MX' | 'PTR', term: string): Promise<string[]> {
    const answer = await this.input.lookup(name, type);
    if (answer.kind === 'error') throw new Abort('temperror', `DNS error for ${name}/${type}: ${answer.reason}`);
    const records = answer.kind === 'records' ? answer.records : [];
    if (records.length === 0) this.countVoid(term);
    return records;
  }

  private addressType(): 'A' | 'AAAA' {
    return this.ip.version === 4 ? 'A' : 'AAAA';
  }

  private addressMatches(addresses: string[], mechanism: Mechanism): boolean {
    const bits = this.ip.version === 4 ? 32 : 128;
    const prefix = (this.ip.version === 4 ? mechanism.cidr4 : mechanism.cidr6) ?? bits;
    return addresses.some((text) => {
      const address = parseIp(text);
      return address?.version === this.ip.version && inNetwork(this.ip.value, address.value, prefix, bits);
    });
  }

  /** PTR names of the client whose forward lookup leads back to it (5.5), first 10 names only. */
  private async validated(countVoidFor?: string): Promise<string[]> {
    const answer = await this.input.lookup(reverseName(this.ip), 'PTR');
    const names = answer.kind === 'records' ? answer.records : [];
    if (countVoidFor && answer.kind !== 'error' && names.length === 0) this.countVoid(countVoidFor);
    const valid: string[] = [];
    for (const raw of names.slice(0, MAX_MX_OR_PTR_NAMES)) {
      const name = toQueryName(raw);
      if (!isQueryableName(name)) continue;
      const forward = await this.input.lookup(name, this.addressType());
      if (forward.kind !== 'records') continue;
      if (forward.records.some((text) => parseIp(text)?.value === this.ip.value)) valid.push(name);
    }
    return valid;
  }

  private async pickValidatedName(domain: string): Promise<string> {
    this.validatedNames ??= this.validated();
    const names = await this.validatedNames;
    const target = domain.toLowerCase();
    const exact = names.find((name) => name.toLowerCase() === target);
    const sub = names.find((name) => name.toLowerCase().endsWith(`.${target}`));
    return exact ?? sub ?? names[0] ?? 'unknown';
  }

  private async matches(mechanism: Mechanism, domain: string, depth: number): Promise<boolean> {
    const { term } = mechanism;
    if (isDnsTerm(mechanism.kind)) this.countDnsTerm(term);
    const target = mechanism.domain ? await this.expandName(mechanism.domain, domain) : domain;
    switch (mechanism.kind) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6': {
        const version = mechanism.kind === 'ip4' ? 4 : 6;
        if (this.ip.version !== version) return false;
        const network = (version === 4 ? parseIp4Network : parseIp6Network)(mechanism.network ?? '') ?? 0n;
        const bits = version === 4 ? 32 : 128;
        return inNetwork(this.ip.value, network, (version === 4 ? mechanism.cidr4 : mechanism.cidr6) ?? bits, bits);
      }
      case 'include': {
        const inner = await this.run(target, depth + 1);
        if (inner.result === 'pass') return true;
        if (inner.result === 'temperror') throw new Abort('temperror', `${term}: ${inner.reason}`);
        if (inner.result === 'permerror' || inner.result === 'none') throw new Abort('permerror', `${term}: ${inner.reason}`);
        return false;
      }
      case 'a':
        if (!isQueryableName(target)) return false;
        return this.addressMatches(await this.termQuery(target, this.addressType(), term), mechanism);
      case 'mx': {
        if (!isQueryableName(target)) return false;
        const exchanges = await this.termQuery(target, 'MX', term);
        if (exchanges.length > MAX_MX_OR_PTR_NAMES) throw new Abort('permerror', `${term}: more than ${MAX_MX_OR_PTR_NAMES} MX names`);
        for (const exchange of exchanges) {
          const name = toQueryName(exchange);
          if (!isQueryableName(name)) continue;
          const answer = await this.input.lookup(name, this.addressType());
          if (answer.kind === 'error') throw new Abort('temperror', `DNS error for ${name}: ${answer.reason}`);
          if (answer.kind === 'records' && this.addressMatches(answer.records, mechanism)) return true;
        }
        return false;
      }
      case 'ptr': {
        const valid = await this.validated(term);
        const wanted = target.toLowerCase();
        return valid.some((name) => name.toLowerCase() === wanted || name.toLowerCase().endsWith(`.${wanted}`));
      }
      case 'exists':
        if (!isQueryableName(target)) return false;
        // Always an A query, whatever the client's address family (5.7).
        return (await this.termQuery(target, 'A', term)).length > 0;
    }
  }

  /** check_host() for one domain; include and redirect recurse into it. */
  async run(rawDomain: string, depth: number): Promise<Decided> {
    const domain = rawDomain.endsWith('.') ? rawDomain.slice(0, -1) : rawDomain;
    if (!isValidSpfDomain(domain)) return { result: 'none', reason: `"${domain}" is not a valid domain name`, domain };
    const answer: SpfDnsAnswer = await this.input.lookup(domain, 'TXT');
    if (answer.kind === 'error') return { result: 'temperror', reason: `DNS error for ${domain}/TXT: ${answer.reason}`, domain };
    const records = answer.kind === 'records' ? answer.records.filter(isSpfRecord) : [];
    if (records.length === 0) return { result: 'none', reason: `no SPF record at ${domain}`, domain };
    if (records.length > 1) return { result: 'permerror', reason: `${records.length} SPF records at ${domain}`, domain };
    const parsed = parseSpfRecord(records[0] ?? '');
    if (!parsed.ok) return { result: 'permerror', reason: `syntax error at "${parsed.term}" in ${domain} (${parsed.reason})`, domain };
    const { record } = parsed;
    for (const mechanism of record.mechanisms) {
      if (await this.matches(mechanism, domain, depth)) {
        const result = QUALIFIER_RESULT[mechanism.qualifier];
        return { result, reason: `${mechanism.term} matched in ${domain}`, matched: { term: mechanism.term, domain }, record, domain };
      }
    }
    // redirect= applies only when no mechanism matched and the record has no "all" (6.1).
    if (record.redirect && !record.mechanisms.some((mechanism) => mechanism.kind === 'all')) {
      this.countDnsTerm(record.redirect.term);
      const target = await this.expandName(record.redirect.domain, domain);
      const inner = await this.run(target, depth + 1);
      if (inner.result === 'none') return { result: 'permerror', reason: `${record.redirect.term}: ${inner.reason}`, domain };
      return inner;
    }
    return { result: 'neutral', reason: `no mechanism matched in ${domain}`, record, domain };
  }

  /** 6.2: the explanation of a fail, from the deciding record's exp=; any problem means none. */
  async explain(decided: Decided): Promise<string | undefined> {
    const exp = decided.record?.exp;
    if (!exp) return undefined;
    try {
      const name = await this.expandName(exp.domain, decided.domain);
      if (!isQueryableName(name)) return undefined;
      const answer = await this.input.lookup(name, 'TXT');
      if (answer.kind !== 'records' || answer.records.length !== 1) return undefined;
      const text = parseMacroString(answer.records[0] ?? '', true);
      return text && (await expandMacroString(text, this.macroContext(decided.domain)));
    } catch {
      return undefined;
    }
  }
}

export async function checkHost(input: CheckHostInput): Promise<CheckHostOutcome> {
  const evaluation = new Evaluation(input);
  let decided: Decided;
  try {
    decided = await evaluation.run(input.domain, 0);
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    decided = { result: error.result, reason: error.why, domain: input.domain };
  }
  const explanation = decided.result === 'fail' ? await evaluation.explain(decided) : undefined;
  return {
    result: decided.result,
    ...(explanation !== undefined ? { explanation } : {}),
    reason: decided.reason,
    ...(decided.matched ? { matched: decided.matched } : {}),
    dnsTerms: evaluation.dnsTerms,
    voidLookups: evaluation.voidLookups,
  };
}

/** The identity to check (RFC 7208 2.3, 2.4): MAIL FROM, or postmaster@HELO when it is empty. */
export function spfIdentity(mailFrom: string, helo: string): { domain: string; sender: string } {
  if (mailFrom === '') return { domain: helo, sender: `postmaster@${helo}` };
  const at = mailFrom.lastIndexOf('@');
  return { domain: at >= 0 ? mailFrom.slice(at + 1) : mailFrom, sender: mailFrom };
}
