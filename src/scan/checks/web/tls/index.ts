import type { Check } from '../../../check.js';
import { certExpiry } from './cert-expiry.js';
import { certHostname } from './cert-hostname.js';
import { certKey } from './cert-key.js';
import { certSignature } from './cert-signature.js';
import { certTrust } from './cert-trust.js';
import { tlsCipherOrder } from './cipher-order.js';
import { tlsCiphers } from './ciphers.js';
import { tlsKeyExchange } from './key-exchange.js';
import { tlsRenegotiation } from './renegotiation.js';
import { tlsVersion } from './version.js';

/** The web tls checks, in report order. */
export const webTlsChecks: Check[] = [
  tlsVersion,
  tlsCiphers,
  tlsCipherOrder,
  tlsKeyExchange,
  tlsRenegotiation,
  certTrust,
  certHostname,
  certExpiry,
  certKey,
  certSignature,
];
