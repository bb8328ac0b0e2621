/**
 * Browser (before consent) evidence: what the home page sets and contacts when loaded in
 * headless Chromium without touching any cookie banner. Collected by
 * src/scan/collect/privacy/browser.ts; judged by src/scan/checks/privacy/*-before-consent.ts.
 */

export type Party = 'first' | 'third';

/** A tracker as named by the shipped list (src/scan/privacy/trackers). */
export interface TrackerMatch {
  company: string;
  /** The list's category, e.g. 'Analytics', 'Advertising', 'Social'. */
  category: string;
}

export interface BrowserCookie {
  name: string;
  domain: string;
  path: string;
  party: Party;
  /** True for a session cookie (no expiry). */
  session: boolean;
  /** ISO time the cookie expires, for persistent cookies. */
  expires?: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
  /** Set when the cookie is a known tracking cookie (by name) or was set by a known tracker's domain. */
  tracker?: TrackerMatch;
}

export interface BrowserRequest {
  host: string;
  party: Party;
  /** Playwright resource types seen for this host (document, script, image, xhr, fetch, ...). */
  types: string[];
  count: number;
  tracker?: TrackerMatch;
  /** The scanner refused every connection to this host (see `blocked`): the page asked, but the host was not contacted. */
  blocked?: true;
}

export interface BlockedRequest {
  host: string;
  port: number;
  /** Why the browser was not allowed to connect: a refused address range, an unresolvable name, a port. */
  reason: string;
}

export interface BrowserEvidence {
  /** Set when the browser checks could not run (e.g. Chromium not installed), with the reason. */
  skipped?: string;
  /** Set when the page could not be loaded at all (a short sentence). */
  error?: string;
  /** The address the browser was sent to and where it ended up. */
  url?: string;
  finalUrl?: string;
  /** The registrable domain that counts as first party. */
  firstParty?: string;
  /** False when the page kept the network busy past the wait bound; what was seen until then is recorded. */
  networkIdle?: boolean;
  cookies?: BrowserCookie[];
  /** Keys (never values) in the page origin's localStorage and sessionStorage. */
  localStorage?: string[];
  sessionStorage?: string[];
  /** Every host the page contacted (or tried to: those are marked `blocked`), first request first. */
  requests?: BrowserRequest[];
  /** Connections the scan's policy refused (private addresses, unresolvable names, other ports). */
  blocked?: BlockedRequest[];
  /** True when a cap (requests, cookies, keys) cut the lists. */
  truncated?: boolean;
  /**
   * Set when the load was cut off, so what was seen is partial and judged as an error (with
   * `error` saying why): 'memory' the browser passed its memory budget, 'bytes' the page sent
   * more than the proxy passes, 'deadline' the scan's time ran out.
   */
  stopped?: 'memory' | 'bytes' | 'deadline';
}
