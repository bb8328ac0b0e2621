/** GET /healthz: 200 when the app answers and its database does, 503 otherwise. */
import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', async (request, reply) => {
    try {
      await sql`SELECT 1`.execute(app.deps.database.db);
      return await reply.send({ status: 'ok', database: app.deps.database.dialect, queue: app.deps.scans.queue.kind });
    } catch (error) {
      request.log.warn({ err: error }, 'health check: database unreachable');
      return reply.status(503).send({ status: 'unavailable', database: app.deps.database.dialect });
    }
  });
  await Promise.resolve();
};
