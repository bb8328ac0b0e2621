/**
 * Before consent: load the home page in headless Chromium (playwright-core driving Debian's
 * chromium; never a downloaded browser), touch nothing, wait for the network to go quiet,
 * and record the cookies, storage keys and hosts contacted.
 *
 * The browser honours the scan's policy: all its traffic goes through the scanner's own
 * proxy (browser-proxy.ts), which resolves names via the scan's resolver and refuses private
 * addresses unless allowed; Chromium itself resolves nothing (`MAP * ~NOTFOUND`). Extra roots
 * (--ca-file) are trusted through browser-trust.ts, never by ignoring certificate errors wholesale.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { getDomain } from 'tldts';
import type { BrowserCookie, BrowserEvidence, BrowserRequest, Party } from '../../evidence/privacy-browser.js';
import { trackerForCookieName, trackerForHost } from '../../privacy/trackers/index.js';
import type { CollectContext } from '../context.js';
import { browserProcesses, watchMemory } from './browser-process.js';
import { startBrowserProxy, type BrowserProxy } from './browser-proxy.js';
import { spkiAllowList } from './browser-trust.js';

export { extraRootSpkiHashes } from './browser-trust.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'Chromium is not installed: apt-get install chromium';

export interface BeforeConsentOptions {
  chromiumPath?: string;
  /**
   * Host -> addresses the scan itself resolved. Their certificates are checked up front so
   * extra roots (--ca-file) can be trusted (browser-trust.ts); connections still go through
   * context.resolveHost and its policy.
   */
  resolved: Map<string, string[]>;
  /** Where the scanner's browser proxy listens (loopback). Tests use their own loopback range. */
  proxyAddress?: string;
  /** How long to wait for the network to go quiet after the load event. */
  idleWaitMs?: number;
}

/**
 * The browser's share of the whole scan's memory bound (1 GiB with node itself): PSS of all
 * Chromium processes together. An ordinary shop needs 300 to 400 MiB.
 */
export const BROWSER_MEMORY_BUDGET_BYTES = 600 * 1024 ** 2;
/** How long a polite close may take before the browser is killed (a spinning page can stall it). */
const CLOSE_GRACE_MS = 500;

const MAX_REQUEST_HOSTS = 300;
const MAX_COOKIES = 300;
const MAX_STORAGE_KEYS = 200;

interface StorageKeys {
  local: string[];
  session: string[];
}

/** Debian's chromium in a container: no sandbox, no GPU, no traffic of its own (the test browser uses these too). */
export const CHROMIUM_BASE_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CHROMIUM_ARGS = [
  ...CHROMIUM_BASE_ARGS,
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--renderer-process-limit=2',
  '--js-flags=--max-old-space-size=256',
  // WebRTC could otherwise open UDP straight to any address, past the proxy.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
];

/**
 * The target and the names the scan resolved itself, each with the address (after the scan's
 * policy) at which to verify its certificate.
 */
async function knownHttpsHosts(target: string, context: CollectContext, resolved: Map<string, string[]>): Promise<Map<string, string>> {
  const names = [target, ...[...resolved.keys()].filter((host) => host !== target)];
  const hosts = new Map<string, string>();
  for (const host of names) {
    const address = (await context.resolveHost(host).catch(() => undefined))?.usable[0];
    if (address) hosts.set(host, address);
  }
  return hosts;
}

/** Hosts the page has asked for; the proxy waits briefly for the request event to arrive. */
class PageHosts {
  private readonly hosts = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();

  add(host: string): void {
    this.hosts.add(host);
    for (const wake of this.waiting.get(host) ?? []) wake();
    this.waiting.delete(host);
  }

  wait(host: string, timeoutMs = 2_000): Promise<boolean> {
    if (this.hosts.has(host)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.hosts.has(host)), timeoutMs);
      const wake = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiting.set(host, [...(this.waiting.get(host) ?? []), wake]);
    });
  }
}

/** The hosts the page asked for; those the proxy refused and never let through are marked blocked (not contacted). */
function attempted(requests: Map<string, BrowserRequest>, proxy: BrowserProxy): BrowserRequest[] {
  const refused = new Set(proxy.blocked.map((entry) => entry.host));
  return [...requests.values()].map((request) => (refused.has(request.host) && !proxy.allowed.has(request.host) ? { ...request, blocked: true } : request));
}

function partyOf(host: string, firstParty: string): Party {
  const domain = getDomain(host.replace(/^\./, ''), { allowPrivateDomains: true }) ?? host.replace(/^\./, '');
  return domain === firstParty ? 'first' : 'third';
}

