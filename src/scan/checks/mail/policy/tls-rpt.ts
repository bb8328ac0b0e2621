/**
 * mail.tls-rpt: a valid _smtp._tls record (RFC 8460) with a report address. Missing
 * warns: it is a recommendation that makes MTA-STS and DANE problems visible.
 */
import { mergeTexts, msg, verdict, type Check } from '../../../check.js';
import { hasNoMx, list, lookupFailedVerdict, noMailVerdict, noMxVerdict, nullMxVerdict, POLICY_SHARED_TEXTS } from './shared.js';

export const mailTlsRpt: Check = {
  id: 'mail.tls-rpt',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'TLS reports (TLS-RPT)',
      verifies: 'A TLS-RPT record asks sending mail servers to report daily when they could not deliver e-mail to you securely, so you notice problems with encryption, MTA-STS or DANE before mail gets lost.',
      pass: '{{domain}} asks for TLS reports, sent to {{rua}}.',
      missing: '{{domain}} has no TLS-RPT record, so you will not hear about senders that cannot deliver securely to your mail servers.',
      invalid: 'The TLS-RPT record at {{name}} is not valid: {{reason}}.',
      publish: 'Publish a TLS-RPT record: _smtp._tls.{{domain}} TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}" (an address whose reports you or your provider read).',
      fix: 'Publish exactly one record at {{name}}, for example: TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}".',
    },
    nl: {
      title: 'TLS-rapporten (TLS-RPT)',
      verifies: 'Een TLS-RPT-record vraagt verzendende mailservers om dagelijks te melden wanneer ze e-mail niet veilig aan u konden bezorgen, zodat u problemen met versleuteling, MTA-STS of DANE opmerkt voordat e-mail verloren gaat.',
      pass: '{{domain}} vraagt om TLS-rapporten, verstuurd naar {{rua}}.',
      missing: '{{domain}} heeft geen TLS-RPT-record, dus u hoort niet van verzenders die niet veilig bij uw mailservers kunnen afleveren.',
      invalid: 'Het TLS-RPT-record op {{name}} is niet geldig: {{reason}}.',
      publish: 'Publiceer een TLS-RPT-record: _smtp._tls.{{domain}} TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}" (een adres waarvan u of uw provider de rapporten leest).',
      fix: 'Publiceer precies één record op {{name}}, bijvoorbeeld: TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}".',
    },
    sv: {
      title: 'TLS-rapporter (TLS-RPT)',
      verifies: 'En TLS-RPT-post ber sändande e-postservrar att dagligen rapportera när de inte kunde leverera e-post till dig säkert, så att du märker problem med kryptering, MTA-STS eller DANE innan e-post går förlorad.',
      pass: '{{domain}} begär TLS-rapporter, som skickas till {{rua}}.',
      missing: '{{domain}} har ingen TLS-RPT-post, så du får inte veta om avsändare som inte kan leverera säkert till dina e-postservrar.',
      invalid: 'TLS-RPT-posten på {{name}} är inte giltig: {{reason}}.',
      publish: 'Publicera en TLS-RPT-post: _smtp._tls.{{domain}} TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}" (en adress vars rapporter du eller din leverantör läser).',
      fix: 'Publicera exakt en post på {{name}}, till exempel: TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}".',
    },
  }),
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return noMailVerdict();
    const { domain, tlsRpt } = mail;
    if (mail.mx.nullMx) return nullMxVerdict(domain);
    // Like the transport checks: without MX records there is no receiving server for the policy to cover.
    if (hasNoMx(mail)) return noMxVerdict(domain);
    const facts = { ...tlsRpt };
    const name = tlsRpt.name ?? `_smtp._tls.${domain}`;
    if (tlsRpt.error !== undefined) return lookupFailedVerdict(name, tlsRpt.error, facts);
    if (tlsRpt.invalid !== undefined) return verdict('fail', 'invalid', { name, reason: tlsRpt.invalid }, [msg('fix', { name, domain })], facts);
    const rua = tlsRpt.rua ?? [];
    if (rua.length === 0) return verdict('warn', 'missing', { domain }, [msg('publish', { domain })], facts);
    return verdict('pass', 'pass', { domain, rua: list(rua) }, [], facts);
  },
};
