import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/audit/audit.js';
import { newId, nowIso } from '../src/db/ids.js';
import { auditOf, createOrgVia, memberClient, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

/** A strict RFC 4180 reader, so the test checks the export's quoting rather than trusting it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (ch === '"' || ch === '\n' || ch === '\r') throw new Error(`unquoted ${JSON.stringify(ch)} at ${i}`);
    else cell += ch;
  }
  if (quoted || cell !== '' || row.length) throw new Error('CSV does not end with a complete line');
  return rows;
}

describe.each(DIALECTS)('the audit log (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = new TestClient(t.app);
    // A name that a spreadsheet would run as a formula.
    await signUp(owner, 'owner@audit.example', '=cmd|\' /C calc\'!A0');
    orgId = await createOrgVia(owner, 'Audit shop');
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the owner who did what, newest first, and logs the viewing itself', async () => {
    const db = t.database.handle.db;
    const token = { id: newId(), org_id: orgId, name: 'deploy-bot', prefix: 'wb_abc', token_hash: newId(), created_by: await userId(db, 'owner@audit.example'), created_at: nowIso(), last_used_at: null, revoked_at: null };
    await db.insertInto('api_tokens').values(token).execute();
    await audit(db, { userId: null, apiTokenId: token.id, ip: '127.0.0.9' }, { orgId, action: 'create', recordType: 'domain', recordId: 'dom-1', detail: { name: 'shop.example' } });
    const page = await owner.get(`/orgs/${orgId}/audit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('API token deploy-bot');
    expect(page.body).toContain('127.0.0.9');
    expect(page.body).toContain('owner@audit.example');
    expect(page.body).toContain('{&quot;name&quot;:&quot;shop.example&quot;}');
    // Newest first: this view, then the token's entry, then the organisation's creation.
    const order = [' viewed the audit log', 'API token deploy-bot added the domain shop.example', ' created the organisation Audit shop'].map((text) => page.body.replace(/<\/?bdi>/g, '').indexOf(text));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const views = (await auditOf(db, orgId)).filter((e) => e.action === 'view' && e.record_type === 'audit_log');
    expect(views).toHaveLength(1);
  });

  it('is for owners only: members get 403, others 404', async () => {
    const { client: member } = await memberClient(t, orgId, 'member@audit.example', 'member');
    expect((await member.get(`/orgs/${orgId}/audit`)).statusCode).toBe(403);
    expect((await member.get(`/orgs/${orgId}/audit/export?format=csv`)).statusCode).toBe(403);
    const outsider = new TestClient(t.app);
    await signUp(outsider, 'outsider@audit.example');
    expect((await outsider.get(`/orgs/${orgId}/audit`)).statusCode).toBe(404);
    expect((await outsider.get(`/orgs/${orgId}/audit/export?format=json`)).statusCode).toBe(404);
  });

  it('pages through every entry exactly once, also when entries share a timestamp', async () => {
    const otherOwner = new TestClient(t.app);
    await signUp(otherOwner, 'pager@audit.example');
    const pagedOrg = await createOrgVia(otherOwner, 'Paged shop');
    const db = t.database.handle.db;
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    // 120 entries, in groups of three with the same millisecond.
    for (let i = 0; i < 120; i += 1) {
      await audit(db, { userId: null, ip: null }, { orgId: pagedOrg, action: 'update', recordType: 'domain', recordId: `rec-${String(i).padStart(3, '0')}` }, new Date(base + Math.floor(i / 3) * 1000));
    }
    const seen: string[] = [];
    let url: string | undefined = `/orgs/${pagedOrg}/audit`;
    let pages = 0;
    while (url) {
      const page = await otherOwner.get(url);
      expect(page.statusCode).toBe(200);
      seen.push(...[...page.body.matchAll(/<code>(rec-\d{3})<\/code>/g)].map((m) => m[1] ?? ''));
      url = /<a href="([^"]+)" rel="next">/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    // Newest first; within one millisecond the order is by id, so compare per group of three.
    expect(seen.slice(0, 3).sort()).toEqual(['rec-117', 'rec-118', 'rec-119']);
    expect(seen.slice(117).sort()).toEqual(['rec-000', 'rec-001', 'rec-002']);
    expect((await otherOwner.get(`/orgs/${pagedOrg}/audit?before=yesterday`)).statusCode).toBe(400);
  });

  it('exports every entry as CSV (escaped, formula-safe) and JSON, and logs each export', async () => {
    const db = t.database.handle.db;
    await audit(db, { userId: null, ip: '127.0.0.9' }, { orgId, action: 'update', recordType: 'note', recordId: '@risky', detail: { text: 'comma, "quote"\nnewline' } });
    const csv = await owner.get(`/orgs/${orgId}/audit/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="weerbaar-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    const [header, ...entries] = rows;
    expect(header).toEqual(['at', 'user_id', 'user_name', 'user_email', 'api_token_id', 'api_token_name', 'ip', 'action', 'record_type', 'record_id', 'detail']);
    expect(entries.every((row) => row.length === header?.length)).toBe(true);
    const all = await auditOf(db, orgId);
    expect(entries).toHaveLength(all.length);
    const exportRow = entries.find((row) => row[7] === 'export');
    expect(exportRow?.[10]).toBe('{"format":"csv"}');
    expect(exportRow?.[2]).toBe("'=cmd|' /C calc'!A0");
    const risky = entries.find((row) => row[8] === 'note');
    expect(risky?.[9]).toBe("'@risky");
    expect(JSON.parse(risky?.[10] ?? '')).toEqual({ text: 'comma, "quote"\nnewline' });
    expect(entries.some((row) => row[7] === 'create' && row[8] === 'org' && row[9] === orgId)).toBe(true);

    const json = await owner.get(`/orgs/${orgId}/audit/export?format=json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/\.json"$/);
    const parsed = JSON.parse(json.body) as { org: { id: string }; entries: { action: string; record_type: string; detail: unknown; user_email: string | null }[] };
    expect(parsed.org.id).toBe(orgId);
    expect(parsed.entries).toHaveLength(all.length + 1);
    expect(parsed.entries[0]).toMatchObject({ action: 'export', detail: { format: 'json' }, user_email: 'owner@audit.example' });
    expect(parsed.entries.filter((e) => e.action === 'export')).toHaveLength(2);
    expect(parsed.entries.find((e) => e.record_type === 'note')?.detail).toEqual({ text: 'comma, "quote"\nnewline' });
    expect((await owner.get(`/orgs/${orgId}/audit/export?format=xml`)).statusCode).toBe(400);
  });

  it('cannot be changed: no route edits entries, and the database refuses UPDATE and DELETE', async () => {
    const writers = t.app.routeTable.filter((route) => route.method !== 'GET' && route.url.includes('/audit'));
    expect(writers).toEqual([]);
    const db = t.database.handle.db;
    const before = await auditOf(db, orgId);
    await expect(db.updateTable('audit_log').set({ detail: 'tampered' }).where('org_id', '=', orgId).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('org_id', '=', orgId).execute()).rejects.toThrow(/append-only/);
    expect(await auditOf(db, orgId)).toEqual(before);
  });
});
