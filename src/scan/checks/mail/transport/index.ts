import type { Check } from '../../../check.js';
import { mailDane } from './dane.js';
import { mailStarttls } from './starttls.js';
import {
  mailCertExpiry,
  mailCertHostname,
  mailCertKey,
  mailCertSignature,
  mailCertTrust,
  mailTlsCipherOrder,
  mailTlsCiphers,
  mailTlsKeyExchange,
  mailTlsRenegotiation,
  mailTlsVersion,
} from './tls.js';

/** The mail transport checks (STARTTLS, its TLS, DANE), in report order. */
export const mailTransportChecks: Check[] = [
  mailStarttls,
  mailTlsVersion,
  mailTlsCiphers,
  mailTlsCipherOrder,
  mailTlsKeyExchange,
  mailTlsRenegotiation,
  mailCertTrust,
  mailCertHostname,
  mailCertExpiry,
  mailCertKey,
  mailCertSignature,
  mailDane,
];
