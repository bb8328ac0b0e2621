import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const apiRoutes: FastifyPluginAsyncTypebox = async (_app) => {};
