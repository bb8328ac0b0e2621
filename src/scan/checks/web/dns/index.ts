import type { Check } from '../../../check.js';

/** The web dns checks, in report order. */
export const webDnsChecks: Check[] = [];
