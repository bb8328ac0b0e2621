import type { Check } from '../../../check.js';
import { contentTypeOptions } from './content-type-options.js';
import { cookies } from './cookies.js';
import { csp } from './csp.js';
import { exposure } from './exposure.js';
import { frame } from './frame.js';
import { hsts } from './hsts.js';
import { httpsAvailable } from './https-available.js';
import { httpsRedirect } from './https-redirect.js';
import { ipv6 } from './ipv6.js';
import { mixedContent } from './mixed-content.js';
import { referrerPolicy } from './referrer-policy.js';
import { securityTxt } from './security-txt.js';

/** The web http checks, in report order. */
export const webHttpChecks: Check[] = [
  httpsAvailable,
  httpsRedirect,
  hsts,
  csp,
  frame,
  contentTypeOptions,
  referrerPolicy,
  cookies,
  mixedContent,
  securityTxt,
  exposure,
  ipv6,
];
