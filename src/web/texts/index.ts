/** Every module's interface texts; i18n.ts merges them and refuses duplicate keys. */
import { ACCOUNT_TEXTS } from './account.js';
import { API_TEXTS } from './api.js';
import { AUTH_TEXTS } from './auth.js';
import { COMMON_TEXTS } from './common.js';
import { ORGS_TEXTS } from './orgs.js';
import { PRIVACY_FORM_TEXTS } from './privacy-form.js';
import { PRIVACY_TEXTS } from './privacy.js';
import { SCANS_TEXTS } from './scans.js';

export const UI_TEXT_MODULES = [COMMON_TEXTS, AUTH_TEXTS, ACCOUNT_TEXTS, ORGS_TEXTS, SCANS_TEXTS, API_TEXTS, PRIVACY_TEXTS, PRIVACY_FORM_TEXTS];
