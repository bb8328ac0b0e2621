/**
 * privacy.statement.reachable: the statement answers 200 over HTTPS and is a real page
 * with readable text; another status, or a "page not found" page answering 200, is a broken
 * link. A PDF is accepted with a warning (harder to read on a phone, and not a page of the
 * site) and its text is read for the contents check; an empty or image-only page, a PDF
 * without text and a password-protected PDF fail.
 */
import { mergeTexts, msg, type Check, type CheckVerdict, type MessageRef } from '../../check.js';
import type { StatementEvidence } from '../../evidence/privacy-crawl.js';
import { brokenLink, CRAWL_SHARED_TEXTS, crawlOf, crawlSkip } from './crawl-shared.js';

/** Fewer readable characters than this is not a statement (an image, a "coming soon"). */
export const MIN_STATEMENT_CHARS = 200;

export const statementReachable: Check = {
  id: 'privacy.statement.reachable',
  texts: mergeTexts(CRAWL_SHARED_TEXTS, {
    en: {
      title: 'Privacy statement reachable',
      verifies: 'The privacy statement the pages link to opens over HTTPS (status 200) and is a real web page with readable text.',
      pass: 'The privacy statement at {{url}} opens over HTTPS and has readable text.',
      notFound: 'Weerbaar found no link to a privacy statement on the pages it visited.',
      publish: 'Publish a privacy statement as a normal web page on your site and link to it from every page.',
      unreachable: 'The privacy statement at {{url}} could not be opened: {{error}}.',
      robots: 'The privacy statement at {{url}} was not opened because robots.txt asks crawlers to stay away from it, so this could not be checked.',
      badStatus: 'The privacy statement link is broken: {{url}} answers with status {{status}} instead of the statement.',
      notFoundPage: 'The privacy statement link is broken: {{url}} shows a page that says “{{phrase}}” instead of the statement.',
      homePage: 'The privacy statement link is broken: {{url}} leads to the home page ({{final}}) instead of the statement.',
      fixLink: 'Make sure {{url}} shows the privacy statement (status 200), or correct the link on your pages.',
      notHttps: 'The privacy statement at {{url}} is served without HTTPS.',
      useHttps: 'Serve {{url}} over HTTPS, like the rest of your shop, and link to the https:// address.',
      pdf: 'The privacy statement at {{url}} is a PDF file, not a web page.',
      pdfRead: 'The privacy statement at {{url}} is a PDF file, not a web page. Weerbaar did read its text and checked what it says.',
      pdfPartly: 'The privacy statement at {{url}} is a PDF file, not a web page. Weerbaar could read only part of it ({{reason}}).',
      pdfUnread: 'The privacy statement at {{url}} is a PDF file, not a web page, and Weerbaar could not read its text ({{reason}}).',
      pdfNoText_one: 'The privacy statement at {{url}} is a PDF file without readable text ({{count}} character); it is probably a scanned image.',
      pdfNoText_other: 'The privacy statement at {{url}} is a PDF file without readable text ({{count}} characters); it is probably a scanned image.',
      pdfLocked: 'The privacy statement at {{url}} is a PDF file protected with a password: visitors cannot open it without that password.',
      htmlPage: 'Also publish the statement as a normal web page: easier to read on a phone, for screen readers and for search.',
      notAPage: 'The privacy statement link {{url}} opens a {{type}} file, not a web page.',
      empty_one: 'The privacy statement at {{url}} has almost no readable text ({{count}} character); it may be an image or empty.',
      empty_other: 'The privacy statement at {{url}} has almost no readable text ({{count}} characters); it may be an image or empty.',
      writeText: 'Put the statement on the page as text, not as an image, so every visitor (and a screen reader) can read it.',
    },
    nl: {
      title: 'Privacyverklaring bereikbaar',
      verifies: "De privacyverklaring waarnaar de pagina's linken, opent via HTTPS (status 200) en is een echte webpagina met leesbare tekst.",
      pass: 'De privacyverklaring op {{url}} opent via HTTPS en bevat leesbare tekst.',
      notFound: "Weerbaar vond op de bezochte pagina's geen link naar een privacyverklaring.",
      publish: 'Publiceer een privacyverklaring als gewone webpagina op uw site en link ernaar vanaf elke pagina.',
      unreachable: 'De privacyverklaring op {{url}} kon niet worden geopend: {{error}}.',
      robots: 'De privacyverklaring op {{url}} is niet geopend omdat robots.txt crawlers vraagt weg te blijven, dus dit kon niet worden gecontroleerd.',
      badStatus: 'De link naar de privacyverklaring werkt niet: {{url}} antwoordt met status {{status}} in plaats van de verklaring.',
      notFoundPage: 'De link naar de privacyverklaring werkt niet: {{url}} toont een pagina die “{{phrase}}” zegt in plaats van de verklaring.',
      homePage: 'De link naar de privacyverklaring werkt niet: {{url}} leidt naar de startpagina ({{final}}) in plaats van naar de verklaring.',
      fixLink: "Zorg dat {{url}} de privacyverklaring toont (status 200), of verbeter de link op uw pagina's.",
      notHttps: 'De privacyverklaring op {{url}} wordt zonder HTTPS aangeboden.',
      useHttps: 'Bied {{url}} via HTTPS aan, net als de rest van uw webwinkel, en link naar het https://-adres.',
      pdf: 'De privacyverklaring op {{url}} is een pdf-bestand, geen webpagina.',
      pdfRead: 'De privacyverklaring op {{url}} is een pdf-bestand, geen webpagina. Weerbaar heeft de tekst wel gelezen en gecontroleerd wat erin staat.',
      pdfPartly: 'De privacyverklaring op {{url}} is een pdf-bestand, geen webpagina. Weerbaar kon er maar een deel van lezen ({{reason}}).',
      pdfUnread: 'De privacyverklaring op {{url}} is een pdf-bestand, geen webpagina, en Weerbaar kon de tekst niet lezen ({{reason}}).',
      pdfNoText_one: 'De privacyverklaring op {{url}} is een pdf-bestand zonder leesbare tekst ({{count}} teken); waarschijnlijk is het een gescande afbeelding.',
      pdfNoText_other: 'De privacyverklaring op {{url}} is een pdf-bestand zonder leesbare tekst ({{count}} tekens); waarschijnlijk is het een gescande afbeelding.',
      pdfLocked: 'De privacyverklaring op {{url}} is een pdf-bestand met een wachtwoord: bezoekers kunnen het zonder dat wachtwoord niet openen.',
      htmlPage: 'Publiceer de verklaring ook als gewone webpagina: beter leesbaar op een telefoon, voor schermlezers en voor zoekmachines.',
      notAPage: 'De link naar de privacyverklaring {{url}} opent een bestand van het type {{type}}, geen webpagina.',
      empty_one: 'De privacyverklaring op {{url}} bevat bijna geen leesbare tekst ({{count}} teken); mogelijk is het een afbeelding of is de pagina leeg.',
      empty_other: 'De privacyverklaring op {{url}} bevat bijna geen leesbare tekst ({{count}} tekens); mogelijk is het een afbeelding of is de pagina leeg.',
      writeText: 'Zet de verklaring als tekst op de pagina, niet als afbeelding, zodat elke bezoeker (en een schermlezer) hem kan lezen.',
    },
    sv: {
      title: 'Integritetspolicyn går att nå',
      verifies: 'Integritetspolicyn som sidorna länkar till öppnas över HTTPS (status 200) och är en riktig webbsida med läsbar text.',
      pass: 'Integritetspolicyn på {{url}} öppnas över HTTPS och har läsbar text.',
      notFound: 'Weerbaar hittade ingen länk till en integritetspolicy på de sidor den besökte.',
      publish: 'Publicera en integritetspolicy som en vanlig webbsida på din webbplats och länka till den från varje sida.',
      unreachable: 'Integritetspolicyn på {{url}} kunde inte öppnas: {{error}}.',
      robots: 'Integritetspolicyn på {{url}} öppnades inte eftersom robots.txt ber sökrobotar att hålla sig borta, så detta kunde inte kontrolleras.',
      badStatus: 'Länken till integritetspolicyn fungerar inte: {{url}} svarar med status {{status}} i stället för policyn.',
      notFoundPage: 'Länken till integritetspolicyn fungerar inte: {{url}} visar en sida som säger ”{{phrase}}” i stället för policyn.',
      homePage: 'Länken till integritetspolicyn fungerar inte: {{url}} leder till startsidan ({{final}}) i stället för till policyn.',
      fixLink: 'Se till att {{url}} visar integritetspolicyn (status 200), eller rätta länken på dina sidor.',
      notHttps: 'Integritetspolicyn på {{url}} visas utan HTTPS.',
      useHttps: 'Visa {{url}} över HTTPS, precis som resten av butiken, och länka till https://-adressen.',
      pdf: 'Integritetspolicyn på {{url}} är en PDF-fil, inte en webbsida.',
      pdfRead: 'Integritetspolicyn på {{url}} är en PDF-fil, inte en webbsida. Weerbaar har ändå läst texten och kontrollerat vad den säger.',
      pdfPartly: 'Integritetspolicyn på {{url}} är en PDF-fil, inte en webbsida. Weerbaar kunde bara läsa en del av den ({{reason}}).',
      pdfUnread: 'Integritetspolicyn på {{url}} är en PDF-fil, inte en webbsida, och Weerbaar kunde inte läsa texten ({{reason}}).',
      pdfNoText_one: 'Integritetspolicyn på {{url}} är en PDF-fil utan läsbar text ({{count}} tecken); den är troligen en inskannad bild.',
      pdfNoText_other: 'Integritetspolicyn på {{url}} är en PDF-fil utan läsbar text ({{count}} tecken); den är troligen en inskannad bild.',
      pdfLocked: 'Integritetspolicyn på {{url}} är en PDF-fil som är skyddad med lösenord: besökare kan inte öppna den utan lösenordet.',
      htmlPage: 'Publicera policyn även som en vanlig webbsida: lättare att läsa i mobilen, för skärmläsare och för sökning.',
      notAPage: 'Länken till integritetspolicyn {{url}} öppnar en fil av typen {{type}}, inte en webbsida.',
      empty_one: 'Integritetspolicyn på {{url}} har nästan ingen läsbar text ({{count}} tecken); den kan vara en bild eller tom.',
      empty_other: 'Integritetspolicyn på {{url}} har nästan ingen läsbar text ({{count}} tecken); den kan vara en bild eller tom.',
      writeText: 'Lägg policyn som text på sidan, inte som en bild, så att alla besökare (och en skärmläsare) kan läsa den.',
    },
  }),
  run(evidence) {
    const crawl = crawlOf(evidence);
    const skip = crawlSkip(crawl);
    if (skip || !crawl) return skip ?? { status: 'skip', summary: msg('notCollected'), advice: [], evidence: {} };
    const statement = crawl.statement;
    if (!statement) return { status: 'fail', summary: msg('notFound'), advice: [msg('publish')], evidence: { pagesChecked: (crawl.pages ?? []).length } };
    const url = statement.url;
    const facts = {
      url,
      linkedUrl: statement.linkedUrl,
      chain: statement.chain,
      status: statement.status,
      contentType: statement.contentType,
      format: statement.format,
      textChars: statement.text.length,
      note: statement.note,
      ...(statement.format === 'pdf' ? { pages: statement.pages, pagesRead: statement.pagesRead, pdfReadMs: statement.pdfReadMs } : {}),
    };
    if (statement.error) {
      if (statement.error.includes('robots.txt')) return { status: 'skip', summary: msg('robots', { url }), advice: [], evidence: facts };
      if (statement.encrypted) return { status: 'fail', summary: msg('pdfLocked', { url }), advice: [msg('htmlPage')], evidence: facts };
      return { status: 'fail', summary: msg('unreachable', { url, error: statement.error }), advice: [msg('fixLink', { url: statement.linkedUrl ?? url })], evidence: facts };
    }
    if (statement.status !== 200) {
      return { status: 'fail', summary: msg('badStatus', { url, status: statement.status ?? '?' }), advice: [msg('fixLink', { url: statement.linkedUrl ?? url })], evidence: facts };
    }
    const broken = brokenLink(statement);
    if (broken && broken.reason !== 'status') {
      const summary = broken.reason === 'notFound' ? msg('notFoundPage', { url, phrase: broken.phrase }) : msg('homePage', { url: statement.linkedUrl ?? url, final: url });
      return { status: 'fail', summary, advice: [msg('fixLink', { url: statement.linkedUrl ?? url })], evidence: { ...facts, brokenLink: broken } };
    }
    if (!url.startsWith('https:')) return { status: 'fail', summary: msg('notHttps', { url }), advice: [msg('useHttps', { url })], evidence: facts };
    if (statement.format === 'pdf') return pdfVerdict(statement, facts);
    if (statement.format === 'other' && statement.text.trim().length < MIN_STATEMENT_CHARS) {
      const type = (statement.contentType ?? 'unknown').split(';')[0] ?? 'unknown';
      return { status: 'fail', summary: msg('notAPage', { url, type }), advice: [msg('htmlPage')], evidence: facts };
    }
    const chars = readableChars(statement.text);
    if (chars < MIN_STATEMENT_CHARS) return { status: 'fail', summary: msg('empty', { url, count: chars }), advice: [msg('writeText')], evidence: facts };
    return { status: 'pass', summary: msg('pass', { url }), advice: [], evidence: facts };
  },
};

function readableChars(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

/** A PDF is never a pass: warn when read (fully or partly), fail when it has no text. */
function pdfVerdict(statement: StatementEvidence, facts: Record<string, unknown>): CheckVerdict {
  const url = statement.url;
  const chars = readableChars(statement.text);
  const warn = (summary: MessageRef): CheckVerdict => ({ status: 'warn', summary, advice: [msg('htmlPage')], evidence: facts });
  // Evidence from before PDFs were read has no pagesRead.
  if (statement.pagesRead === undefined) return warn(statement.note ? msg('pdfUnread', { url, reason: statement.note.replace(/^PDF: /, '') }) : msg('pdf', { url }));
  if (chars >= MIN_STATEMENT_CHARS) return warn(statement.note ? msg('pdfPartly', { url, reason: statement.note.replace(/^PDF: /, '') }) : msg('pdfRead', { url }));
  if (statement.note) return warn(msg('pdfUnread', { url, reason: statement.note.replace(/^PDF: /, '') }));
  return { status: 'fail', summary: msg('pdfNoText', { url, count: chars }), advice: [msg('writeText'), msg('htmlPage')], evidence: facts };
}