/** `work`, or a rejection as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // The work still settles after an abort (a killed browser rejects every pending call): its
  // rejection must stay handled, or it ends the whole process as an unhandled rejection.
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('the scan was stopped'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function loadPlaywright(): Promise<typeof import('playwright-core') | undefined> {
  try {
    return await import('playwright-core');
  } catch {
    return undefined;
  }
}

export async function collectBeforeConsent(target: string, context: CollectContext, options: BeforeConsentOptions): Promise<BrowserEvidence> {
  const chromiumPath = options.chromiumPath ?? process.env.WEERBAAR_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
  if (!existsSync(chromiumPath)) return { skipped: INSTALL_CHROMIUM };
  const playwright = await loadPlaywright();
  if (!playwright) return { skipped: INSTALL_CHROMIUM };
  if (context.signal.aborted) return { error: 'the scan was stopped before the browser started' };

  const firstParty = getDomain(target, { allowPrivateDomains: true }) ?? target;
  const requested = new PageHosts();
  const proxy = await startBrowserProxy(context, (host) => requested.wait(host), options.proxyAddress);
  const spki = await spkiAllowList(await knownHttpsHosts(target, context, options.resolved), context);
  const args = [
    ...CHROMIUM_ARGS,
    `--proxy-server=${proxy.url}`,
    // Chromium bypasses the proxy for loopback names unless told not to.
    '--proxy-bypass-list=<-loopback>',
    `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${proxy.address}`,
    ...(spki.length > 0 ? [`--ignore-certificate-errors-spki-list=${spki.join(',')}`] : []),
  ];

  const requests = new Map<string, BrowserRequest>();
  let truncated = false;
  let browserContext: BrowserContext | undefined;
  // A persistent (not incognito-like) profile, so third-party cookies behave as for a visitor; thrown away after.
  const profile = mkdtempSync(join(tmpdir(), 'weerbaar-chromium-'));
  const processes = browserProcesses(profile);
  let closing: Promise<void> | undefined;
  // Politely first, but never longer than CLOSE_GRACE_MS: then every browser process is killed.
  const closeBrowser = (): Promise<void> =>
    (closing ??= (async () => {
      if (browserContext) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
        await Promise.race([browserContext.close().catch(() => undefined), grace]);
        clearTimeout(timer);
      }
      processes.kill();
    })());
  // At the deadline there is no time for courtesy: kill at once, so the scan ends on time.
  const onAbort = (): void => {
    processes.kill();
    void closeBrowser();
  };
  context.signal.addEventListener('abort', onAbort, { once: true });
  const watchdog = watchMemory(processes, BROWSER_MEMORY_BUDGET_BYTES, () => void closeBrowser());
  const stopped = (): BrowserEvidence['stopped'] =>
    watchdog.tripped ? 'memory' : proxy.cut ? 'bytes' : context.signal.aborted ? 'deadline' : undefined;
  const stopReason = (cause: NonNullable<BrowserEvidence['stopped']>): string =>
    cause === 'memory'
      ? `stopped: memory (the page made the browser use more than ${BROWSER_MEMORY_BUDGET_BYTES / 1024 ** 2} MiB); what it loaded until then is not judged`
      : cause === 'bytes'
        ? `stopped: the page sent more than ${proxy.cut?.limitBytes ? Math.round(proxy.cut.limitBytes / 1024 ** 2) : '?'} MiB; what it loaded until then is not judged`
        : 'the scan was stopped';
  try {
    // Looking up the hosts above may have taken until the deadline: then do not start a browser at all.
    if (context.signal.aborted) return { error: stopReason('deadline'), firstParty, stopped: 'deadline' };
    const launching = playwright.chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args,
      headless: true,
      timeout: 20_000,
      serviceWorkers: 'block',
      acceptDownloads: false,
      javaScriptEnabled: true,
      locale: 'en-GB',
      viewport: { width: 1280, height: 800 },
    });
    // Playwright may not notice a browser killed while it starts and then waits out its own
    // timeout: stop waiting at the deadline, and close whatever comes up later.
    browserContext = await untilAborted(launching, context.signal).catch((error: unknown) => {
      void launching.then((late) => late.close().catch(() => undefined), () => undefined);
      throw error;
    });
    // The deadline passed while Chromium started: onAbort found nothing to kill yet.
    if (context.signal.aborted) processes.kill();
    const noteRequest = (address: string, type: string): void => {
      let host: string;
      try {
        host = new URL(address).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
      } catch {
        return;
      }
      if (host === '') return;
      requested.add(host);
      const existing = requests.get(host);
      if (existing) {
        existing.count++;
        if (!existing.types.includes(type)) existing.types.push(type);
        return;
      }
      if (requests.size >= MAX_REQUEST_HOSTS) {
        truncated = true;
        return;
      }
      const tracker = trackerForHost(host);
      requests.set(host, { host, party: partyOf(host, firstParty), types: [type], count: 1, ...(tracker ? { tracker } : {}) });
    };
    // Context-wide, so requests of workers and frames count too; WebSockets have no request event.
    browserContext.on('request', (request) => noteRequest(request.url(), request.resourceType()));
    const launched: BrowserContext = browserContext;
    const openPage = async (reuseFirst: boolean): Promise<Page> => (reuseFirst ? launched.pages()[0] : undefined) ?? (await launched.newPage());
    const preparePage = (opened: Page): Page => {
      opened.setDefaultTimeout(context.limits.requestTimeoutMs * 2);
      opened.on('websocket', (socket) => noteRequest(socket.url(), 'websocket'));
      // No popups: a page opening windows does not get a second page to load from.
      opened.on('popup', (popup) => void popup.close().catch(() => undefined));
      return opened;
    };
    let page = preparePage(await openPage(true));

    const navigationTimeout = context.limits.requestTimeoutMs * 2;
    const failures: string[] = [];
    const visit = (address: string): Promise<boolean> =>
      untilAborted(page.goto(address, { waitUntil: 'load', timeout: navigationTimeout }), context.signal).then(
        () => true,
        (error: unknown) => {
          // Playwright's message starts with the net:: code, e.g. "net::ERR_CERT_AUTHORITY_INVALID at https://...".
          failures.push((error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/^page\.goto: /, '') ?? '');
          return false;
        },
      );
    let url = `https://${target}/`;
    let loaded = await visit(url);
    if (!loaded && !context.signal.aborted) {
      url = `http://${target}/`;
      // A fresh tab: Chromium's own error page for the failed HTTPS load would otherwise cut the next navigation off.
      const failed = page;
      page = preparePage(await openPage(false));
      await failed.close().catch(() => undefined);
      loaded = await visit(url);
    }
    const cutOff = stopped();
    if (!loaded || cutOff) {
      const error = cutOff ? stopReason(cutOff) : `the home page did not load over HTTPS or HTTP (${failures.join('; ')})`;
      return { error, url, firstParty, blocked: [...proxy.blocked], requests: attempted(requests, proxy), ...(cutOff ? { stopped: cutOff } : {}) };
    }
    const networkIdle = await untilAborted(page.waitForLoadState('networkidle', { timeout: options.idleWaitMs ?? 8_000 }), context.signal).then(
      () => true,
      () => false,
    );

    const rawCookies = await untilAborted(browserContext.cookies(), context.signal);
    if (rawCookies.length > MAX_COOKIES) truncated = true;
    const cookies: BrowserCookie[] = rawCookies.slice(0, MAX_COOKIES).map((cookie) => {
      const host = cookie.domain.replace(/^\./, '');
      const tracker = trackerForCookieName(cookie.name) ?? trackerForHost(host);
      const session = cookie.expires === -1;
      return {
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        party: partyOf(host, firstParty),
        session,
        ...(session ? {} : { expires: new Date(cookie.expires * 1000).toISOString() }),
        httpOnly: cookie.httpOnly,
        secure: cookie.secure,
        sameSite: cookie.sameSite,
        ...(tracker ? { tracker } : {}),
      };
    });
    // Keys only, never values; written as a string because this project compiles without the DOM types.
    // A page that spins its script never answers an evaluate: the deadline ends the wait.
    const storage = await untilAborted(
      page.evaluate<StorageKeys>(
        `(() => {
          const keys = (store) => { const found = []; for (let i = 0; i < store.length && found.length < ${MAX_STORAGE_KEYS}; i++) { const key = store.key(i); if (key !== null) found.push(key); } return found; };
          return { local: keys(window.localStorage), session: keys(window.sessionStorage) };
        })()`,
      ),
      context.signal,
    )
      .catch(() => ({ local: [] as string[], session: [] as string[] }));

    // Cut off after the load event (while waiting for quiet, or reading cookies): still partial.
    const lateCut = stopped();
    if (lateCut) return { error: stopReason(lateCut), url, firstParty, blocked: [...proxy.blocked], requests: attempted(requests, proxy), stopped: lateCut };
    return {
      url,
      finalUrl: page.url(),
      firstParty,
      networkIdle,
      cookies,
      localStorage: storage.local,
      sessionStorage: storage.session,
      requests: attempted(requests, proxy),
      blocked: [...proxy.blocked],
      ...(truncated ? { truncated } : {}),
    };
  } catch (error) {
    const cutOff = stopped();
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      error: cutOff ? stopReason(cutOff) : `the browser failed: ${reason}`,
      firstParty,
      requests: attempted(requests, proxy),
      blocked: [...proxy.blocked],
      ...(cutOff ? { stopped: cutOff } : {}),
    };
  } finally {
    watchdog.stop();
    context.signal.removeEventListener('abort', onAbort);
    const cleanUp = async (): Promise<void> => {
      await closeBrowser();
      // Also when the browser came up after the close began (an abort during the launch).
      processes.kill();
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      } catch {
        // A leftover temporary profile is untidy, not a scan failure.
      }
      await proxy.close();
    };
    // At the deadline the browser is already killed: tidy up behind the scan's back, not on its time.
    if (context.signal.aborted) void cleanUp();
    else await cleanUp();
  }
}
