/** Organisations: the user's list, creating one (webshop, chain partner or hub), and the owner's settings. */
import type { Feature } from '../web/feature.js';
import { orgRoutes } from './routes.js';
import { ORGS_TEXTS } from './texts.js';

export const orgsFeature: Feature = {
  name: 'orgs',
  texts: ORGS_TEXTS,
  routes: orgRoutes,
  orgTabs: [{ id: 'settings', path: '/settings', textKey: 'orgTab.settings', minimum: 'owner', order: 60 }],
  nav: { signedIn: [{ href: '/orgs', textKey: 'nav.orgs', order: 10 }] },
};
