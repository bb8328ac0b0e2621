import type { Check } from '../../check.js';
import { mailDnssecMx } from './dnssec-mx.js';
import { dnsDnssecAlgorithms } from './algorithms.js';
import { dnsDnssec } from './dnssec.js';

/** The DNSSEC checks, in report order (mail.dnssec.mx lives with the mail checks but is exported here). */
export const dnssecChecks: Check[] = [dnsDnssec, dnsDnssecAlgorithms, mailDnssecMx];
