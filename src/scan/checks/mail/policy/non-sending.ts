/**
 * mail.non-sending: a domain that sends no mail should say so everywhere, so nobody
 * can send in its name: Null MX (or no MX), SPF "v=spf1 -all" and DMARC p=reject
 * (the M3AAWG / NCSC-NL "parked domain" set).
 *
 * It applies when the domain signals that it handles no mail (shared.ts, signalsNoMail,
 * the same rule the DMARC and DKIM advice follow): a Null MX or no MX, and no SPF record
 * that lets a host send. Otherwise it is notApplicable, and the summary says what was
 * seen: MX records, or an SPF record that lets hosts send. No MX and no SPF at all cannot
 * be told apart from a sending domain that forgot SPF: info, notApplicable, and it says
 * exactly that (docs/decisions.md).
 */
import { mergeTexts, msg, type Check, type CheckVerdict, type MessageRef } from '../../../check.js';
import type { MailEvidence } from '../../../evidence/mail.js';
import { effectiveDmarcPolicy, hasNoMx, list, noMailSignal, noMailVerdict, POLICY_SHARED_TEXTS, signalsNoMail, spfForbidsAll } from './shared.js';

/** Why the checks for a domain without e-mail do not apply, from what was seen. */
function notApplicable(mail: MailEvidence, facts: Record<string, unknown>): CheckVerdict {
  const { domain, mx, spf } = mail;
  const spfText = spf.records.map((record) => `"${record.trim()}"`).join(', ');
  if (!mx.nullMx && mx.records.length > 0) {
    const hosts = list(mx.records.map((record) => record.exchange || '.'));
    return { status: 'skip', summary: msg('hasMx', { domain, hosts }), advice: [], evidence: facts, notApplicable: true };
  }
  if (spf.records.length > 0) {
    const key = mx.nullMx ? 'sendsNullMx' : 'sendsNoMx';
    return { status: 'skip', summary: msg(key, { domain, spf: spfText }), advice: [], evidence: facts, notApplicable: true };
  }
  return { status: 'info', summary: msg('undetermined', { domain }), advice: [], evidence: facts, notApplicable: true };
}

