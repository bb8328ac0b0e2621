/**
 * mail.dane: for every MX host, TLSA records at _25._tcp.<host> exist, are DNSSEC-secure,
 * and at least one usable record (see dane-match.ts) authenticates the certificate chain
 * the server presents over STARTTLS. No TLSA fails, as on internet.nl: without DANE a
 * sending server cannot tell the real mail server from an attacker's. TLSA that is not
 * signed (insecure) is ignored by senders; bogus TLSA makes DANE senders defer all mail.
 * Whether the set survives a key or certificate change (rollover-safe) is information.
 */
import { msg, type Check, type MessageRef } from '../../../check.js';
import type { MailServerEvidence } from '../../../evidence/mail.js';
import type { TlsaRecord } from '../../../evidence/smtp.js';
import { assessDane } from './dane-match.js';
import { combine, hostVerdict, mailServers, tlsOf, withMailTexts, type HostVerdict } from './servers.js';
import { DANE_TEXTS } from './texts-dane.js';

const show = (record: TlsaRecord): string => `${record.usage} ${record.selector} ${record.matchingType} ${record.data.slice(0, 16)}…`;

function judge(server: MailServerEvidence): HostVerdict {
  const host = server.host;
  const tlsa = server.tlsa;
  const name = tlsa?.name ?? `_25._tcp.${host}`;
  if (!tlsa) return hostVerdict(host, 'error', 'lookupFailed', { name, reason: 'not looked up' });
  const records = tlsa.records.map(show);
  const facts: Record<string, unknown> = { name, dnssec: tlsa.dnssec, records: tlsa.records };
  if (tlsa.error && tlsa.records.length === 0) return hostVerdict(host, 'error', 'lookupFailed', { name, reason: tlsa.error }, [], facts);
  if (tlsa.dnssec === 'bogus') return hostVerdict(host, 'fail', 'bogus', { name, reason: tlsa.reason ?? 'bogus' }, [msg('fixBogus', { host, name })], facts);
  if (tlsa.dnssec === 'indeterminate') return hostVerdict(host, 'error', 'indeterminate', { name, reason: tlsa.reason ?? tlsa.error ?? 'unknown' }, [], facts);
  if (tlsa.records.length === 0) {
    const advice = tlsa.dnssec === 'insecure' ? [msg('signZone', { host }), msg('publish', { host, name })] : [msg('publish', { host, name })];
    return hostVerdict(host, 'fail', 'none', { name }, advice, facts);
  }
  if (tlsa.dnssec === 'insecure') return hostVerdict(host, 'fail', 'insecure', { name }, [msg('signZone', { host })], facts);

  const tls = tlsOf(server);
  if ('status' in tls && tls.status === 'skip') {
    // TLSA promises TLS: a DANE sender will not deliver in plaintext, so mail to this host stops.
    return hostVerdict(host, 'fail', 'tlsaWithoutStarttls', { name }, [msg('enableStarttls', { host })], facts);
  }
  const assessment = assessDane(tlsa, 'status' in tls ? undefined : tls);
  const advice: MessageRef[] = [];
  if (assessment.unusable.length > 0) advice.push(msg('dropPkix', { name, records: assessment.unusable.map(show).join('; ') }));
  Object.assign(facts, {
    usable: assessment.usable.length,
    unusable: assessment.unusable.length,
    matched: assessment.matches.map((match) => ({ record: show(match.record), certIndex: match.certIndex })),
    rolloverSafe: assessment.rollover !== null,
    rollover: assessment.rollover,
  });
  if (assessment.usable.length === 0) return hostVerdict(host, 'fail', 'noUsable', { name, records: records.join('; ') }, advice, facts);
  if ('status' in tls) return { ...tls, evidence: { ...tls.evidence, ...facts } };
  if (!tls.certificate || tls.certificate.chain.length === 0) return hostVerdict(host, 'error', 'noCertificate', { reason: tls.handshake.error ?? 'no certificate seen' }, [], facts);
  if (assessment.matches.length === 0) {
    if (assessment.taNameMismatch.length > 0) return hostVerdict(host, 'fail', 'taName', { name }, [msg('fixTaName', { host }), ...advice], facts);
    return hostVerdict(host, 'fail', 'noMatch', { name }, [msg('updateTlsa', { host, name }), ...advice], facts);
  }
  if (assessment.rollover) return hostVerdict(host, 'pass', 'passRollover', { name }, advice, facts);
  return hostVerdict(host, 'pass', 'pass', { name }, [...advice, msg('rollover', { name })], facts);
}

export const mailDane: Check = {
  id: 'mail.dane',
  texts: withMailTexts(DANE_TEXTS),
  run(evidence) {
    const servers = mailServers(evidence);
    if (!Array.isArray(servers)) return servers;
    return combine(servers.map(judge), 'noMail');
  },
};
