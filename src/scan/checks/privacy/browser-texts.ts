/** The words the two before-consent checks share (their logic is in browser-shared.ts). */
import type { Lang } from '../../../core/lang.js';

export const BROWSER_SHARED_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    notRun: 'The home page was not loaded in a browser in this scan.',
    skipped: 'This could not be checked: {{reason}}.',
    install: 'Install Chromium on the machine that runs the scan ({{command}}) and scan again.',
    error: 'The home page could not be loaded in the browser: {{error}}.',
  },
  nl: {
    notRun: 'De startpagina is in deze scan niet in een browser geladen.',
    skipped: 'Dit kon niet worden gecontroleerd: {{reason}}.',
    install: 'Installeer Chromium op de computer die de scan uitvoert ({{command}}) en scan opnieuw.',
    error: 'De startpagina kon niet in de browser worden geladen: {{error}}.',
  },
  sv: {
    notRun: 'Startsidan laddades inte i en webbläsare i den här skanningen.',
    skipped: 'Det gick inte att kontrollera: {{reason}}.',
    install: 'Installera Chromium på datorn som kör skanningen ({{command}}) och skanna igen.',
    error: 'Startsidan kunde inte laddas i webbläsaren: {{error}}.',
  },
};
