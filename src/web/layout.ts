/**
 * The page frame: skip link, header with navigation, main, footer. No inline script or
 * style anywhere (the CSP forbids both); behaviour comes from /static/app.js and works
 * without it.
 */
import type { Lang } from '../core/lang.js';
import type { User } from '../db/schema.js';
import { html, type SafeHtml } from './html.js';
import type { Translate } from './i18n.js';

export interface PageFrame {
  lang: Lang;
  t: Translate;
  title: string;
  body: SafeHtml;
  user: User | null;
  /** Needed for the sign-out form when a user is signed in. */
  csrfToken: string | undefined;
  org?: { id: string; name: string } | undefined;
  /** Link the instance's own privacy statement from every page (when the operator published one). */
  privacyLink?: boolean;
}

export function layout(frame: PageFrame): string {
  const { t, user, org } = frame;
  const nav = user
    ? html`<nav aria-label="${t('nav.orgs')}">
        <ul>
          <li><a href="/orgs">${t('nav.orgs')}</a></li>
          ${org ? html`<li><a href="/orgs/${org.id}" aria-current="page">${org.name}</a></li>` : ''}
          <li><a href="/account">${t('nav.account')}</a></li>
          <li>
            <form method="post" action="/logout" class="inline">
              <input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}">
              <button type="submit" class="link">${t('nav.signOut')}</button>
            </form>
          </li>
        </ul>
      </nav>`
    : html`<nav aria-label="${t('nav.signIn')}">
        <ul>
          <li><a href="/login">${t('nav.signIn')}</a></li>
          <li><a href="/signup">${t('nav.signUp')}</a></li>
        </ul>
      </nav>`;
  return `<!doctype html>
${html`<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${t('app.name')}</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('nav.skip')}</a>
<header class="site">
  <a class="brand" href="/">${t('app.name')}</a>
  ${nav}
</header>
<main id="main" tabindex="-1">
${frame.body}
</main>
<footer class="site"><p>${t('app.tagline')}${frame.privacyLink ? html` · <a href="/privacy">${t('footer.privacy')}</a>` : ''}</p></footer>
</body>
</html>`.value}`;
}
