/**
 * privacy.statement.linked: every page of the shop links to the privacy statement
 * (Your Europe: "on a separate page reachable from every page of the site"). A link that
 * leads to an error page (404, or a "page not found" page) links to no statement: it fails
 * as a broken link, naming the address and what it answered.
 */
import { mergeTexts, msg, type Check } from '../../check.js';
import { brokenLink, CRAWL_SHARED_TEXTS, crawlOf, crawlSkip, listed, livePages } from './crawl-shared.js';

function key(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url;
  }
}

export const statementLinked: Check = {
  id: 'privacy.statement.linked',
  texts: mergeTexts(CRAWL_SHARED_TEXTS, {
    en: {
      title: 'Privacy statement linked from every page',
      verifies: 'Every page of the shop that Weerbaar visited has a link to the privacy statement, so a visitor can find it from anywhere on the site.',
      pass: 'All {{count}} pages visited link to the privacy statement ({{url}}).',
      fail: '{{missing}} of the {{count}} pages visited have no link to the privacy statement ({{url}}).',
      noStatement: 'None of the {{count}} pages visited links to a privacy statement.',
      addLink: 'Put a link to {{url}} on every page, for example in the footer that all pages share. Pages without it: {{list}}.',
      addLinkMore: 'Put a link to {{url}} on every page, for example in the footer that all pages share. Pages without it: {{list}} and {{more}} more.',
      addStatement: 'Write a privacy statement on its own page (for example /privacy) and link to it from the footer of every page, with a clear name such as "Privacy statement".',
      brokenLink: 'The pages link to the privacy statement at {{url}}, but that link is broken: {{final}} answers with status {{status}}.',
      notFoundLink: 'The pages link to the privacy statement at {{url}}, but that link is broken: {{final}} shows a page that says “{{phrase}}”.',
      homeLink: 'The pages link to the privacy statement at {{url}}, but that link is broken: it leads to the home page ({{final}}).',
      fixBrokenLink: 'Publish the privacy statement at {{url}}, or change the link on your pages to the address where the statement is.',
    },
    nl: {
      title: 'Privacyverklaring vanaf elke pagina gelinkt',
      verifies: "Elke pagina van de webwinkel die Weerbaar bezocht, heeft een link naar de privacyverklaring, zodat een bezoeker die overal op de site kan vinden.",
      pass: "Alle {{count}} bezochte pagina's linken naar de privacyverklaring ({{url}}).",
      fail: "{{missing}} van de {{count}} bezochte pagina's hebben geen link naar de privacyverklaring ({{url}}).",
      noStatement: "Geen van de {{count}} bezochte pagina's linkt naar een privacyverklaring.",
      addLink: "Zet op elke pagina een link naar {{url}}, bijvoorbeeld in de voettekst die alle pagina's delen. Pagina's zonder link: {{list}}.",
      addLinkMore: "Zet op elke pagina een link naar {{url}}, bijvoorbeeld in de voettekst die alle pagina's delen. Pagina's zonder link: {{list}} en nog {{more}} andere.",
      addStatement: 'Schrijf een privacyverklaring op een eigen pagina (bijvoorbeeld /privacy) en link ernaar vanuit de voettekst van elke pagina, met een duidelijke naam zoals "Privacyverklaring".',
      brokenLink: "De pagina's linken naar de privacyverklaring op {{url}}, maar die link werkt niet: {{final}} antwoordt met status {{status}}.",
      notFoundLink: "De pagina's linken naar de privacyverklaring op {{url}}, maar die link werkt niet: {{final}} toont een pagina die “{{phrase}}” zegt.",
      homeLink: "De pagina's linken naar de privacyverklaring op {{url}}, maar die link werkt niet: hij leidt naar de startpagina ({{final}}).",
      fixBrokenLink: "Publiceer de privacyverklaring op {{url}}, of verander de link op uw pagina's naar het adres waar de verklaring staat.",
    },
    sv: {
      title: 'Integritetspolicyn länkas från varje sida',
      verifies: 'Varje sida i butiken som Weerbaar besökte har en länk till integritetspolicyn, så att en besökare hittar den var som helst på webbplatsen.',
      pass: 'Alla {{count}} besökta sidor länkar till integritetspolicyn ({{url}}).',
      fail: '{{missing}} av de {{count}} besökta sidorna saknar länk till integritetspolicyn ({{url}}).',
      noStatement: 'Ingen av de {{count}} besökta sidorna länkar till en integritetspolicy.',
      addLink: 'Lägg en länk till {{url}} på varje sida, till exempel i sidfoten som alla sidor delar. Sidor utan länk: {{list}}.',
      addLinkMore: 'Lägg en länk till {{url}} på varje sida, till exempel i sidfoten som alla sidor delar. Sidor utan länk: {{list}} och {{more}} till.',
      addStatement: 'Skriv en integritetspolicy på en egen sida (till exempel /privacy) och länka till den från sidfoten på varje sida, med ett tydligt namn som "Integritetspolicy".',
      brokenLink: 'Sidorna länkar till integritetspolicyn på {{url}}, men länken fungerar inte: {{final}} svarar med status {{status}}.',
      notFoundLink: 'Sidorna länkar till integritetspolicyn på {{url}}, men länken fungerar inte: {{final}} visar en sida som säger ”{{phrase}}”.',
      homeLink: 'Sidorna länkar till integritetspolicyn på {{url}}, men länken fungerar inte: den leder till startsidan ({{final}}).',
      fixBrokenLink: 'Publicera integritetspolicyn på {{url}}, eller ändra länken på dina sidor till adressen där policyn finns.',
    },
  }),
  run(evidence) {
    const crawl = crawlOf(evidence);
    const skip = crawlSkip(crawl);
    if (skip || !crawl) return skip ?? { status: 'skip', summary: msg('notCollected'), advice: [], evidence: {} };
    const statement = crawl.statement;
    // The statement page itself need not link to itself.
    const statementKeys = new Set([statement?.url, statement?.linkedUrl, ...(statement?.chain ?? [])].filter((url): url is string => url !== undefined).map(key));
    const pages = livePages(crawl).filter((page) => !statementKeys.has(key(page.url)));
    const count = pages.length;
    if (!statement) {
      return { status: 'fail', summary: msg('noStatement', { count }), advice: [msg('addStatement')], evidence: { pagesChecked: pages.map((page) => page.url) } };
    }
    const url = statement.linkedUrl ?? statement.url;
    const broken = brokenLink(statement);
    if (broken) {
      const params = { url, final: statement.url };
      const summary =
        broken.reason === 'status'
          ? msg('brokenLink', { ...params, status: broken.status })
          : broken.reason === 'notFound'
            ? msg('notFoundLink', { ...params, phrase: broken.phrase })
            : msg('homeLink', params);
      return { status: 'fail', summary, advice: [msg('fixBrokenLink', { url })], evidence: { statement: url, chain: statement.chain ?? [statement.url], brokenLink: broken, pagesChecked: count } };
    }
    const missing = pages.filter((page) => !page.statementLink).map((page) => page.url);
    const facts = {
      statement: url,
      pagesChecked: count,
      pagesWithoutLink: missing.slice(0, 100),
      truncatedCrawl: crawl.truncated === true,
      // Links the crawl passed over because they lead to an error page: why a page "has no link".
      ...(crawl.brokenCandidates ? { brokenLinks: crawl.brokenCandidates } : {}),
    };
    if (count === 0) {
      return { status: 'skip', summary: msg('noPages', { error: 'only the privacy statement itself answered' }), advice: [], evidence: facts };
    }
    if (missing.length === 0) {
      return { status: 'pass', summary: msg('pass', { count, url }), advice: [], evidence: facts };
    }
    const { list, more } = listed(missing);
    return { status: 'fail', summary: msg('fail', { missing: missing.length, count, url }), advice: [more > 0 ? msg('addLinkMore', { url, list, more }) : msg('addLink', { url, list })], evidence: facts };
  },
};
