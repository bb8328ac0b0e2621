/**
 * mail.non-sending: a domain that sends no mail should say so everywhere, so nobody
 * can send in its name: Null MX (or no MX), SPF "v=spf1 -all" and DMARC p=reject
 * (the M3AAWG / NCSC-NL "parked domain" set).
 *
 * It applies when the domain signals that it handles no mail: a Null MX (RFC 7505
 * 4.2: such a domain should not send either), or no MX together with SPF "v=spf1 -all".
 * A domain with real MX records, or without MX but with a sending SPF record, sends
 * or receives mail: notApplicable. No MX and no SPF at all cannot be told apart from a
 * sending domain that forgot SPF, so that is notApplicable too (mail.spf judges it).
 */
import { mergeTexts, msg, type Check, type CheckVerdict, type MessageRef } from '../../../check.js';
import { effectiveDmarcPolicy, hasNoMx, noMailVerdict, POLICY_SHARED_TEXTS, spfForbidsAll } from './shared.js';

export const mailNonSending: Check = {
  id: 'mail.non-sending',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'Domain without e-mail',
      verifies: 'A domain that neither sends nor receives e-mail should say so in three records, so criminals cannot send e-mail in its name: a Null MX (or no MX), SPF "v=spf1 -all" and DMARC p=reject.',
      passNullMx: '{{domain}} sends no e-mail and says so completely: Null MX, SPF "v=spf1 -all" and DMARC p=reject.',
      passNoMx: '{{domain}} sends no e-mail and says so: no MX records, SPF "v=spf1 -all" and DMARC p=reject.',
      incomplete: '{{domain}} appears to send no e-mail ({{signal}}), but does not say so completely, so others may still send e-mail in its name. Missing: {{missing}}.',
      notApplicable: '{{domain}} sends or receives e-mail, so the checks for a domain without e-mail do not apply.',
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
      notApplicable: '{{domain}} verstuurt of ontvangt e-mail, dus de controles voor een domein zonder e-mail zijn niet van toepassing.',
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
      notApplicable: '{{domain}} skickar eller tar emot e-post, så kontrollerna för en domän utan e-post gäller inte.',
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
    const spfNone = spfForbidsAll(mail);
    const applies = mx.nullMx || (hasNoMx(mail) && spfNone);
    if (!applies) return { status: 'skip', summary: msg('notApplicable', { domain }), advice: [], evidence: facts, notApplicable: true };

    const missing: string[] = [];
    const advice: MessageRef[] = [];
    if (!spfNone) {
      missing.push('SPF "v=spf1 -all"');
      advice.push(msg('addSpf', { domain }));
    }
    if (effectiveDmarcPolicy(dmarc) !== 'reject' || (dmarc.record?.pct ?? 100) < 100) {
      missing.push('DMARC p=reject');
      advice.push(msg('addDmarc', { domain }));
    }
    // Reaching here means the inbound side is already right (Null MX, or no MX with SPF -all).
    const signal = mx.nullMx ? 'Null MX' : 'SPF "v=spf1 -all"';
    if (!mx.nullMx) advice.push(msg('addNullMx', { domain }));
    const verdict: CheckVerdict =
      missing.length === 0
        ? { status: 'pass', summary: msg(mx.nullMx ? 'passNullMx' : 'passNoMx', { domain }), advice, evidence: facts }
        : { status: 'fail', summary: msg('incomplete', { domain, signal, missing: missing.join(', ') }), advice, evidence: facts };
    return verdict;
  },
};
