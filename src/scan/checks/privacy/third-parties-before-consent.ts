/**
 * privacy.third-parties.before-consent: loading the home page, without touching any cookie
 * banner, must not contact known trackers; every request to another company hands it the
 * visitor's IP address and the page visited. Other third parties (a payment provider, a
 * font or script host) are listed so the owner can check them. Hosts the scanner itself
 * refused (private addresses, names that do not resolve) were never contacted: they are
 * named apart, and neither counted nor listed as companies contacted.
 */
import { mergeTexts, msg, verdict, type Check } from '../../check.js';
import { browserEvidenceOf } from '../../evidence/index.js';
import { listOf, unjudgeable } from './browser-shared.js';
import { BROWSER_SHARED_TEXTS } from './browser-texts.js';

export const thirdPartiesBeforeConsent: Check = {
  id: 'privacy.third-parties.before-consent',
  texts: mergeTexts(BROWSER_SHARED_TEXTS, {
    en: {
      title: 'Trackers before consent',
      verifies:
        'When a visitor opens the home page and has not yet answered the cookie banner, the page does not contact known trackers (advertising, analytics and social media companies). Other companies the page contacts are listed.',
      pass: 'Before consent, the home page contacts no other companies.',
      fail: 'Before the visitor agrees, the home page already contacts trackers of {{companies}} ({{hosts}}).',
      info: 'Before consent, the home page contacts no known trackers, but it does contact other companies: {{hosts}}.',
      blockTrackers:
        'Load the code of {{companies}} only after the visitor clicks "accept" in your cookie banner, so the page does not contact {{hosts}} before that. Most consent tools and tag managers have a setting for this (often called "consent mode" or "block until consent").',
      reviewThirdParties:
        'Check why the page contacts {{hosts}}. Each of them learns the visitor\'s IP address and which page was visited; name them in your privacy statement, or host the files (fonts, scripts) on your own site.',
      notContacted:
        'The page also tried to reach {{hosts}}. The scan blocked these (a private address, or a name that does not resolve), so they were not contacted and are not counted above; check whether the page should refer to them at all.',
    },
    nl: {
      title: 'Trackers vóór toestemming',
      verifies:
        'Als een bezoeker de startpagina opent en de cookiemelding nog niet heeft beantwoord, maakt de pagina geen contact met bekende trackers (advertentie-, analyse- en socialemediabedrijven). Andere bedrijven waarmee de pagina contact maakt, worden opgesomd.',
      pass: 'Vóór toestemming maakt de startpagina geen contact met andere bedrijven.',
      fail: 'Voordat de bezoeker toestemming geeft, maakt de startpagina al contact met trackers van {{companies}} ({{hosts}}).',
      info: 'Vóór toestemming maakt de startpagina geen contact met bekende trackers, wel met andere bedrijven: {{hosts}}.',
      blockTrackers:
        'Laad de code van {{companies}} pas nadat de bezoeker in uw cookiemelding op "accepteren" heeft geklikt, zodat de pagina niet eerder contact maakt met {{hosts}}. De meeste toestemmingstools en tagmanagers hebben hiervoor een instelling (vaak "consent mode" of "blokkeren tot toestemming" genoemd).',
      reviewThirdParties:
        'Controleer waarom de pagina contact maakt met {{hosts}}. Elk van deze partijen ziet het IP-adres van de bezoeker en welke pagina is bezocht; noem ze in uw privacyverklaring, of zet de bestanden (lettertypen, scripts) op uw eigen website.',
      notContacted:
        'De pagina probeerde ook {{hosts}} te bereiken. De scan heeft die geblokkeerd (een privéadres, of een naam die niet bestaat), dus er is geen contact mee gemaakt en ze tellen hierboven niet mee; controleer of de pagina er wel naar moet verwijzen.',
    },
    sv: {
      title: 'Spårare före samtycke',
      verifies:
        'När en besökare öppnar startsidan och ännu inte har svarat på kakbannern kontaktar sidan inga kända spårare (företag för annonser, analys och sociala medier). Andra företag som sidan kontaktar listas.',
      pass: 'Före samtycke kontaktar startsidan inga andra företag.',
      fail: 'Innan besökaren har samtyckt kontaktar startsidan redan spårare från {{companies}} ({{hosts}}).',
      info: 'Före samtycke kontaktar startsidan inga kända spårare, men andra företag: {{hosts}}.',
      blockTrackers:
        'Ladda koden från {{companies}} först när besökaren har klickat på "godkänn" i kakbannern, så att sidan inte kontaktar {{hosts}} dessförinnan. De flesta samtyckesverktyg och tagghanterare har en inställning för detta (ofta kallad "consent mode" eller "blockera tills samtycke").',
      reviewThirdParties:
        'Ta reda på varför sidan kontaktar {{hosts}}. Var och en av dem får veta besökarens IP-adress och vilken sida som besöktes; nämn dem i er integritetspolicy, eller lägg filerna (typsnitt, skript) på er egen webbplats.',
      notContacted:
        'Sidan försökte också nå {{hosts}}. Skanningen blockerade dem (en privat adress, eller ett namn som inte finns), så de kontaktades inte och räknas inte ovan; kontrollera om sidan alls ska hänvisa till dem.',
    },
  }),
  run(evidence) {
    const browser = browserEvidenceOf(evidence);
    const early = unjudgeable(browser);
    if (early || !browser) return early ?? verdict('skip', 'notRun');
    const requests = browser.requests ?? [];
    const facts = {
      url: browser.finalUrl ?? browser.url ?? null,
      firstParty: browser.firstParty ?? null,
      requests,
      blocked: browser.blocked ?? [],
      networkIdle: browser.networkIdle ?? null,
      ...(browser.truncated ? { truncated: true } : {}),
    };
    // What the scanner refused was asked for, not contacted: named apart, never counted.
    const contacted = requests.filter((request) => request.blocked !== true);
    const refused = requests.filter((request) => request.blocked === true).map((request) => request.host);
    const apart = refused.length > 0 ? [msg('notContacted', { hosts: listOf(refused) })] : [];
    const judged = refused.length > 0 ? { ...facts, notContacted: refused } : facts;
    const trackers = contacted.filter((request) => request.tracker !== undefined);
    if (trackers.length > 0) {
      const companies = listOf(trackers.map((request) => request.tracker?.company ?? ''));
      const hosts = listOf(trackers.map((request) => request.host));
      return verdict('fail', 'fail', { companies, hosts }, [msg('blockTrackers', { companies, hosts }), ...apart], judged);
    }
    const others = contacted.filter((request) => request.party === 'third');
    if (others.length > 0) {
      const hosts = listOf(others.map((request) => request.host));
      return verdict('info', 'info', { hosts }, [msg('reviewThirdParties', { hosts }), ...apart], judged);
    }
    return verdict('pass', 'pass', {}, apart, judged);
  },
};
