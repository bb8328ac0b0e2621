/**
 * Tracker look-ups for the before-consent checks: which company is behind a host (by the
 * shipped Disconnect subset) and whether a cookie name is a known tracking cookie.
 */
import type { TrackerMatch } from '../../evidence/privacy-browser.js';
import { DISCONNECT_SUBSET } from './disconnect-subset.js';
import { TRACKING_COOKIES } from './tracking-cookies.js';

/** Disconnect's 'Content' category (embedded videos, fonts) is third party but not a tracker as such. */
const TRACKING_CATEGORIES = new Set(['Advertising', 'Analytics', 'Social', 'FingerprintingInvasive', 'FingerprintingGeneral', 'Cryptomining', 'Email', 'EmailAggressive']);

const byDomain = new Map<string, TrackerMatch>();
for (const [category, companies] of Object.entries(DISCONNECT_SUBSET)) {
  if (!TRACKING_CATEGORIES.has(category)) continue;
  for (const [company, domains] of Object.entries(companies)) {
    for (const domain of domains) if (!byDomain.has(domain)) byDomain.set(domain, { company, category });
  }
}

/** The tracker behind `host` (the host itself or any parent domain on the list), if any. */
export function trackerForHost(host: string): TrackerMatch | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  for (let index = 0; index < labels.length - 1; index++) {
    const match = byDomain.get(labels.slice(index).join('.'));
    if (match) return match;
  }
  return undefined;
}

/** The company behind a tracking cookie name, if the name is a known one. */
export function trackerForCookieName(name: string): TrackerMatch | undefined {
  for (const entry of TRACKING_COOKIES) {
    const hit = entry.name.endsWith('*') ? name.startsWith(entry.name.slice(0, -1)) : name === entry.name;
    if (hit) return { company: entry.company, category: entry.category };
  }
  return undefined;
}
