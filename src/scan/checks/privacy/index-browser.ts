/** The before-consent checks (issue 5), judged on BrowserEvidence. The lead registers them. */
import type { Check } from '../../check.js';
import { cookiesBeforeConsent } from './cookies-before-consent.js';
import { thirdPartiesBeforeConsent } from './third-parties-before-consent.js';

export const privacyBrowserChecks: Check[] = [cookiesBeforeConsent, thirdPartiesBeforeConsent];
