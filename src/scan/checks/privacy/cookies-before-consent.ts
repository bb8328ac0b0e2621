/**
 * privacy.cookies.before-consent: loading the home page, without touching any cookie
 * banner, must not set tracking cookies (ePrivacy art. 5(3) / GDPR consent). Cookies that are
 * strictly necessary (a session, a basket) may be set without consent.
 */
import { mergeTexts, msg, verdict, type Check } from '../../check.js';
import { browserEvidenceOf } from '../../evidence/index.js';
import type { BrowserCookie } from '../../evidence/privacy-browser.js';
import { listOf, unjudgeable } from './browser-shared.js';
import { BROWSER_SHARED_TEXTS } from './browser-texts.js';

const label = (cookie: BrowserCookie): string => (cookie.tracker ? `${cookie.name} (${cookie.tracker.company})` : `${cookie.name} (${cookie.domain.replace(/^\./, '')})`);

export const cookiesBeforeConsent: Check = {
  id: 'privacy.cookies.before-consent',
  texts: mergeTexts(BROWSER_SHARED_TEXTS, {
    en: {
      title: 'Cookies before consent',
      verifies:
        'When a visitor opens the home page and has not yet answered the cookie banner, no tracking cookies are set. Only cookies the shop needs to work (such as a session or a basket) may be set before the visitor agrees.',
      pass: 'Before consent, the home page sets only cookies the shop needs to work ({{cookies}}).',
      passNone: 'Before consent, the home page sets no cookies.',
      fail: 'Before the visitor agrees, the home page already sets tracking cookies: {{cookies}}.',
      warn: 'Before consent, the home page lets other companies set cookies: {{cookies}}.',
      removeTracking:
        'Load the scripts of {{companies}} only after the visitor clicks "accept" in your cookie banner, so the cookies {{cookies}} are not set before that. Most consent tools and tag managers have a setting for this (often called "consent mode" or "block until consent").',
      checkThirdParty:
        'Check what the cookies {{cookies}} are for. If they are not needed for the shop to work, load the code that sets them only after the visitor agrees.',
    },
    nl: {
      title: 'Cookies vóór toestemming',
      verifies:
        'Als een bezoeker de startpagina opent en de cookiemelding nog niet heeft beantwoord, worden geen trackingcookies geplaatst. Alleen cookies die de winkel nodig heeft om te werken (zoals een sessie of een winkelmandje) mogen worden geplaatst voordat de bezoeker toestemming geeft.',
      pass: 'Vóór toestemming plaatst de startpagina alleen cookies die de winkel nodig heeft om te werken ({{cookies}}).',
      passNone: 'Vóór toestemming plaatst de startpagina geen cookies.',
      fail: 'Voordat de bezoeker toestemming geeft, plaatst de startpagina al trackingcookies: {{cookies}}.',
      warn: 'Vóór toestemming laat de startpagina andere bedrijven cookies plaatsen: {{cookies}}.',
      removeTracking:
        'Laad de scripts van {{companies}} pas nadat de bezoeker in uw cookiemelding op "accepteren" heeft geklikt, zodat de cookies {{cookies}} niet eerder worden geplaatst. De meeste toestemmingstools en tagmanagers hebben hiervoor een instelling (vaak "consent mode" of "blokkeren tot toestemming" genoemd).',
      checkThirdParty:
        'Controleer waarvoor de cookies {{cookies}} dienen. Zijn ze niet nodig om de winkel te laten werken, laad de code die ze plaatst dan pas nadat de bezoeker toestemming heeft gegeven.',
    },
    sv: {
      title: 'Kakor före samtycke',
      verifies:
        'När en besökare öppnar startsidan och ännu inte har svarat på kakbannern sätts inga spårningskakor. Bara kakor som butiken behöver för att fungera (till exempel en session eller en varukorg) får sättas innan besökaren samtycker.',
      pass: 'Före samtycke sätter startsidan bara kakor som butiken behöver för att fungera ({{cookies}}).',
      passNone: 'Före samtycke sätter startsidan inga kakor.',
      fail: 'Innan besökaren har samtyckt sätter startsidan redan spårningskakor: {{cookies}}.',
      warn: 'Före samtycke låter startsidan andra företag sätta kakor: {{cookies}}.',
      removeTracking:
        'Ladda skripten från {{companies}} först när besökaren har klickat på "godkänn" i kakbannern, så att kakorna {{cookies}} inte sätts dessförinnan. De flesta samtyckesverktyg och tagghanterare har en inställning för detta (ofta kallad "consent mode" eller "blockera tills samtycke").',
      checkThirdParty:
        'Ta reda på vad kakorna {{cookies}} används till. Behövs de inte för att butiken ska fungera, ladda då koden som sätter dem först efter att besökaren har samtyckt.',
    },
  }),
  run(evidence) {
    const browser = browserEvidenceOf(evidence);
    const early = unjudgeable(browser);
    if (early || !browser) return early ?? verdict('skip', 'notRun');
    const cookies = browser.cookies ?? [];
    const facts = {
      url: browser.finalUrl ?? browser.url ?? null,
      cookies,
      localStorage: browser.localStorage ?? [],
      sessionStorage: browser.sessionStorage ?? [],
      ...(browser.truncated ? { truncated: true } : {}),
    };
    const tracking = cookies.filter((cookie) => cookie.tracker !== undefined);
    if (tracking.length > 0) {
      const names = listOf(tracking.map(label));
      const companies = listOf(tracking.map((cookie) => cookie.tracker?.company ?? ''));
      return verdict('fail', 'fail', { cookies: names }, [msg('removeTracking', { companies, cookies: listOf(tracking.map((cookie) => cookie.name)) })], facts);
    }
    const thirdParty = cookies.filter((cookie) => cookie.party === 'third');
    if (thirdParty.length > 0) {
      return verdict('warn', 'warn', { cookies: listOf(thirdParty.map(label)) }, [msg('checkThirdParty', { cookies: listOf(thirdParty.map((cookie) => cookie.name)) })], facts);
    }
    if (cookies.length === 0) return verdict('pass', 'passNone', {}, [], facts);
    return verdict('pass', 'pass', { cookies: listOf(cookies.map((cookie) => cookie.name)) }, [], facts);
  },
};
