/**
 * mail.mta-sts: the _mta-sts TXT record and the policy file are valid (RFC 8461),
 * mode enforce passes, testing warns, and every MX matches the policy. mode none warns like
 * no policy at all: RFC 8461 5 says senders treat it as if there were none (it withdraws a policy).
 * No MTA-STS at all warns: it is a recommendation (internet.nl does not require it yet),
 * not a fault, and DANE gives the same protection where the MX hosts have it.
 */
import { mergeTexts, msg, verdict, type Check, type MessageRef } from '../../../check.js';
import { mxMatchesPattern } from '../../../mail-policy/mta-sts.js';
import { hasNoMx, list, lookupFailedVerdict, noMailVerdict, noMxVerdict, nullMxVerdict, POLICY_SHARED_TEXTS } from './shared.js';

export const mailMtaSts: Check = {
  id: 'mail.mta-sts',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'Encryption required for incoming mail (MTA-STS)',
      verifies: 'MTA-STS tells sending mail servers that your mail servers always use encryption with a valid certificate, so e-mail to you cannot be read or redirected on the way. Weerbaar checks the _mta-sts record, the policy file at https://mta-sts.<domain>/.well-known/mta-sts.txt, its mode, and that every mail server is listed in it.',
      pass: 'MTA-STS for {{domain}} is valid and enforced (mode: enforce) for {{mx}}.',
      testing: 'MTA-STS for {{domain}} is valid but only in test mode (mode: testing): senders report problems but still deliver without protection.',
      modeNone: 'The MTA-STS policy of {{domain}} has mode: none, which switches the protection off.',
      missing: '{{domain}} has no MTA-STS, so senders do not know that mail to you must be encrypted and can be tricked into sending it without encryption.',
      txtInvalid: 'The MTA-STS record at {{name}} is not valid: {{reason}}.',
      policyInvalid: 'The MTA-STS policy of {{domain}} cannot be used: {{reason}}.',
      policyNotFetched: 'The MTA-STS policy of {{domain}} could not be checked: Weerbaar does not connect to private or reserved addresses ({{reason}}).',
      mxUnlisted: 'The MTA-STS policy of {{domain}} does not list these mail servers: {{hosts}}. Senders that respect the policy refuse to deliver to them.',
      mxUnlistedTesting: 'The MTA-STS policy of {{domain}} (in test mode) does not list these mail servers: {{hosts}}. Senders report this as a failure.',
      publish: 'Set up MTA-STS: publish _mta-sts.{{domain}} TXT "v=STSv1; id=20250101" and serve https://mta-sts.{{domain}}/.well-known/mta-sts.txt (text/plain, valid certificate) containing: version: STSv1 / mode: testing / {{mxLines}} / max_age: 604800 (one item per line). Switch to mode: enforce once the TLS-RPT reports show no problems.',
      fixTxt: 'Publish exactly one record at {{name}}: TXT "v=STSv1; id=20250101" (change the id, letters and digits, each time you change the policy).',
      fixPolicy: 'Correct the policy at https://mta-sts.{{domain}}/.well-known/mta-sts.txt: it must answer with status 200 directly (no redirect), as text/plain, with a valid certificate for mta-sts.{{domain}}, and contain: version: STSv1 / mode: enforce / {{mxLines}} / max_age: 604800 (one item per line).',
      enforce: 'Once the TLS-RPT reports show that senders can reach your mail servers securely, change mode: testing to mode: enforce in the policy and update the id in the _mta-sts record.',
      addMx: 'Add these lines to the MTA-STS policy (and update the id in the _mta-sts record): {{mxLines}}.',
    },
    nl: {
      title: 'Versleuteling verplicht voor inkomende mail (MTA-STS)',
      verifies: 'MTA-STS vertelt verzendende mailservers dat uw mailservers altijd versleuteling met een geldig certificaat gebruiken, zodat e-mail aan u onderweg niet kan worden meegelezen of omgeleid. Weerbaar controleert het _mta-sts-record, het beleidsbestand op https://mta-sts.<domein>/.well-known/mta-sts.txt, de modus, en dat elke mailserver erin staat.',
      pass: 'MTA-STS voor {{domain}} is geldig en wordt afgedwongen (mode: enforce) voor {{mx}}.',
      testing: 'MTA-STS voor {{domain}} is geldig maar staat alleen in testmodus (mode: testing): verzenders melden problemen maar bezorgen toch zonder bescherming.',
      modeNone: 'Het MTA-STS-beleid van {{domain}} heeft mode: none, en dat zet de bescherming uit.',
      missing: '{{domain}} heeft geen MTA-STS, dus verzenders weten niet dat e-mail aan u versleuteld moet worden verstuurd en kunnen worden misleid om het onversleuteld te doen.',
      txtInvalid: 'Het MTA-STS-record op {{name}} is niet geldig: {{reason}}.',
      policyInvalid: 'Het MTA-STS-beleid van {{domain}} is onbruikbaar: {{reason}}.',
      policyNotFetched: 'Het MTA-STS-beleid van {{domain}} kon niet worden gecontroleerd: Weerbaar maakt geen verbinding met privé- of gereserveerde adressen ({{reason}}).',
      mxUnlisted: 'Het MTA-STS-beleid van {{domain}} noemt deze mailservers niet: {{hosts}}. Verzenders die het beleid volgen, weigeren daar af te leveren.',
      mxUnlistedTesting: 'Het MTA-STS-beleid van {{domain}} (in testmodus) noemt deze mailservers niet: {{hosts}}. Verzenders melden dit als fout.',
      publish: 'Stel MTA-STS in: publiceer _mta-sts.{{domain}} TXT "v=STSv1; id=20250101" en zet op https://mta-sts.{{domain}}/.well-known/mta-sts.txt (text/plain, geldig certificaat) de inhoud: version: STSv1 / mode: testing / {{mxLines}} / max_age: 604800 (elk onderdeel op een eigen regel). Schakel over op mode: enforce zodra de TLS-RPT-rapporten geen problemen tonen.',
      fixTxt: 'Publiceer precies één record op {{name}}: TXT "v=STSv1; id=20250101" (verander de id, letters en cijfers, bij elke wijziging van het beleid).',
      fixPolicy: 'Verbeter het beleid op https://mta-sts.{{domain}}/.well-known/mta-sts.txt: het moet direct antwoorden met status 200 (geen doorverwijzing), als text/plain, met een geldig certificaat voor mta-sts.{{domain}}, en bevatten: version: STSv1 / mode: enforce / {{mxLines}} / max_age: 604800 (elk onderdeel op een eigen regel).',
      enforce: 'Zodra de TLS-RPT-rapporten laten zien dat verzenders uw mailservers veilig bereiken, verandert u mode: testing in mode: enforce in het beleid en past u de id in het _mta-sts-record aan.',
      addMx: 'Voeg deze regels toe aan het MTA-STS-beleid (en pas de id in het _mta-sts-record aan): {{mxLines}}.',
    },
    sv: {
      title: 'Kryptering krävs för inkommande e-post (MTA-STS)',
      verifies: 'MTA-STS talar om för sändande e-postservrar att dina e-postservrar alltid använder kryptering med ett giltigt certifikat, så att e-post till dig inte kan läsas eller omdirigeras på vägen. Weerbaar kontrollerar _mta-sts-posten, policyfilen på https://mta-sts.<domän>/.well-known/mta-sts.txt, dess läge och att varje e-postserver finns med i den.',
      pass: 'MTA-STS för {{domain}} är giltig och tillämpas (mode: enforce) för {{mx}}.',
      testing: 'MTA-STS för {{domain}} är giltig men bara i testläge (mode: testing): avsändare rapporterar problem men levererar ändå utan skydd.',
      modeNone: 'MTA-STS-policyn för {{domain}} har mode: none, vilket stänger av skyddet.',
      missing: '{{domain}} har ingen MTA-STS, så avsändare vet inte att e-post till dig måste krypteras och kan luras att skicka den okrypterad.',
      txtInvalid: 'MTA-STS-posten på {{name}} är inte giltig: {{reason}}.',
      policyInvalid: 'MTA-STS-policyn för {{domain}} går inte att använda: {{reason}}.',
      policyNotFetched: 'MTA-STS-policyn för {{domain}} kunde inte kontrolleras: Weerbaar ansluter inte till privata eller reserverade adresser ({{reason}}).',
      mxUnlisted: 'MTA-STS-policyn för {{domain}} nämner inte dessa e-postservrar: {{hosts}}. Avsändare som följer policyn vägrar leverera till dem.',
      mxUnlistedTesting: 'MTA-STS-policyn för {{domain}} (i testläge) nämner inte dessa e-postservrar: {{hosts}}. Avsändare rapporterar detta som ett fel.',
      publish: 'Sätt upp MTA-STS: publicera _mta-sts.{{domain}} TXT "v=STSv1; id=20250101" och lägg på https://mta-sts.{{domain}}/.well-known/mta-sts.txt (text/plain, giltigt certifikat) innehållet: version: STSv1 / mode: testing / {{mxLines}} / max_age: 604800 (en del per rad). Byt till mode: enforce när TLS-RPT-rapporterna inte visar några problem.',
      fixTxt: 'Publicera exakt en post på {{name}}: TXT "v=STSv1; id=20250101" (ändra id, bokstäver och siffror, varje gång du ändrar policyn).',
      fixPolicy: 'Rätta policyn på https://mta-sts.{{domain}}/.well-known/mta-sts.txt: den måste svara direkt med status 200 (ingen omdirigering), som text/plain, med ett giltigt certifikat för mta-sts.{{domain}}, och innehålla: version: STSv1 / mode: enforce / {{mxLines}} / max_age: 604800 (en del per rad).',
      enforce: 'När TLS-RPT-rapporterna visar att avsändare når dina e-postservrar säkert, ändra mode: testing till mode: enforce i policyn och uppdatera id i _mta-sts-posten.',
      addMx: 'Lägg till dessa rader i MTA-STS-policyn (och uppdatera id i _mta-sts-posten): {{mxLines}}.',
    },
  }),
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return noMailVerdict();
    const { domain, mtaSts } = mail;
    if (mail.mx.nullMx) return nullMxVerdict(domain);
    // Like the transport checks: without MX records there is no receiving server for the policy to cover.
    if (hasNoMx(mail)) return noMxVerdict(domain);
    const facts = { ...mtaSts };
    const name = mtaSts.txtName ?? `_mta-sts.${domain}`;
    if (mtaSts.error !== undefined) return lookupFailedVerdict(name, mtaSts.error, facts);
    const mxHosts = mail.mx.records.map((record) => record.exchange).filter((host) => host !== '');
    const mxLines = mxHosts.length > 0 ? mxHosts.map((host) => `mx: ${host}`).join(' / ') : `mx: mail.${domain}`;
    const policyErrors = mtaSts.policyErrors ?? [];
    if ((mtaSts.txtRecords ?? []).length === 0 && mtaSts.txtInvalid === undefined) {
      return verdict('warn', 'missing', { domain }, [msg('publish', { domain, mxLines })], facts);
    }
    if (mtaSts.txtInvalid !== undefined) {
      const advice: MessageRef[] = [msg('fixTxt', { name })];
      if (policyErrors.length > 0) advice.push(msg('fixPolicy', { domain, mxLines }));
      return verdict('fail', 'txtInvalid', { name, reason: mtaSts.txtInvalid }, advice, facts);
    }
    const policy = mtaSts.policy;
    // Our own private-address rule kept us away, as it keeps the transport checks from the MX: the same cause, the same status.
    if (!policy && mtaSts.fetch?.refusedPrivate) {
      return verdict('error', 'policyNotFetched', { domain, reason: mtaSts.fetch.error ?? 'private address' }, [], facts);
    }
    if (!policy) {
      const reason = policyErrors.join('; ') || 'no valid policy was found';
      return verdict('fail', 'policyInvalid', { domain, reason }, [msg('fixPolicy', { domain, mxLines })], facts);
    }
    if (policy.mode === 'none') return verdict('warn', 'modeNone', { domain }, [msg('fixPolicy', { domain, mxLines })], facts);
    const unlisted = mxHosts.filter((host) => !policy.mx.some((pattern) => mxMatchesPattern(host, pattern)));
    const matchFacts = { ...facts, unlistedMx: unlisted };
    if (unlisted.length > 0) {
      const advice = [msg('addMx', { mxLines: unlisted.map((host) => `mx: ${host}`).join(' / ') })];
      if (policy.mode === 'testing') advice.push(msg('enforce'));
      // In enforce mode, compliant senders will not deliver to an unlisted MX: mail is lost or delayed.
      const enforced = policy.mode === 'enforce';
      return verdict(enforced ? 'fail' : 'warn', enforced ? 'mxUnlisted' : 'mxUnlistedTesting', { domain, hosts: list(unlisted) }, advice, matchFacts);
    }
    if (policy.mode === 'testing') return verdict('warn', 'testing', { domain }, [msg('enforce')], matchFacts);
    return verdict('pass', 'pass', { domain, mx: list(policy.mx) }, [], matchFacts);
  },
};
