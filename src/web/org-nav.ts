/** The tabs of an organisation's pages, from every feature's `orgTabs`; each page says which one is current. */
import type { FastifyRequest } from 'fastify';
import type { Org, Role } from '../db/schema.js';
import { roleAtLeast } from './context.js';
import { html, type SafeHtml } from './html.js';

export function orgNav(request: FastifyRequest, org: Pick<Org, 'id' | 'name'>, role: Role, current: string): SafeHtml {
  const t = request.t;
  const items = request.server.orgTabs
    .filter((tab) => roleAtLeast(role, tab.minimum))
    .map((tab) => html`<li><a href="/orgs/${org.id}${tab.path}"${tab.id === current ? html` aria-current="page"` : ''}>${t(tab.textKey)}</a></li>`);
  return html`<nav class="tabs" aria-label="${org.name}"><ul>${items}</ul></nav>`;
}
