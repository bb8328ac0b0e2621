/**
 * Bearer-token authentication for /api/v1: `Authorization: Bearer wb_...`, looked up by
 * its SHA-256, refused when unknown or revoked. The token stands for its organisation;
 * every API handler scopes its queries to request.apiToken.org_id.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret, nowIso } from '../db/ids.js';
import type { ApiToken } from '../db/schema.js';
import type { Actor } from './context.js';

/** last_used_at is written at most this often per token, so busy scripts cost no extra writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

function refuse(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .status(401)
    .header('www-authenticate', 'Bearer realm="weerbaar"')
    .send({ error: { status: 401, message } });
}

export async function requireApiToken(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const header = request.headers.authorization;
  if (!header) {
    return refuse(reply, 'missing Authorization header: send "Authorization: Bearer <token>" with an API token of your organisation (created by an owner under API tokens)');
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match?.[1]) return refuse(reply, 'the Authorization header must be "Bearer <token>"');
  const token = match[1];
  if (!token.startsWith('wb_')) return refuse(reply, 'this is not a Weerbaar API token (they start with wb_)');
  const db = request.server.deps.database.db;
  const found = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!found) return refuse(reply, 'unknown API token');
  if (found.revoked_at) return refuse(reply, 'this API token has been revoked; ask an owner of your organisation for a new one');
  const now = new Date();
  if (!found.last_used_at || now.getTime() - Date.parse(found.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    found.last_used_at = nowIso(now);
    await db.updateTable('api_tokens').set({ last_used_at: found.last_used_at }).where('id', '=', found.id).execute();
  }
  request.apiToken = found;
  return undefined;
}

/** The authenticated token (the hook guarantees it on every /api/v1 route). */
export function tokenOf(request: FastifyRequest): ApiToken {
  if (!request.apiToken) throw new Error('API route reached without a token; is the hook registered?');
  return request.apiToken;
}

export const apiActor = (request: FastifyRequest): Actor => ({ userId: null, apiTokenId: tokenOf(request).id, ip: request.ip });
