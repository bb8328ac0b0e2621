/**
 * The one list of checks. It feeds the scan, `weerbaar checks --json` and docs/checks.md.
 * Order here is report order within a status group.
 */
import type { Check } from '../check.js';
import { dnssecChecks } from './dns/index.js';
import { domainExists } from './domain/exists.js';
import { mailPolicyChecks } from './mail/policy/index.js';
import { spfCheck } from './mail/spf.js';
import { privacyContents } from './privacy/contents.js';
import { privacyBrowserChecks } from './privacy/index-browser.js';
import { privacyCrawlChecks } from './privacy/index-crawl.js';
import { mailTransportChecks } from './mail/transport/index.js';
import { webDnsChecks } from './web/dns/index.js';
import { webHttpChecks } from './web/http/index.js';
import { webTlsChecks } from './web/tls/index.js';

export const CHECKS: readonly Check[] = [
  // Run alone, and only for a name that does not exist (engine.ts); no area selects it.
  domainExists,
  ...webDnsChecks,
  ...webHttpChecks,
  ...webTlsChecks,
  ...dnssecChecks,
  spfCheck,
  ...mailPolicyChecks,
  ...mailTransportChecks,
  ...privacyCrawlChecks,
  privacyContents,
  ...privacyBrowserChecks,
];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((check) => check.id === id);
}
