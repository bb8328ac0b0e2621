/** The mail policy checks: MX, DMARC, DKIM, MTA-STS, TLS-RPT and the domain without e-mail. */
import type { Check } from '../../../check.js';
import { mailDkim } from './dkim.js';
import { mailDmarc } from './dmarc.js';
import { mailMtaSts } from './mta-sts.js';
import { mailMx } from './mx.js';
import { mailNonSending } from './non-sending.js';
import { mailTlsRpt } from './tls-rpt.js';

export const mailPolicyChecks: Check[] = [mailMx, mailDmarc, mailDkim, mailMtaSts, mailTlsRpt, mailNonSending];
