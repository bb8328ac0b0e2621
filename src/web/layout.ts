/**
 * The page frame: skip link, header with navigation, main, footer. No inline script or
 * style anywhere (the CSP forbids both); behaviour comes from /static/app.js and works
 * without it. The links in header and footer come from the features (feature.ts).
 */
import type { Lang } from '../core/lang.js';
import type { User } from '../db/schema.js';
import type { NavLink } from './feature.js';
import { html, userText, type SafeHtml } from './html.js';
import type { Translate } from './i18n.js';

/** The header and footer links of every feature, in their order. */
export interface FrameLinks {
  signedIn: readonly NavLink[];
  signedOut: readonly NavLink[];
  footer: readonly NavLink[];
}

export interface PageFrame {
  lang: Lang;
  t: Translate;
  title: string;
  body: SafeHtml;
  user: User | null;
  /** Needed for forms in the header (sign out) when a user is signed in. */
  csrfToken: string | undefined;
  org?: { id: string; name: string } | undefined;
  links: FrameLinks;
}

/** The current organisation's link sits right after the first header link (the list of organisations). */
const ORG_LINK_AFTER = 1;

function navItem(link: NavLink, t: Translate, csrfToken: string | undefined): SafeHtml {
  if (link.method === 'post') {
    return html`<li>
            <form method="post" action="${link.href}" class="inline">
              <input type="hidden" name="_csrf" value="${csrfToken ?? ''}">
              <button type="submit" class="link">${t(link.textKey)}</button>
            </form>
          </li>`;
  }
  return html`<li><a href="${link.href}">${t(link.textKey)}</a></li>`;
}

export function layout(frame: PageFrame): string {
  const { t, user, org, links } = frame;
  const items = (user ? links.signedIn : links.signedOut).map((link) => navItem(link, t, frame.csrfToken));
  if (user && org) items.splice(ORG_LINK_AFTER, 0, html`<li><a href="/orgs/${org.id}" aria-current="page">${userText(org.name)}</a></li>`);
  const nav = html`<nav aria-label="${t('nav.menu')}">
        <ul>
          ${items}
        </ul>
      </nav>`;
  const footer = links.footer.map((link) => html` · <a href="${link.href}">${t(link.textKey)}</a>`);
  return `<!doctype html>
${html`<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>\u2068${frame.title}\u2069 · ${t('app.name')}</title>
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
<footer class="site"><p>${t('app.tagline')}${footer}</p></footer>
</body>
</html>`.value}`;
}
