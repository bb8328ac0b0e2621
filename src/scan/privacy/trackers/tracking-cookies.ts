/**
 * Well-known tracking cookie names and the company behind them, from the vendors' own
 * cookie documentation. Exact names, or prefixes where the vendor appends an id (`_ga_<id>`).
 */
export interface TrackingCookieName {
  /** Exact name, or a prefix when it ends in '*'. */
  name: string;
  company: string;
  category: string;
}

export const TRACKING_COOKIES: TrackingCookieName[] = [
  { name: '_ga', company: 'Google', category: 'Analytics' },
  { name: '_ga_*', company: 'Google', category: 'Analytics' },
  { name: '_gid', company: 'Google', category: 'Analytics' },
  { name: '_gat*', company: 'Google', category: 'Analytics' },
  { name: '__utm*', company: 'Google', category: 'Analytics' },
  { name: '_gcl_*', company: 'Google', category: 'Advertising' },
  { name: 'IDE', company: 'Google', category: 'Advertising' },
  { name: 'DSID', company: 'Google', category: 'Advertising' },
  { name: 'test_cookie', company: 'Google', category: 'Advertising' },
  { name: '_fbp', company: 'Facebook', category: 'Social' },
  { name: '_fbc', company: 'Facebook', category: 'Social' },
  { name: 'fr', company: 'Facebook', category: 'Social' },
  { name: '_hj*', company: 'Hotjar', category: 'Analytics' },
  { name: '_clck', company: 'Microsoft (Clarity)', category: 'Analytics' },
  { name: '_clsk', company: 'Microsoft (Clarity)', category: 'Analytics' },
  { name: '_uetsid', company: 'Microsoft (Bing Ads)', category: 'Advertising' },
  { name: '_uetvid', company: 'Microsoft (Bing Ads)', category: 'Advertising' },
  { name: 'MUID', company: 'Microsoft (Bing Ads)', category: 'Advertising' },
  { name: '_pin_unauth', company: 'Pinterest', category: 'Advertising' },
  { name: '_ttp', company: 'TikTok', category: 'Advertising' },
  { name: '_tt_enable_cookie', company: 'TikTok', category: 'Advertising' },
  { name: 'li_sugr', company: 'LinkedIn', category: 'Social' },
  { name: 'bcookie', company: 'LinkedIn', category: 'Social' },
  { name: 'mp_*', company: 'Mixpanel', category: 'Analytics' },
  { name: 'ajs_anonymous_id', company: 'Segment', category: 'Analytics' },
  { name: 'amp_*', company: 'Amplitude', category: 'Analytics' },
  { name: '_ym_*', company: 'Yandex', category: 'Analytics' },
  { name: 'cto_bundle', company: 'Criteo', category: 'Advertising' },
  { name: 's_vi', company: 'Adobe', category: 'Analytics' },
  { name: 'AMCV_*', company: 'Adobe', category: 'Analytics' },
];
