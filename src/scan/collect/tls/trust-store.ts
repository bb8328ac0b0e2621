/**
 * TLS contexts that verify against the scan's trust store (`CollectContext.ca`: Node's root
 * list, then any --ca-file roots), one per store and options. Handing ~140 roots over as
 * `ca` makes OpenSSL parse every one again, a tenth of a web scan's CPU. So a context starts
 * from Node's shared, already-parsed root store, and only the added roots are parsed: the
 * first one added gives the context its own copy of the store (Node copies it on write), so
 * the shared store is never changed.
 */
import { createSecureContext, rootCertificates, type SecureContext, type SecureContextOptions } from 'node:tls';

const contexts = new WeakMap<readonly string[], Map<string, SecureContext>>();

/** The roots beyond Node's own when the store starts with Node's list (as the engine builds it); undefined for any other store. */
function addedRoots(ca: readonly string[]): readonly string[] | undefined {
  if (ca === rootCertificates) return [];
  if (ca.length < rootCertificates.length) return undefined;
  for (let index = 0; index < rootCertificates.length; index += 1) if (ca[index] !== rootCertificates[index]) return undefined;
  return ca.slice(rootCertificates.length);
}

/** Node's native context handle: `addCACert` is what `createSecureContext({ ca })` calls for each root. */
type NativeContext = { addCACert?: (pem: string) => void };

function build(ca: readonly string[], options: Omit<SecureContextOptions, 'ca'>): SecureContext {
  const added = addedRoots(ca);
  if (added === undefined) return createSecureContext({ ...options, ca: [...ca] });
  const context = createSecureContext(options);
  const native = (context as unknown as { context?: NativeContext }).context;
  if (added.length > 0 && typeof native?.addCACert !== 'function') return createSecureContext({ ...options, ca: [...ca] });
  for (const pem of added) native?.addCACert?.(pem);
  return context;
}

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
    context = build(ca, options);
    byOptions.set(key, context);
  }
  return context;
}
