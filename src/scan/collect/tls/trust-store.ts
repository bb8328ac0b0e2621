/**
 * TLS contexts that verify against the scan's trust store (`CollectContext.ca`), one per
 * store. When the store is Node's own root list (no --ca-file), the context uses Node's
 * shared, already-parsed root store: handing the same ~140 roots over as `ca` makes
 * OpenSSL parse them all again, a tenth of a web scan's CPU.
 */
import { createSecureContext, rootCertificates, type SecureContextOptions, type SecureContext } from 'node:tls';

const contexts = new WeakMap<readonly string[], Map<string, SecureContext>>();

/** A context trusting `ca`, with further options (protocol versions, ciphers); cached per store and options. */
export function trustingContext(ca: readonly string[], options: Omit<SecureContextOptions, 'ca'> = {}): SecureContext {
  const key = JSON.stringify(options);
  let byOptions = contexts.get(ca);
  if (!byOptions) {
    byOptions = new Map();
    contexts.set(ca, byOptions);
  }
  let context = byOptions.get(key);
  if (!context) {
    context = createSecureContext(ca === rootCertificates ? options : { ...options, ca: [...ca] });
    byOptions.set(key, context);
  }
  return context;
}
