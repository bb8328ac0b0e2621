import type { UiTexts } from '../i18n.js';

export const SCANS_TEXTS: UiTexts = { en: {}, nl: {}, sv: {} };
