import type { UiTexts } from '../i18n.js';

export const ORGS_TEXTS: UiTexts = { en: {}, nl: {}, sv: {} };
