import type { Check } from '../../../check.js';

/** The web tls checks, in report order. */
export const webTlsChecks: Check[] = [];
