/**
 * The REST API's frame (mounted at /api): the OpenAPI document at /api/docs, and /api/v1,
 * where every request needs an API token (api-auth.ts) and each feature registers its
 * routes. The error shape is shared: `{"error": {"status", "message", "field"}}`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireApiToken } from './api-auth.js';
import type { Feature } from './feature.js';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      status: Type.Integer(),
      message: Type.String({ description: 'What is wrong, in plain English' }),
      field: Type.Optional(Type.String({ description: 'The request field at fault, e.g. body.name or querystring.limit' })),
    }),
  },
  { description: 'An error' },
);

/** Error responses for a route's schema: `...errors(400, 401, 404)`. */
export const errors = (...codes: number[]): Record<number, typeof ErrorResponse> => Object.fromEntries(codes.map((code) => [code, ErrorResponse]));

export function apiRoutes(features: readonly Feature[]): FastifyPluginAsync {
  const v1: FastifyPluginAsync = async (app) => {
    app.addHook('onRequest', requireApiToken);
    for (const feature of features) if (feature.api) await app.register(feature.api);
  };
  return async (app) => {
    // Public: the OpenAPI document of the routes below (untagged routes, like this one, are left out).
    app.get('/docs', (_request, reply) => reply.send(app.swagger()));
    await app.register(v1, { prefix: '/v1' });
  };
}
