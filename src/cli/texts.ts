/** The CLI's own words (headings, usage), in every language. The `Record<Lang, …>` type makes a missing language a compile error. */
import type { Lang } from '../core/lang.js';

export interface CliTexts {
  title: string;
  score: string;
  notScanned: string;
  overall: string;
  fail: string;
  warn: string;
  error: string;
  pass: string;
  info: string;
  skip: string;
  scoreTable: string;
  category: string;
  points: string;
  duration: string;
  scoreRule: string;
}

export const CLI_TEXTS: Record<Lang, CliTexts> = {
  en: {
    title: 'Weerbaar scan of {target}',
    score: 'Score',
    notScanned: 'not scanned',
    overall: 'overall',
    fail: 'Fix these first',
    warn: 'Worth improving',
    error: 'Could not be checked',
    pass: 'In order',
    info: 'For your information',
    skip: 'Not applicable',
    scoreTable: 'How the score was computed',
    category: 'category',
    points: 'points',
    duration: 'took {seconds} s',
    scoreRule: 'web = mean of the web categories; mail = mean of dnssec, authentication and transport; overall = mean of web and mail (when scanned). Warnings cost nothing; fail, error and skip earn nothing; checks that do not apply to the domain are left out.',
  },
  nl: {
    title: 'Weerbaar-scan van {target}',
    score: 'Score',
    notScanned: 'niet gescand',
    overall: 'totaal',
    fail: 'Los dit eerst op',
    warn: 'Kan beter',
    error: 'Kon niet worden gecontroleerd',
    pass: 'In orde',
    info: 'Ter informatie',
    skip: 'Niet van toepassing',
    scoreTable: 'Hoe de score is berekend',
    category: 'categorie',
    points: 'punten',
    duration: 'duurde {seconds} s',
    scoreRule: 'web = gemiddelde van de webcategorieën; mail = gemiddelde van dnssec, authenticatie en transport; totaal = gemiddelde van web en mail (als gescand). Waarschuwingen kosten niets; fail, error en skip leveren niets op; controles die niet op het domein van toepassing zijn, tellen niet mee.',
  },
  sv: {
    title: 'Weerbaar-skanning av {target}',
    score: 'Poäng',
    notScanned: 'inte skannat',
    overall: 'totalt',
    fail: 'Åtgärda detta först',
    warn: 'Kan förbättras',
    error: 'Kunde inte kontrolleras',
    pass: 'I ordning',
    info: 'För kännedom',
    skip: 'Inte tillämpligt',
    scoreTable: 'Så räknades poängen ut',
    category: 'kategori',
    points: 'poäng',
    duration: 'tog {seconds} s',
    scoreRule: 'web = medelvärdet av webbkategorierna; e-post = medelvärdet av dnssec, autentisering och transport; totalt = medelvärdet av webb och e-post (om skannat). Varningar kostar inget; fail, error och skip ger inga poäng; kontroller som inte gäller domänen räknas inte.',
  },
};
