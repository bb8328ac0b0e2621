/** Small pieces every feature's pages share: messages above a form, and times. */
import { html, type SafeHtml } from './html.js';

/** An error above a form; role=alert so a screen reader announces it on arrival. */
export function alertBox(message: string | undefined, id?: string): SafeHtml | string {
  return message ? html`<p class="alert" role="alert"${id ? html` id="${id}"` : ''}>${message}</p>` : '';
}

/** A calm confirmation ("saved") after a redirect. */
export function noticeBox(message: string | undefined): SafeHtml | string {
  return message ? html`<p class="notice" role="status">${message}</p>` : '';
}

/** "2026-11-22 14:03 UTC" inside a <time> element (no client-side formatting needed); nothing for no time. */
export function timeTag(iso: string | null): SafeHtml | string {
  if (!iso) return '';
  return html`<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`;
}
