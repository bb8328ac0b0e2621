/**
 * privacy.forms: forms that ask for personal data (e-mail, password, phone, name,
 * address) send it over HTTPS. A form whose action is http:// sends what the visitor
 * typed readable to anyone on the way.
 */
import { mergeTexts, msg, type Check } from '../../check.js';
import { CRAWL_SHARED_TEXTS, crawlOf, crawlSkip, listed } from './crawl-shared.js';

export const privacyForms: Check = {
  id: 'privacy.forms',
  texts: mergeTexts(CRAWL_SHARED_TEXTS, {
    en: {
      title: 'Forms send personal data over HTTPS',
      partlyUnread_one: 'No form found sends personal data unencrypted, but {{count}} page did not arrive whole ({{reason}}), so a form in its missing part cannot be ruled out.',
      partlyUnread_other: 'No form found sends personal data unencrypted, but {{count}} pages did not arrive whole ({{reason}}), so a form in their missing parts cannot be ruled out.',
      verifies: 'Forms on the shop that ask for personal data (such as e-mail address, password, phone number, name or address) send it over an encrypted HTTPS connection.',
      failAll_one: 'The one form that asks for personal data sends it without HTTPS: {{list}}.',
      failAll_other: 'All {{count}} forms that ask for personal data send it without HTTPS: {{list}}.',
      pass_one: 'The one form that asks for personal data sends it over HTTPS.',
      pass_other: 'All {{count}} forms that ask for personal data send it over HTTPS.',
      none: 'None of the pages visited has a form that asks for personal data.',
      fail_one: '{{count}} of the {{total}} forms that ask for personal data sends it without HTTPS: {{list}}.',
      fail_other: '{{count}} of the {{total}} forms that ask for personal data send it without HTTPS: {{list}}.',
      useHttps: 'Let these forms send to an https:// address (the form\'s "action"), and serve the pages they are on over HTTPS: {{list}}.',
    },
    nl: {
      title: 'Formulieren versturen persoonsgegevens via HTTPS',
      partlyUnread_one: 'Geen gevonden formulier verstuurt persoonsgegevens onversleuteld, maar {{count}} pagina kwam niet volledig binnen ({{reason}}), dus een formulier in het ontbrekende deel is niet uit te sluiten.',
      partlyUnread_other: "Geen gevonden formulier verstuurt persoonsgegevens onversleuteld, maar {{count}} pagina's kwamen niet volledig binnen ({{reason}}), dus een formulier in de ontbrekende delen is niet uit te sluiten.",
      verifies: 'Formulieren in de webwinkel die om persoonsgegevens vragen (zoals e-mailadres, wachtwoord, telefoonnummer, naam of adres) versturen die via een versleutelde HTTPS-verbinding.',
      failAll_one: 'Het enige formulier dat om persoonsgegevens vraagt, verstuurt die zonder HTTPS: {{list}}.',
      failAll_other: 'Alle {{count}} formulieren die om persoonsgegevens vragen, versturen die zonder HTTPS: {{list}}.',
      pass_one: 'Het enige formulier dat om persoonsgegevens vraagt, verstuurt die via HTTPS.',
      pass_other: 'Alle {{count}} formulieren die om persoonsgegevens vragen, versturen die via HTTPS.',
      none: "Geen van de bezochte pagina's heeft een formulier dat om persoonsgegevens vraagt.",
      fail_one: '{{count}} van de {{total}} formulieren die om persoonsgegevens vragen, verstuurt die zonder HTTPS: {{list}}.',
      fail_other: '{{count}} van de {{total}} formulieren die om persoonsgegevens vragen, versturen die zonder HTTPS: {{list}}.',
      useHttps: 'Laat deze formulieren versturen naar een https://-adres (de "action" van het formulier) en bied de pagina\'s waarop ze staan via HTTPS aan: {{list}}.',
    },
    sv: {
      title: 'Formulär skickar personuppgifter över HTTPS',
      partlyUnread_one: 'Inget hittat formulär skickar personuppgifter okrypterat, men {{count}} sida kom inte fram hel ({{reason}}), så ett formulär i den saknade delen kan inte uteslutas.',
      partlyUnread_other: 'Inget hittat formulär skickar personuppgifter okrypterat, men {{count}} sidor kom inte fram hela ({{reason}}), så ett formulär i de saknade delarna kan inte uteslutas.',
      verifies: 'Formulär i butiken som frågar efter personuppgifter (som e-postadress, lösenord, telefonnummer, namn eller adress) skickar dem över en krypterad HTTPS-anslutning.',
      failAll_one: 'Det enda formuläret som frågar efter personuppgifter skickar dem utan HTTPS: {{list}}.',
      failAll_other: 'Alla {{count}} formulär som frågar efter personuppgifter skickar dem utan HTTPS: {{list}}.',
      pass_one: 'Det enda formuläret som frågar efter personuppgifter skickar dem över HTTPS.',
      pass_other: 'Alla {{count}} formulär som frågar efter personuppgifter skickar dem över HTTPS.',
      none: 'Ingen av de besökta sidorna har ett formulär som frågar efter personuppgifter.',
      fail_one: '{{count}} av de {{total}} formulär som frågar efter personuppgifter skickar dem utan HTTPS: {{list}}.',
      fail_other: '{{count}} av de {{total}} formulär som frågar efter personuppgifter skickar dem utan HTTPS: {{list}}.',
      useHttps: 'Låt formulären skicka till en https://-adress (formulärets "action") och visa sidorna de finns på över HTTPS: {{list}}.',
    },
  }),
  run(evidence) {
    const crawl = crawlOf(evidence);
    const skip = crawlSkip(crawl);
    if (skip || !crawl) return skip ?? { status: 'skip', summary: msg('notCollected'), advice: [], evidence: {} };
    const forms = (crawl.pages ?? []).flatMap((page) =>
      page.forms.filter((form) => form.collectsPersonalData).map((form) => ({ page: page.url, action: form.action, method: form.method, fields: form.personalFields, https: form.postsOverHttps })),
    );
    // The same form (a newsletter sign-up in the footer) on every page counts once.
    const unique = [...new Map(forms.map((form) => [`${form.action} ${form.fields.join(',')}`, form])).values()];
    const facts = { forms: unique.slice(0, 50), pagesChecked: (crawl.pages ?? []).length };
    // A form may sit in the part of a page that never arrived: no clean verdict from half a page.
    const unread = (crawl.pages ?? []).filter((page) => page.incomplete !== undefined);
    const bad = unique.filter((form) => !form.https);
    if (bad.length === 0 && unread.length > 0) {
      return { status: 'warn', summary: msg('partlyUnread', { count: unread.length, reason: unread[0]?.incomplete ?? '' }), advice: [], evidence: { ...facts, incomplete: unread.map((page) => page.url) } };
    }
    if (unique.length === 0) return { status: 'skip', summary: msg('none'), advice: [], evidence: facts, notApplicable: true };
    if (bad.length === 0) return { status: 'pass', summary: msg('pass', { count: unique.length }), advice: [], evidence: facts };
    const { list } = listed(bad.map((form) => `${form.action} (${form.page})`));
    return { status: 'fail', summary: bad.length === unique.length ? msg('failAll', { count: bad.length, list }) : msg('fail', { count: bad.length, total: unique.length, list }), advice: [msg('useHttps', { list })], evidence: facts };
  },
};
