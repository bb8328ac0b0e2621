import type { UiTexts } from '../i18n.js';

export const API_TEXTS: UiTexts = { en: {}, nl: {}, sv: {} };
