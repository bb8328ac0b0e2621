/**
 * Set-Cookie parsing (RFC 6265 section 5.2, with the SameSite and prefix rules of
 * RFC 6265bis) and the session-cookie heuristics used by web.cookies.
 */

export interface ParsedCookie {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** The SameSite value as sent, lower-cased; undefined when absent. */
  sameSite?: string;
  domain?: string;
  path?: string;
  maxAge?: number;
  expires?: string;
}

export function parseSetCookie(header: string): ParsedCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  // RFC 6265bis: a pair without '=' is a cookie with an empty name.
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  if (eq < 0 && pair.trim() === '') return undefined;
  const cookie: ParsedCookie = { name, secure: false, httpOnly: false };
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    switch (key) {
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite':
        cookie.sameSite = value.toLowerCase();
        break;
      case 'domain':
        cookie.domain = value.replace(/^\./, '').toLowerCase();
        break;
      case 'path':
        cookie.path = value;
        break;
      case 'max-age':
        if (/^-?\d+$/.test(value)) cookie.maxAge = Number(value);
        break;
      case 'expires':
        cookie.expires = value;
        break;
      default:
        break;
    }
  }
  return cookie;
}

/** Well-known session cookie names of web platforms and shop systems (prefixes removed, lower-case). */
const SESSION_NAMES =
  /^(phpsessid|jsessionid|asp\.net_sessionid|aspsessionid\w*|connect\.sid|laravel_session|ci_session|sessionid|session|sid|frontend|ocsessid|prestashop-\w+|wordpress_logged_in_\w+|wordpress_sec_\w+|wp_woocommerce_session_\w+|_secure_session_id|_session_id|session-\d+|shopware-\w*session\w*)$/;
/** Names that look like a session: sess, session, sessid, sessionid or sid as a separate word. */
const SESSION_WORD = /(^|[^a-z0-9])(sess|session|sessid|sessionid|sid)([^a-z0-9]|$)/;

export function withoutPrefix(name: string): string {
  return name.replace(/^__(host|secure)-/i, '');
}

/** 'known' for a recognised session cookie name, 'lifetime' for a cookie that ends with the browser session. */
export function sessionLike(cookie: ParsedCookie): 'known' | 'lifetime' | false {
  const name = withoutPrefix(cookie.name).toLowerCase();
  if (SESSION_NAMES.test(name) || SESSION_WORD.test(name)) return 'known';
  if (cookie.maxAge === undefined && cookie.expires === undefined) return 'lifetime';
  return false;
}

/** A Set-Cookie that deletes a cookie (Max-Age <= 0 or Expires in the past) carries nothing to protect. */
export function isDeletion(cookie: ParsedCookie, now: Date): boolean {
  if (cookie.maxAge !== undefined) return cookie.maxAge <= 0;
  if (cookie.expires !== undefined) {
    const time = Date.parse(cookie.expires);
    return Number.isFinite(time) && time <= now.getTime();
  }
  return false;
}

/** Why browsers reject the cookie under the __Secure-/__Host- prefix rules, if they do. */
export function prefixViolation(cookie: ParsedCookie): string | undefined {
  const lower = cookie.name.toLowerCase();
  if (lower.startsWith('__secure-') && !cookie.secure) return '__Secure- needs Secure';
  if (lower.startsWith('__host-')) {
    if (!cookie.secure) return '__Host- needs Secure';
    if (cookie.domain !== undefined) return '__Host- must not have Domain';
    if (cookie.path !== '/') return '__Host- needs Path=/';
  }
  return undefined;
}
