import type { UiTexts } from '../i18n.js';

export const ACCOUNT_TEXTS: UiTexts = { en: {}, nl: {}, sv: {} };
