/**
 * The REST API's frame (mounted at /api): the OpenAPI document at /api/docs, and /api/v1,
 * where every request needs an API token (api-auth.ts) and each feature registers its
 * routes. The error shape is shared: `{"error": {"status", "message", "field"}}`.
 */
import type { FastifyPluginAsync, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
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

/**
 * Validation for /api/v1, without the type coercion of the app's Ajv. That one coerces
 * (coerceTypes 'array') because the HTML forms need it: a form sends every value as text,
 * and a group of checkboxes with one ticked sends one value, not a list. A JSON client
 * sends types, so `{"name": 123}` or `{"name": ["a.test"]}` is a mistake to name (400,
 * "body.name must be string"), not to guess at. Query strings and path parameters are
 * text by nature: they are still converted (?limit=5 is 5) and get their defaults.
 * A route with its own validatorCompiler (the privacy-statement answers) keeps it.
 */
export const apiValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    const input = httpPart === 'body' ? value : Value.Convert(schema, Value.Default(schema, value));
    if (check.Check(input)) return { value: input };
    const first = check.Errors(input)[0];
    return { error: (first ? [first] : []) as unknown as FastifySchemaValidationError[] };
  };
};

export function apiRoutes(features: readonly Feature[]): FastifyPluginAsync {
  const v1: FastifyPluginAsync = async (app) => {
    app.addHook('onRequest', requireApiToken);
    app.setValidatorCompiler(apiValidatorCompiler);
    for (const feature of features) if (feature.api) await app.register(feature.api);
  };
  return async (app) => {
    // Public: the OpenAPI document of the routes below (untagged routes, like this one, are left out).
    app.get('/docs', (_request, reply) => reply.send(app.swagger()));
    await app.register(v1, { prefix: '/v1' });
  };
}
