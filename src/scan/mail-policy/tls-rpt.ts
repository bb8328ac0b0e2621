/** TLS-RPT records (RFC 8460 3): `v=TLSRPTv1; rua=mailto:...,https://...`. */
import { clip, parseTagList } from './tag-list.js';

export type TlsRptParse = { ok: true; rua: string[] } | { ok: false; reason: string };

export function looksLikeTlsRpt(text: string): boolean {
  return /^v=TLSRPTv1\s*(;|$)/.test(text.trim());
}

function validRua(uri: string): boolean {
  if (/^mailto:[^@\s,;!]+@[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/i.test(uri)) return true;
  if (!/^https:\/\//i.test(uri)) return false;
  try {
    return new URL(uri).hostname.length > 0;
  } catch {
    return false;
  }
}

export function parseTlsRpt(text: string): TlsRptParse {
  const list = parseTagList(text.trim());
  if (!list.ok) return { ok: false, reason: `the record is not a valid tag list: ${list.reason}` };
  if (list.order[0] !== 'v' || list.tags.get('v') !== 'TLSRPTv1') return { ok: false, reason: 'the record must start with v=TLSRPTv1' };
  const rua = list.tags.get('rua');
  if (rua === undefined || rua === '') return { ok: false, reason: 'the required rua tag (where reports go) is missing' };
  const uris = rua.split(',').map((uri) => uri.trim());
  for (const uri of uris) {
    if (!validRua(uri)) return { ok: false, reason: `rua entry "${clip(uri)}" is not a mailto: or https:// address` };
  }
  return { ok: true, rua: uris };
}
