import type { Check } from '../../../check.js';
import { webAddress } from './address.js';
import { webCaa } from './caa.js';

/** The web dns checks, in report order. */
export const webDnsChecks: Check[] = [webAddress, webCaa];
