/** API tokens: an owner creates (shown once), lists and revokes an organisation's tokens. The shell checks them (src/web/api-auth.ts). */
import type { Feature } from '../web/feature.js';
import { tokenRoutes } from './routes.js';
import { TOKENS_TEXTS } from './texts.js';

export const tokensFeature: Feature = {
  name: 'tokens',
  texts: TOKENS_TEXTS,
  routes: tokenRoutes,
  orgTabs: [{ id: 'tokens', path: '/tokens', textKey: 'orgTab.tokens', minimum: 'owner', order: 40 }],
};
