import type { Check } from '../../../check.js';

/** The web http checks, in report order. */
export const webHttpChecks: Check[] = [];
