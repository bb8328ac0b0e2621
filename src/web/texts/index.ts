/** Every module's interface texts; i18n.ts merges them and refuses duplicate keys. */
import { ACCOUNT_TEXTS } from '../../accounts/texts-account.js';
import { API_TEXTS } from '../../tokens/texts.js';
import { AUTH_TEXTS } from '../../accounts/texts-auth.js';
import { COMMON_TEXTS } from '../texts.js';
import { ORGS_TEXTS } from '../../orgs/texts.js';
import { PRIVACY_FORM_TEXTS } from '../../privacy-statement/texts-form.js';
import { PRIVACY_TEXTS } from '../../privacy-statement/texts.js';
import { SCANS_TEXTS } from '../../domains/texts.js';

export const UI_TEXT_MODULES = [COMMON_TEXTS, AUTH_TEXTS, ACCOUNT_TEXTS, ORGS_TEXTS, SCANS_TEXTS, API_TEXTS, PRIVACY_TEXTS, PRIVACY_FORM_TEXTS];
