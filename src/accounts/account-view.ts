/** Small pieces the account pages share: messages, times, the user's organisations that require TOTP. */
import type { Kysely } from 'kysely';
import type { Database, Org } from '../db/schema.js';
import { html, type SafeHtml } from '../web/html.js';

/** An error above a form; role=alert so a screen reader announces it on arrival. */
export function alertBox(message: string | undefined, id?: string): SafeHtml | string {
  return message ? html`<p class="alert" role="alert"${id ? html` id="${id}"` : ''}>${message}</p>` : '';
}

/** A calm confirmation ("saved") after a redirect. */
export function noticeBox(message: string | undefined): SafeHtml | string {
  return message ? html`<p class="notice" role="status">${message}</p>` : '';
}

/** "2026-11-22 14:03 UTC" inside a <time> element (no client-side formatting needed). */
export function timeTag(iso: string): SafeHtml {
  const shown = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return html`<time datetime="${iso}">${shown}</time>`;
}

/** Organisations the user belongs to that require a second factor of their members. */
export function orgsRequiringTotp(db: Kysely<Database>, userId: string): Promise<Pick<Org, 'id' | 'name'>[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
    .select(['orgs.id', 'orgs.name'])
    .where('memberships.user_id', '=', userId)
    .where('orgs.require_totp', '=', 1)
    .orderBy('orgs.name')
    .execute();
}
