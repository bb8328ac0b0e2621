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
      pass_one: 'The one page visited links to the privacy statement ({{url}}).',
      pass_other: 'All {{count}} pages visited link to the privacy statement ({{url}}).',
      fail_one: '{{count}} of the {{total}} pages visited has no link to the privacy statement ({{url}}).',
      fail_other: '{{count}} of the {{total}} pages visited have no link to the privacy statement ({{url}}).',
      failAll_one: 'The one page visited has no link to the privacy statement ({{url}}).',
      failAll_other: 'None of the {{count}} pages visited has a link to the privacy statement ({{url}}).',
      noStatement_one: 'The one page visited does not link to a privacy statement.',
      noStatement_other: 'None of the {{count}} pages visited links to a privacy statement.',
      noStatementIncomplete_one: 'No page visited links to a privacy statement, but {{count}} page did not arrive whole ({{reason}}), so a link in its missing part cannot be ruled out.',
      noStatementIncomplete_other: 'No page visited links to a privacy statement, but {{count}} pages did not arrive whole ({{reason}}), so a link in their missing parts cannot be ruled out.',
      partlyUnread_one: 'The pages visited link to the privacy statement ({{url}}), except {{count}} page that did not arrive whole ({{reason}}) and could not be checked.',
      partlyUnread_other: 'The pages visited link to the privacy statement ({{url}}), except {{count}} pages that did not arrive whole ({{reason}}) and could not be checked.',
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
      pass_one: 'De enige bezochte pagina linkt naar de privacyverklaring ({{url}}).',
      pass_other: "Alle {{count}} bezochte pagina's linken naar de privacyverklaring ({{url}}).",
      fail_one: "{{count}} van de {{total}} bezochte pagina's heeft geen link naar de privacyverklaring ({{url}}).",
      fail_other: "{{count}} van de {{total}} bezochte pagina's hebben geen link naar de privacyverklaring ({{url}}).",
      failAll_one: 'De enige bezochte pagina heeft geen link naar de privacyverklaring ({{url}}).',
      failAll_other: "Geen van de {{count}} bezochte pagina's heeft een link naar de privacyverklaring ({{url}}).",
      noStatement_one: 'De enige bezochte pagina linkt niet naar een privacyverklaring.',
      noStatement_other: "Geen van de {{count}} bezochte pagina's linkt naar een privacyverklaring.",
      noStatementIncomplete_one: "Geen van de bezochte pagina's linkt naar een privacyverklaring, maar {{count}} pagina kwam niet volledig binnen ({{reason}}), dus een link in het ontbrekende deel is niet uit te sluiten.",
      noStatementIncomplete_other: "Geen van de bezochte pagina's linkt naar een privacyverklaring, maar {{count}} pagina's kwamen niet volledig binnen ({{reason}}), dus een link in de ontbrekende delen is niet uit te sluiten.",
      partlyUnread_one: "De bezochte pagina's linken naar de privacyverklaring ({{url}}), behalve {{count}} pagina die niet volledig binnenkwam ({{reason}}) en niet kon worden gecontroleerd.",
      partlyUnread_other: "De bezochte pagina's linken naar de privacyverklaring ({{url}}), behalve {{count}} pagina's die niet volledig binnenkwamen ({{reason}}) en niet konden worden gecontroleerd.",
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
      pass_one: 'Den enda besökta sidan länkar till integritetspolicyn ({{url}}).',
      pass_other: 'Alla {{count}} besökta sidor länkar till integritetspolicyn ({{url}}).',
      fail_one: '{{count}} av de {{total}} besökta sidorna saknar länk till integritetspolicyn ({{url}}).',
      fail_other: '{{count}} av de {{total}} besökta sidorna saknar länk till integritetspolicyn ({{url}}).',
      failAll_one: 'Den enda besökta sidan saknar länk till integritetspolicyn ({{url}}).',
      failAll_other: 'Ingen av de {{count}} besökta sidorna har en länk till integritetspolicyn ({{url}}).',
      noStatement_one: 'Den enda besökta sidan länkar inte till en integritetspolicy.',
      noStatement_other: 'Ingen av de {{count}} besökta sidorna länkar till en integritetspolicy.',
      noStatementIncomplete_one: 'Ingen av de besökta sidorna länkar till en integritetspolicy, men {{count}} sida kom inte fram hel ({{reason}}), så en länk i den saknade delen kan inte uteslutas.',
      noStatementIncomplete_other: 'Ingen av de besökta sidorna länkar till en integritetspolicy, men {{count}} sidor kom inte fram hela ({{reason}}), så en länk i de saknade delarna kan inte uteslutas.',
      partlyUnread_one: 'De besökta sidorna länkar till integritetspolicyn ({{url}}), utom {{count}} sida som inte kom fram hel ({{reason}}) och inte kunde kontrolleras.',
      partlyUnread_other: 'De besökta sidorna länkar till integritetspolicyn ({{url}}), utom {{count}} sidor som inte kom fram hela ({{reason}}) och inte kunde kontrolleras.',
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
    const unread = pages.filter((page) => page.incomplete !== undefined && !page.statementLink);
    if (!statement && unread.length > 0) {
      // A link may sit in the part of a page that never arrived (footers come last).
      const reason = unread[0]?.incomplete ?? '';
      return { status: 'error', summary: msg('noStatementIncomplete', { count: unread.length, reason }), advice: [], evidence: { pagesChecked: pages.map((page) => page.url), incomplete: unread.map((page) => page.url) } };
    }
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
    const missing = pages.filter((page) => !page.statementLink && page.incomplete === undefined).map((page) => page.url);
    const facts = {
      statement: url,
      pagesChecked: count,
      pagesWithoutLink: missing.slice(0, 100),
      truncatedCrawl: crawl.truncated === true,
      ...(unread.length > 0 ? { incomplete: unread.map((page) => page.url) } : {}),
      // Links the crawl passed over because they lead to an error page: why a page "has no link".
      ...(crawl.brokenCandidates ? { brokenLinks: crawl.brokenCandidates } : {}),
    };
    if (count === 0) {
      return { status: 'skip', summary: msg('noPages', { error: 'only the privacy statement itself answered' }), advice: [], evidence: facts };
    }
    if (missing.length === 0 && unread.length > 0) {
      return { status: 'warn', summary: msg('partlyUnread', { count: unread.length, reason: unread[0]?.incomplete ?? '', url }), advice: [], evidence: facts };
    }
    if (missing.length === 0) {
      return { status: 'pass', summary: msg('pass', { count, url }), advice: [], evidence: facts };
    }
    const { list, more } = listed(missing);
    return { status: 'fail', summary: missing.length === count ? msg('failAll', { count, url }) : msg('fail', { count: missing.length, total: count, url }), advice: [more > 0 ? msg('addLinkMore', { url, list, more }) : msg('addLink', { url, list })], evidence: facts };
  },
};
