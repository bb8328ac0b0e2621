/** The CLI's own words (headings, usage), in every language. The `Record<Lang, …>` type makes a missing language a compile error. */
import type { Lang } from '../core/lang.js';

export interface CliTexts {
  title: string;
  score: string;
  notScanned: string;
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
}

export const CLI_TEXTS: Record<Lang, CliTexts> = {
  en: {
    title: 'Weerbaar scan of {target}',
    score: 'Score',
    notScanned: 'not scanned',
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
  },
  nl: {
    title: 'Weerbaar-scan van {target}',
    score: 'Score',
    notScanned: 'niet gescand',
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
  },
  sv: {
    title: 'Weerbaar-skanning av {target}',
    score: 'Poäng',
    notScanned: 'inte skannat',
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
  },
};

export const USAGE = `Usage:
  weerbaar scan <domain> [--json] [--lang en|nl|sv] [--only web|mail|privacy]
                [--resolver IP[:PORT]] [--ca-file PEM] [--trust-anchor FILE]
                [--allow-private] [--timeout S] [--explain-score]
  weerbaar checks [--json] [--lang en|nl|sv]
  weerbaar --version | --help

Exit codes: 0 the scan ran (whatever it found), 1 the scan could not run, 2 bad usage.`;
