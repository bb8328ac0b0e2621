/** The tabs of an organisation's pages; each page passes which one is current. */
import type { Org, Role } from '../db/schema.js';
import { roleAtLeast } from './context.js';
import { html, type SafeHtml } from './html.js';
import type { Translate } from './i18n.js';

export type OrgTab = 'overview' | 'members' | 'privacy' | 'tokens' | 'audit' | 'settings';

const TABS: { tab: OrgTab; path: string; minimum: Role }[] = [
  { tab: 'overview', path: '', minimum: 'viewer' },
  { tab: 'members', path: '/members', minimum: 'viewer' },
  { tab: 'privacy', path: '/privacy-statement', minimum: 'viewer' },
  { tab: 'tokens', path: '/tokens', minimum: 'owner' },
  { tab: 'audit', path: '/audit', minimum: 'owner' },
  { tab: 'settings', path: '/settings', minimum: 'owner' },
];

export function orgNav(org: Pick<Org, 'id' | 'name'>, role: Role, t: Translate, current: OrgTab): SafeHtml {
  const items = TABS.filter((entry) => roleAtLeast(role, entry.minimum)).map(
    (entry) =>
      html`<li><a href="/orgs/${org.id}${entry.path}"${entry.tab === current ? html` aria-current="page"` : ''}>${t(`orgTab.${entry.tab}`)}</a></li>`,
  );
  return html`<nav class="tabs" aria-label="${org.name}"><ul>${items}</ul></nav>`;
}
