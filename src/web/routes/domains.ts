import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const domainRoutes: FastifyPluginAsyncTypebox = async (_app) => {};
