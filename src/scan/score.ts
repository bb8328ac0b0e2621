/**
 * Scoring, kept apart from the checks (internet.nl-like):
 * - every scored check has points in one category (the table below);
 * - pass, warn and info earn the check's points ("phase out" warnings cost nothing);
 * - fail, error and skip earn nothing but still count as possible points: the score
 *   only credits what was shown to be right, so a site without HTTPS does not score
 *   well because its TLS checks could not run;
 * - a category's percentage is earned / possible; an area's score (web, mail) is the
 *   mean of its categories' percentages; overall is the mean of the areas scanned.
 * Checks with 0 points are informational, and a check that does not apply to the domain
 * (verdict.notApplicable, e.g. STARTTLS for a domain that receives no mail) is left out.
 * Areas not scanned score null.
 *
 * For a person reading the result there are three areas (areaScores): the website (the web
 * categories without privacy), e-mail (the mail score) and privacy (the privacy category).
 * The contract's web score keeps privacy in, so stored scores and the API do not change.
 *
 * Mail has three categories: dnssec (the domain's and its MX names' signatures),
 * authentication (who may send as the domain: SPF, DKIM, DMARC) and transport (how mail
 * to the domain is protected on the way: STARTTLS, its TLS, DANE, MTA-STS, TLS-RPT).
 * The dns.* checks belong to the mail area: they run with the mail scan.
 */
import type { Status } from './check.js';

export type Area = 'web' | 'mail';

export interface ScoreEntry {
  area: Area;
  category: string;
  points: number;
}

export const SCORE_TABLE: Readonly<Record<string, ScoreEntry>> = {
  // Informational: a scan of a name that does not exist has this one verdict and no scores.
  'domain.exists': { area: 'web', category: 'reachability', points: 0 },
  'web.address': { area: 'web', category: 'reachability', points: 2 },
  'web.ipv6': { area: 'web', category: 'reachability', points: 1 },

  'web.https.available': { area: 'web', category: 'https', points: 3 },
  'web.https.redirect': { area: 'web', category: 'https', points: 2 },
  'web.hsts': { area: 'web', category: 'https', points: 2 },

  'web.tls.version': { area: 'web', category: 'tls', points: 3 },
  'web.tls.ciphers': { area: 'web', category: 'tls', points: 3 },
  'web.tls.cipher-order': { area: 'web', category: 'tls', points: 1 },
  'web.tls.key-exchange': { area: 'web', category: 'tls', points: 2 },
  'web.tls.renegotiation': { area: 'web', category: 'tls', points: 1 },

  'web.cert.trust': { area: 'web', category: 'certificate', points: 3 },
  'web.cert.hostname': { area: 'web', category: 'certificate', points: 3 },
  'web.cert.expiry': { area: 'web', category: 'certificate', points: 3 },
  'web.cert.key': { area: 'web', category: 'certificate', points: 2 },
  'web.cert.signature': { area: 'web', category: 'certificate', points: 2 },

  'web.headers.csp': { area: 'web', category: 'headers', points: 2 },
  'web.headers.frame': { area: 'web', category: 'headers', points: 1 },
  'web.headers.content-type-options': { area: 'web', category: 'headers', points: 1 },
  'web.headers.referrer-policy': { area: 'web', category: 'headers', points: 1 },
  'web.cookies': { area: 'web', category: 'headers', points: 2 },
  'web.mixed-content': { area: 'web', category: 'headers', points: 2 },

  'web.security-txt': { area: 'web', category: 'hygiene', points: 1 },
  'web.exposure': { area: 'web', category: 'hygiene', points: 3 },
  'web.caa': { area: 'web', category: 'hygiene', points: 0 },

  'dns.dnssec': { area: 'mail', category: 'dnssec', points: 3 },
  'dns.dnssec.algorithms': { area: 'mail', category: 'dnssec', points: 1 },
  'mail.dnssec.mx': { area: 'mail', category: 'dnssec', points: 3 },

  'mail.spf': { area: 'mail', category: 'authentication', points: 3 },
  'mail.dmarc': { area: 'mail', category: 'authentication', points: 3 },
  'mail.dkim': { area: 'mail', category: 'authentication', points: 2 },
  'mail.non-sending': { area: 'mail', category: 'authentication', points: 2 },

  'mail.mx': { area: 'mail', category: 'transport', points: 1 },
  'mail.starttls': { area: 'mail', category: 'transport', points: 3 },
  'mail.tls.version': { area: 'mail', category: 'transport', points: 3 },
  'mail.tls.ciphers': { area: 'mail', category: 'transport', points: 3 },
  'mail.tls.cipher-order': { area: 'mail', category: 'transport', points: 1 },
  'mail.tls.key-exchange': { area: 'mail', category: 'transport', points: 2 },
  'mail.tls.renegotiation': { area: 'mail', category: 'transport', points: 1 },
  'mail.tls.cert.trust': { area: 'mail', category: 'transport', points: 1 },
  'mail.tls.cert.hostname': { area: 'mail', category: 'transport', points: 1 },
  'mail.tls.cert.expiry': { area: 'mail', category: 'transport', points: 1 },
  'mail.tls.cert.key': { area: 'mail', category: 'transport', points: 2 },
  'mail.tls.cert.signature': { area: 'mail', category: 'transport', points: 2 },
  'mail.dane': { area: 'mail', category: 'transport', points: 3 },
  'mail.mta-sts': { area: 'mail', category: 'transport', points: 2 },
  'mail.tls-rpt': { area: 'mail', category: 'transport', points: 1 },

  // The contract has web and mail scores; the privacy checks are part of the website.
  'privacy.statement.linked': { area: 'web', category: 'privacy', points: 2 },
  'privacy.statement.reachable': { area: 'web', category: 'privacy', points: 3 },
  'privacy.statement.contents': { area: 'web', category: 'privacy', points: 3 },
  'privacy.forms': { area: 'web', category: 'privacy', points: 2 },
  'privacy.cookies.before-consent': { area: 'web', category: 'privacy', points: 3 },
  'privacy.third-parties.before-consent': { area: 'web', category: 'privacy', points: 2 },
};

