/**
 * The API's request and response shapes (TypeBox, so they validate requests, shape
 * responses and feed the OpenAPI document at /api/docs). Field names are camelCase,
 * like the scan report contract.
 */
import { Type, type Static } from 'typebox';
import type { Domain } from '../db/schema.js';
import { dkimSelectorsOf, type ScanSummary } from './data.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid', description: 'Record id (UUID)' });
const Timestamp = Type.String({ format: 'date-time' });

export const ScanStatusSchema = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]);
const CheckStatusSchema = Type.Union([Type.Literal('fail'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('pass'), Type.Literal('skip')]);

export const ScanSummarySchema = Type.Object({
  id: Id,
  domainId: Id,
  target: Type.String({ description: 'The domain name scanned' }),
  status: ScanStatusSchema,
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
  scoreWeb: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  scoreMail: Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'null when mail was not scanned' })),
  countFail: Nullable(Type.Integer()),
  countWarn: Nullable(Type.Integer()),
  countPass: Nullable(Type.Integer()),
  error: Nullable(Type.String({ description: 'Why a failed scan could not complete' })),
});

export const DomainSchema = Type.Object({
  id: Id,
  name: Type.String({ description: 'Normalised domain name (lower case, punycode)' }),
  createdAt: Timestamp,
  dkimSelectors: Type.Array(Type.String(), { description: 'DKIM selectors every scan of this domain looks up, besides the common ones' }),
  latestScan: Type.Optional(Nullable(ScanSummarySchema)),
});

export const ReportSchema = Type.Object(
  {
    target: Type.String(),
    startedAt: Timestamp,
    durationMs: Type.Number(),
    scores: Type.Object({ web: Nullable(Type.Number()), mail: Nullable(Type.Number()), overall: Nullable(Type.Number()) }),
    checks: Type.Array(
      Type.Object({
        id: Type.String(),
        status: CheckStatusSchema,
        summary: Type.String(),
        advice: Type.String(),
        evidence: Type.Object({}, { additionalProperties: true }),
      }),
    ),
  },
  { description: 'The scan contract: the same JSON as `weerbaar scan --json`, in the requested language' },
);

export const ScanDetailSchema = Type.Object({
  ...ScanSummarySchema.properties,
  report: Nullable(ReportSchema),
});

export const ScanPageSchema = Type.Object({
  items: Type.Array(ScanSummarySchema),
  nextBefore: Nullable(Type.String({ description: 'Pass as ?before= for the next, older page; null on the last page' })),
});

export const DomainListSchema = Type.Object({ items: Type.Array(DomainSchema) });

export const DomainParams = Type.Object({ domainId: Id });
export const ScanParams = Type.Object({ scanId: Id });
export const UpdateDomainBody = Type.Object({
  dkimSelectors: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    maxItems: 20,
    description: 'DKIM selectors your mail provider signs with (e.g. selector1); replaces the list',
  }),
});
export const AddDomainBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 300, description: 'Domain name or web address, e.g. shop.example' }) });
export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Scans per page' }),
  before: Type.Optional(Type.String({ format: 'uuid', description: 'The nextBefore of the previous page' })),
});
export const LangQuery = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('nl'), Type.Literal('sv')], { description: 'Language of summaries and advice; default from Accept-Language, else en' })),
});


export type ApiScanSummary = Static<typeof ScanSummarySchema>;
export type ApiDomain = Static<typeof DomainSchema>;

export function apiScan(scan: ScanSummary): ApiScanSummary {
  return {
    id: scan.id,
    domainId: scan.domain_id,
    target: scan.target,
    status: scan.status,
    createdAt: scan.created_at,
    startedAt: scan.started_at,
    finishedAt: scan.finished_at,
    scoreWeb: scan.score_web,
    scoreMail: scan.score_mail,
    countFail: scan.count_fail,
    countWarn: scan.count_warn,
    countPass: scan.count_pass,
    error: scan.error,
  };
}

export function apiDomain(domain: Pick<Domain, 'id' | 'name' | 'created_at' | 'dkim_selectors'>, latest?: ScanSummary | null): ApiDomain {
  return {
    id: domain.id,
    name: domain.name,
    createdAt: domain.created_at,
    dkimSelectors: dkimSelectorsOf(domain),
    ...(latest === undefined ? {} : { latestScan: latest ? apiScan(latest) : null }),
  };
}