export const mailNonSending: Check = {
  id: 'mail.non-sending',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'Domain without e-mail',
      verifies: 'A domain that neither sends nor receives e-mail should say so in three records, so criminals cannot send e-mail in its name: a Null MX (or no MX), SPF "v=spf1 -all" and DMARC p=reject.',
      passNullMx: '{{domain}} sends no e-mail and says so completely: Null MX, SPF "v=spf1 -all" and DMARC p=reject.',
      passNoMx: '{{domain}} sends no e-mail and says so: no MX records, SPF "v=spf1 -all" and DMARC p=reject.',
      incomplete: '{{domain}} appears to send no e-mail ({{signal}}), but does not say so completely, so others may still send e-mail in its name. Missing: {{missing}}.',
      hasMx: '{{domain}} has mail servers (MX records: {{hosts}}), so it is set up to receive e-mail and the checks for a domain without e-mail do not apply.',
      sendsNullMx: '{{domain}} accepts no e-mail (Null MX), but its SPF record lets servers send e-mail for it ({{spf}}), so the checks for a domain without e-mail do not apply.',
      sendsNoMx: '{{domain}} has no MX records, but its SPF record lets servers send e-mail for it ({{spf}}), so the checks for a domain without e-mail do not apply.',
      undetermined: '{{domain}} has no MX records and no SPF record, so it cannot be told whether it sends e-mail. If it sends none, publish SPF "v=spf1 -all" (see the SPF check) and this check will tell what else a domain without e-mail needs.',
      failed: 'Not everything needed could be looked up ({{error}}), so this could not be checked.',
      addNullMx: 'Publish a Null MX: {{domain}}. MX 0 . (and remove any other MX records).',
      addSpf: 'Publish exactly one SPF record: {{domain}}. TXT "v=spf1 -all".',
      addDmarc: 'Publish (or change to) this DMARC record: _dmarc.{{domain}} TXT "v=DMARC1; p=reject;".',
    },
    nl: {
      title: 'Domein zonder e-mail',
      verifies: 'Een domein dat geen e-mail verstuurt of ontvangt, hoort dat in drie records te zeggen, zodat criminelen geen e-mail uit zijn naam kunnen versturen: een Null MX (of geen MX), SPF "v=spf1 -all" en DMARC p=reject.',
      passNullMx: '{{domain}} verstuurt geen e-mail en zegt dat volledig: Null MX, SPF "v=spf1 -all" en DMARC p=reject.',
      passNoMx: '{{domain}} verstuurt geen e-mail en zegt dat: geen MX-records, SPF "v=spf1 -all" en DMARC p=reject.',
      incomplete: '{{domain}} lijkt geen e-mail te versturen ({{signal}}), maar zegt dat niet volledig, dus anderen kunnen nog e-mail uit zijn naam versturen. Ontbreekt: {{missing}}.',
      hasMx: '{{domain}} heeft mailservers (MX-records: {{hosts}}), dus het is ingericht om e-mail te ontvangen en de controles voor een domein zonder e-mail zijn niet van toepassing.',
      sendsNullMx: '{{domain}} ontvangt geen e-mail (Null MX), maar het SPF-record laat servers e-mail namens het domein versturen ({{spf}}), dus de controles voor een domein zonder e-mail zijn niet van toepassing.',
      sendsNoMx: '{{domain}} heeft geen MX-records, maar het SPF-record laat servers e-mail namens het domein versturen ({{spf}}), dus de controles voor een domein zonder e-mail zijn niet van toepassing.',
      undetermined: '{{domain}} heeft geen MX-records en geen SPF-record, dus is niet te zien of het e-mail verstuurt. Verstuurt het geen e-mail, publiceer dan SPF "v=spf1 -all" (zie de SPF-controle); deze controle vertelt dan wat een domein zonder e-mail verder nodig heeft.',
      failed: 'Niet alles wat nodig is kon worden opgevraagd ({{error}}), dus dit kon niet worden gecontroleerd.',
      addNullMx: 'Publiceer een Null MX: {{domain}}. MX 0 . (en verwijder eventuele andere MX-records).',
      addSpf: 'Publiceer precies één SPF-record: {{domain}}. TXT "v=spf1 -all".',
      addDmarc: 'Publiceer dit DMARC-record (of pas het bestaande aan): _dmarc.{{domain}} TXT "v=DMARC1; p=reject;".',
    },
    sv: {
      title: 'Domän utan e-post',
      verifies: 'En domän som varken skickar eller tar emot e-post bör säga det i tre poster, så att kriminella inte kan skicka e-post i dess namn: en Null MX (eller ingen MX), SPF "v=spf1 -all" och DMARC p=reject.',
      passNullMx: '{{domain}} skickar ingen e-post och säger det fullständigt: Null MX, SPF "v=spf1 -all" och DMARC p=reject.',
      passNoMx: '{{domain}} skickar ingen e-post och säger det: inga MX-poster, SPF "v=spf1 -all" och DMARC p=reject.',
      incomplete: '{{domain}} verkar inte skicka e-post ({{signal}}), men säger det inte fullständigt, så andra kan fortfarande skicka e-post i dess namn. Saknas: {{missing}}.',
      hasMx: '{{domain}} har e-postservrar (MX-poster: {{hosts}}), så den är inställd på att ta emot e-post och kontrollerna för en domän utan e-post gäller inte.',
      sendsNullMx: '{{domain}} tar inte emot e-post (Null MX), men dess SPF-post låter servrar skicka e-post för den ({{spf}}), så kontrollerna för en domän utan e-post gäller inte.',
      sendsNoMx: '{{domain}} har inga MX-poster, men dess SPF-post låter servrar skicka e-post för den ({{spf}}), så kontrollerna för en domän utan e-post gäller inte.',
      undetermined: '{{domain}} har inga MX-poster och ingen SPF-post, så det går inte att se om den skickar e-post. Om den inte skickar någon, publicera SPF "v=spf1 -all" (se SPF-kontrollen), så berättar den här kontrollen vad en domän utan e-post behöver mer.',
      failed: 'Allt som behövdes kunde inte slås upp ({{error}}), så detta kunde inte kontrolleras.',
      addNullMx: 'Publicera en Null MX: {{domain}}. MX 0 . (och ta bort eventuella andra MX-poster).',
      addSpf: 'Publicera exakt en SPF-post: {{domain}}. TXT "v=spf1 -all".',
      addDmarc: 'Publicera (eller ändra till) den här DMARC-posten: _dmarc.{{domain}} TXT "v=DMARC1; p=reject;".',
    },
  }),
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return noMailVerdict();
    const { domain, mx, spf, dmarc } = mail;
    const error = mx.error ?? spf.error ?? dmarc.error;
    const facts = { nullMx: mx.nullMx, mxRecords: mx.records.length, spf: spf.records, dmarcPolicy: effectiveDmarcPolicy(dmarc) ?? null };
    if (error !== undefined) return { status: 'error', summary: msg('failed', { error }), advice: [], evidence: facts };
    if (!signalsNoMail(mail)) return notApplicable(mail, facts);

    const missing: string[] = [];
    const advice: MessageRef[] = [];
    if (!spfForbidsAll(mail)) {
      missing.push('SPF "v=spf1 -all"');
      advice.push(msg('addSpf', { domain }));
    }
    const pct = dmarc.record?.pct ?? 100;
    if (effectiveDmarcPolicy(dmarc) !== 'reject') {
      missing.push('DMARC p=reject');
      advice.push(msg('addDmarc', { domain }));
    } else if (pct < 100) {
      // p=reject is there: what is missing is that it covers all mail (the summary names only what is absent).
      missing.push(`DMARC pct=100 (pct=${pct})`);
      advice.push(msg('addDmarc', { domain }));
    }
    const signal = noMailSignal(mail);
    if (hasNoMx(mail)) advice.push(msg('addNullMx', { domain }));
    const verdict: CheckVerdict =
      missing.length === 0
        ? { status: 'pass', summary: msg(mx.nullMx ? 'passNullMx' : 'passNoMx', { domain }), advice, evidence: facts }
        : { status: 'fail', summary: msg('incomplete', { domain, signal, missing: missing.join(', ') }), advice, evidence: facts };
    return verdict;
  },
};