const EARNING: Readonly<Record<Status, boolean>> = {
  pass: true,
  warn: true,
  info: true,
  fail: false,
  error: false,
  skip: false,
};

export interface ScoredCheck {
  id: string;
  status: Status;
  /** Left out of scoring: the check does not apply to this domain. */
  notApplicable?: boolean;
}

export interface CheckPoints {
  id: string;
  area: Area;
  category: string;
  earned: number;
  possible: number;
}

export interface CategoryScore {
  area: Area;
  category: string;
  earned: number;
  possible: number;
  percent: number;
}

export interface Scores {
  web: number | null;
  mail: number | null;
  overall: number | null;
}

export interface ScoreBreakdown {
  scores: Scores;
  categories: CategoryScore[];
  checks: CheckPoints[];
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

export function scoreChecks(results: readonly ScoredCheck[]): ScoreBreakdown {
  const checks: CheckPoints[] = [];
  const categories = new Map<string, CategoryScore>();
  for (const result of results) {
    const entry = SCORE_TABLE[result.id];
    if (!entry || entry.points === 0 || result.notApplicable) continue;
    const earned = EARNING[result.status] ? entry.points : 0;
    checks.push({ id: result.id, area: entry.area, category: entry.category, earned, possible: entry.points });
    const key = `${entry.area}.${entry.category}`;
    const category = categories.get(key) ?? { area: entry.area, category: entry.category, earned: 0, possible: 0, percent: 0 };
    category.earned += earned;
    category.possible += entry.points;
    categories.set(key, category);
  }
  for (const category of categories.values()) {
    category.percent = Math.round((100 * category.earned) / category.possible);
  }
  const list = [...categories.values()];
  const areaScore = (area: Area): number | null => mean(list.filter((c) => c.area === area).map((c) => c.percent));
  const web = areaScore('web');
  const mail = areaScore('mail');
  const overall = mean([web, mail].filter((value): value is number => value !== null));
  return { scores: { web, mail, overall }, categories: list, checks };
}

/** The areas a person reads a result by; see areaScores. */
export const SUMMARY_AREAS = ['web', 'mail', 'privacy'] as const;
export type SummaryArea = (typeof SUMMARY_AREAS)[number];

/** Which summary area a check belongs to: privacy.* to privacy, mail.* and dns.* to e-mail, the rest to the website. */
export function summaryAreaOf(checkId: string): SummaryArea {
  if (checkId.startsWith('privacy.')) return 'privacy';
  if (checkId.startsWith('mail.') || checkId.startsWith('dns.')) return 'mail';
  return 'web';
}

/**
 * A score per summary area, from a breakdown: the website is the mean of the web
 * categories other than privacy, e-mail is the mail score, privacy is the privacy
 * category's percentage. An area without scored checks is null.
 */
export function areaScores(breakdown: ScoreBreakdown): Record<SummaryArea, number | null> {
  const web = breakdown.categories.filter((c) => c.area === 'web' && c.category !== 'privacy');
  const privacy = breakdown.categories.find((c) => c.area === 'web' && c.category === 'privacy');
  return { web: mean(web.map((c) => c.percent)), mail: breakdown.scores.mail, privacy: privacy ? privacy.percent : null };
}
