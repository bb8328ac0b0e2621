/**
 * probePaths: security.txt (RFC 9116) and safe GETs of a short list of files that
 * must never be public. They are judged by content, not by status (many sites answer
 * every path with 200 and the home page), but the content itself is never kept: an
 * exposed .env holds someone's passwords, and evidence is shown to every member of an
 * organisation. Each answer is matched against its signature here, while the bytes are
 * in hand, and only the signature's name, the status, the type and the size remain.
 */
import type { ExposedPathProbe, FetchChain, PathEvidence } from '../../evidence/index.js';
import type { CollectContext } from '../context.js';
import { fetchChain, firstHeader } from './fetch.js';
import { requestOnce } from './request.js';
import { mapLimit } from '../../../core/concurrency.js';
import { matchSignature } from './exposure-signatures.js';

/**
 * Files commonly left behind on web servers, after the lists of well-known scanners
 * (e.g. nuclei's exposures templates, Nikto): version control metadata, secrets,
 * database dumps, editor backups of the WordPress configuration and server diagnostics.
 */
export const SENSITIVE_PATHS: readonly string[] = [
  '/.git/HEAD',
  '/.git/config',
  '/.env',
  '/.svn/entries',
  '/.DS_Store',
  '/.htpasswd',
  '/backup.sql',
  '/dump.sql',
  '/database.sql',
  '/wp-config.php.bak',
  '/phpinfo.php',
  '/server-status',
];

const SNIPPET_BYTES = 512;
/** Enough to reach the <title> of a phpinfo() page, which comes after a long <style> block. */
const TITLE_SCAN_BYTES = 16_384;
const CONCURRENCY = 4;


/** The chain ended in a 200 text/plain answer: a security.txt file is there (its contents are judged by the check). */
function isPlainTextFile(chain: FetchChain): boolean {
  const last = chain.hops.at(-1);
  const type = last ? (firstHeader(last, 'content-type') ?? '') : '';
  return !chain.error && last?.status === 200 && type.split(';')[0]?.trim().toLowerCase() === 'text/plain';
}

function htmlTitle(text: string): string | undefined {
  const match = /<title[^>]*>([^<]{0,300})<\/title>/i.exec(text);
  return match?.[1]?.trim().replace(/\s+/g, ' ');
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function probeOne(origin: string, path: string, address: string, ctx: CollectContext): Promise<ExposedPathProbe> {
  const url = new URL(path, origin);
  const { hop, body, bodyIncomplete } = await requestOnce({ url, address, ctx, maxBodyBytes: TITLE_SCAN_BYTES, wantBody: () => true });
  if (hop.error) return { path, bodyBytes: 0, error: hop.error.message };
  const probe: ExposedPathProbe = { path, bodyBytes: body.length };
  // Cutting at the cap is by design (the signatures need only the start); a body cut short before it is not.
  if (bodyIncomplete?.kind === 'broken') probe.incomplete = bodyIncomplete.message;
  if (hop.status !== undefined) probe.status = hop.status;
  const contentType = firstHeader(hop, 'content-type');
  if (contentType !== undefined) probe.contentType = contentType;
  const title = htmlTitle(body.toString('latin1'));
  const snippet = new TextDecoder('utf-8').decode(body.subarray(0, SNIPPET_BYTES));
  const signature = matchSignature(path, title === undefined ? { snippet } : { snippet, title });
  if (signature !== undefined) probe.signature = signature;
  return probe;
}

export async function probePaths(host: string, ctx: CollectContext, address?: string): Promise<PathEvidence> {
  const origin = `https://${hostForUrl(host)}`;
  const securityTxt = await fetchChain(`${origin}/.well-known/security.txt`, ctx, address ? { pinnedAddress: address } : {});
  const notProbed = (reason: string): ExposedPathProbe[] =>
    SENSITIVE_PATHS.map((path) => ({ path, bodyBytes: 0, error: reason }));

  const first = securityTxt.hops[0];
  if (first?.status === undefined) {
    // A shop without HTTPS can still leak its .git folder over plain HTTP.
    const reason = `HTTPS did not answer (${first?.error?.message ?? 'no response'})`;
    const httpOrigin = `http://${hostForUrl(host)}`;
    const httpAddress = address ?? (await ctx.resolveHost(host).catch(() => undefined))?.usable[0];
    if (httpAddress === undefined) return { securityTxt, exposure: notProbed(`not probed: ${reason}`) };
    // One probe first, so a closed or silent port 80 costs one timeout, not twelve.
    const [head, ...rest] = SENSITIVE_PATHS;
    const firstProbe = await probeOne(httpOrigin, head ?? '/', httpAddress, ctx);
    if (firstProbe.error !== undefined) return { securityTxt, exposure: notProbed(`not probed: ${reason}; HTTP: ${firstProbe.error}`) };
    const others = await mapLimit(rest, CONCURRENCY, (path) => probeOne(httpOrigin, path, httpAddress, ctx));
    return { securityTxt, exposure: [firstProbe, ...others], exposureOrigin: httpOrigin };
  }
  // Same server as the first security.txt request (the pinned address, or the one resolved then).
  const useAddress = address ?? first.address;
  if (useAddress === undefined) return { securityTxt, exposure: notProbed('not probed: no address') };
  const [legacy, exposure] = await Promise.all([
    // RFC 9116 section 3: the legacy top-level location may still hold the file; it is judged, with a warning.
    isPlainTextFile(securityTxt) ? undefined : fetchChain(`${origin}/security.txt`, ctx, { pinnedAddress: useAddress }),
    mapLimit(SENSITIVE_PATHS, CONCURRENCY, (path) => probeOne(origin, path, useAddress, ctx)),
  ]);
  return { securityTxt, ...(legacy ? { securityTxtLegacy: legacy } : {}), exposure, exposureOrigin: origin };
}
