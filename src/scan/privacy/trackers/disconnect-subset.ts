/**
 * A subset of Disconnect's tracking-protection list (services.json), same shape:
 * category -> company -> domains (a domain matches itself and its subdomains).
 * Copyright 2010-2019 Disconnect, Inc. GPL-3.0-or-later; see README.md and COPYING-GPL-3.0.txt.
 * TODO(issue 5): replace with the full services.json.
 */
export type DisconnectCategories = Record<string, Record<string, string[]>>;

export const DISCONNECT_SUBSET: DisconnectCategories = {
  Advertising: {
    Google: ['doubleclick.net', 'googleadservices.com', 'googlesyndication.com', 'googletagservices.com', 'adservice.google.com', '2mdn.net'],
    'Microsoft (Bing Ads)': ['bat.bing.com', 'ads.microsoft.com'],
    Criteo: ['criteo.com', 'criteo.net'],
    AppNexus: ['adnxs.com'],
    'The Trade Desk': ['adsrvr.org'],
    Taboola: ['taboola.com'],
    Outbrain: ['outbrain.com'],
    Amazon: ['amazon-adsystem.com'],
    AdRoll: ['adroll.com'],
    Adform: ['adform.com', 'adform.net'],
    Tradedoubler: ['tradedoubler.com'],
    Awin: ['awin1.com', 'zanox.com'],
    Pinterest: ['ct.pinterest.com'],
    TikTok: ['analytics.tiktok.com'],
    Snap: ['sc-static.net'],
  },
  Analytics: {
    Google: ['google-analytics.com', 'googletagmanager.com', 'analytics.google.com'],
    Hotjar: ['hotjar.com', 'hotjar.io'],
    'Microsoft (Clarity)': ['clarity.ms'],
    Mixpanel: ['mixpanel.com'],
    Segment: ['segment.com', 'segment.io'],
    Amplitude: ['amplitude.com'],
    Heap: ['heapanalytics.com'],
    'Adobe': ['omtrdc.net', 'demdex.net', '2o7.net'],
    comScore: ['scorecardresearch.com'],
    Quantcast: ['quantserve.com', 'quantcast.com'],
    Mouseflow: ['mouseflow.com'],
    'Crazy Egg': ['crazyegg.com'],
    FullStory: ['fullstory.com'],
    'New Relic': ['nr-data.net'],
    Yandex: ['mc.yandex.ru'],
  },
  Social: {
    Facebook: ['facebook.net', 'connect.facebook.net', 'facebook.com'],
    LinkedIn: ['px.ads.linkedin.com', 'snap.licdn.com'],
    Twitter: ['ads-twitter.com', 'analytics.twitter.com', 'static.ads-twitter.com'],
  },
};
