/**
 * Domains and scans in the REST API (/api/v1): the same capabilities as the pages, for
 * one organisation per token. Every route has a TypeBox schema, so bad input is a 400
 * whose `field` names the culprit, and the OpenAPI document at /api/docs is generated
 * from these routes (only routes tagged 'api' appear there).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { audit } from '../audit/audit.js';
import { renderReport } from '../scan/engine.js';
import { apiActor, tokenOf } from '../web/api-auth.js';
import {
  AddDomainBody,
  UpdateDomainBody,
  DomainListSchema,
  DomainParams,
  DomainSchema,
  LangQuery,
  PageQuery,
  ScanDetailSchema,
  ScanPageSchema,
  ScanParams,
  ScanSummarySchema,
  apiDomain,
  apiScan,
} from './api-schemas.js';
import { errors } from '../web/api.js';
import {
  activeScan,
  addDomain,
  deleteDomain,
  findDomain,
  findScan,
  listDomainsWithLatest,
  parseResult,
  scanHistory,
  setDkimSelectors,
} from './data.js';
import { parseSelectorList } from '../scan/mail-policy/selectors.js';
import { HttpError, notFound } from '../web/errors.js';

const TAGS = ['api'];

/** /api/v1/domains and /api/v1/scans (the shell's API frame checks the token first). */
export const domainApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  async function domainOrNotFound(orgId: string, domainId: string) {
    const domain = await findDomain(db, orgId, domainId);
    if (!domain) throw notFound();
    return domain;
  }

  app.get(
    '/domains',
    { schema: { tags: TAGS, summary: 'List the domains of your organisation, each with its latest scan', response: { 200: DomainListSchema, ...errors(401) } } },
    async (request) => {
      const rows = await listDomainsWithLatest(db, tokenOf(request).org_id);
      return { items: rows.map((row) => apiDomain(row.domain, row.latest)) };
    },
  );

  app.post(
    '/domains',
    { schema: { tags: TAGS, summary: 'Add a domain', body: AddDomainBody, response: { 201: DomainSchema, ...errors(400, 401, 409) } } },
    async (request, reply) => {
      const token = tokenOf(request);
      const outcome = await addDomain(db, token.org_id, request.body.name, token.id);
      if (!outcome.ok) {
        if (outcome.reason === 'invalid') throw new HttpError(400, 'error.badRequest', `body.name: ${outcome.detail}`, 'body.name');
        throw new HttpError(409, 'domainAdd.duplicate', `body.name: ${outcome.name} is already a domain of this organisation`, 'body.name');
      }
      await audit(db, apiActor(request), { orgId: token.org_id, action: 'create', recordType: 'domain', recordId: outcome.domain.id, detail: { name: outcome.domain.name } });
      return reply.status(201).header('location', `/api/v1/domains/${outcome.domain.id}`).send(apiDomain(outcome.domain, null));
    },
  );

  app.get(
    '/domains/:domainId',
    { schema: { tags: TAGS, summary: 'One domain with its latest scan', params: DomainParams, response: { 200: DomainSchema, ...errors(400, 401, 404) } } },
    async (request) => {
      const orgId = tokenOf(request).org_id;
      const domain = await domainOrNotFound(orgId, request.params.domainId);
      const latest = await scanHistory(db, orgId, { domainId: domain.id, limit: 1 });
      return apiDomain(domain, latest.items[0] ?? null);
    },
  );

  app.patch(
    '/domains/:domainId',
    {
      schema: {
        tags: TAGS,
        summary: "Set a domain's DKIM selectors",
        params: DomainParams,
        body: UpdateDomainBody,
        response: { 200: DomainSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const orgId = tokenOf(request).org_id;
      const domain = await domainOrNotFound(orgId, request.params.domainId);
      const parsed = parseSelectorList(request.body.dkimSelectors.join(' '));
      if (!parsed.ok) throw new HttpError(400, 'error.badRequest', `body.dkimSelectors: ${parsed.reason}`, 'body.dkimSelectors');
      if (!(await setDkimSelectors(db, orgId, domain.id, parsed.selectors))) throw notFound();
      await audit(db, apiActor(request), { orgId, action: 'update', recordType: 'domain', recordId: domain.id, detail: { dkimSelectors: parsed.selectors } });
      const latest = await scanHistory(db, orgId, { domainId: domain.id, limit: 1 });
      return apiDomain({ ...domain, dkim_selectors: parsed.selectors.join(' ') }, latest.items[0] ?? null);
    },
  );

  app.delete(
    '/domains/:domainId',
    { schema: { tags: TAGS, summary: 'Delete a domain and all its scans', params: DomainParams, response: { 204: Type.Null({ description: 'Deleted' }), ...errors(400, 401, 404) } } },
    async (request, reply) => {
      const orgId = tokenOf(request).org_id;
      const domain = await domainOrNotFound(orgId, request.params.domainId);
      if (!(await deleteDomain(db, orgId, domain.id))) throw notFound();
      await audit(db, apiActor(request), { orgId, action: 'delete', recordType: 'domain', recordId: domain.id, detail: { name: domain.name } });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/domains/:domainId/scans',
    {
      schema: {
        tags: TAGS,
        summary: 'Start a scan of the domain',
        description: 'Answers 202 with the queued scan; poll GET /api/v1/scans/{scanId} until status is done or failed. While a scan of the domain is waiting or running, that scan is returned instead of queueing another.',
        params: DomainParams,
        response: { 202: ScanSummarySchema, ...errors(400, 401, 404, 429) },
      },
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const domain = await domainOrNotFound(token.org_id, request.params.domainId);
      const running = await activeScan(db, token.org_id, domain.id);
      let scan = running;
      if (!scan) {
        const created = await app.deps.scans.request({ orgId: token.org_id, domainId: domain.id, target: domain.name, requestedBy: token.id });
        await audit(db, apiActor(request), { orgId: token.org_id, action: 'create', recordType: 'scan', recordId: created.id, detail: { domain: domain.name } });
        scan = created;
      }
      return reply.status(202).header('location', `/api/v1/scans/${scan.id}`).send(apiScan(scan));
    },
  );

  app.get(
    '/domains/:domainId/scans',
    { schema: { tags: TAGS, summary: 'Scan history of one domain, newest first', params: DomainParams, querystring: PageQuery, response: { 200: ScanPageSchema, ...errors(400, 401, 404) } } },
    async (request) => {
      const orgId = tokenOf(request).org_id;
      const domain = await domainOrNotFound(orgId, request.params.domainId);
      const page = await scanHistory(db, orgId, { domainId: domain.id, limit: request.query.limit, before: request.query.before });
      return { items: page.items.map(apiScan), nextBefore: page.nextBefore };
    },
  );

  app.get(
    '/scans',
    { schema: { tags: TAGS, summary: 'Scan history of the whole organisation, newest first', querystring: PageQuery, response: { 200: ScanPageSchema, ...errors(400, 401) } } },
    async (request) => {
      const page = await scanHistory(db, tokenOf(request).org_id, { limit: request.query.limit, before: request.query.before });
      return { items: page.items.map(apiScan), nextBefore: page.nextBefore };
    },
  );

  app.get(
    '/scans/:scanId',
    {
      schema: {
        tags: TAGS,
        summary: 'One scan: its status, and the report once it is done',
        params: ScanParams,
        querystring: LangQuery,
        response: { 200: ScanDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const token = tokenOf(request);
      const scan = await findScan(db, token.org_id, request.params.scanId);
      if (!scan) throw notFound();
      const result = scan.status === 'done' ? parseResult(scan.result_json) : null;
      const lang = request.query.lang ?? request.lang;
      if (result) await audit(db, apiActor(request), { orgId: token.org_id, action: 'view', recordType: 'scan', recordId: scan.id, detail: { lang } });
      return { ...apiScan(scan), report: result ? renderReport(result, lang) : null };
    },
  );
  await Promise.resolve();
};
