import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole } from '../src/orgs/data.js';
import { newId, nowIso } from '../src/db/ids.js';
import { auditOf, createOrgVia, memberClient, roleOf, userId } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

describe.each(DIALECTS)('organisations, settings and members (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = new TestClient(t.app);
    await signUp(owner, 'owner@orgs.example', 'Olga Owner');
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends a visitor who is not signed in to the login page', async () => {
    const response = await new TestClient(t.app).get('/orgs');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Forgs');
  });

  it('creates an organisation with the user as owner, lists it, and audits it', async () => {
    const page = await owner.get('/orgs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="kind" value="partner"');
    expect(page.body).toContain('You supply webshops');
    const orgId = await createOrgVia(owner, 'Bakkerij <Bol>', 'hub');
    const db = t.database.handle.db;
    expect(await roleOf(db, orgId, await userId(db, 'owner@orgs.example'))).toBe('owner');
    const list = await owner.get('/orgs');
    expect(list.body).toContain(`<a href="/orgs/${orgId}"><bdi>Bakkerij &lt;Bol&gt;</bdi></a>`);
    expect(list.body).toContain('Hub (trade association)');
    expect(list.body).toContain('<td>Owner</td>');
    const entries = await auditOf(db, orgId);
    expect(entries.map((e) => [e.action, e.record_type, e.record_id])).toEqual([['create', 'org', orgId]]);
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ name: 'Bakkerij <Bol>', kind: 'hub' });
  });

  it('refuses an unknown kind naming the field, and an empty name with a message', async () => {
    await owner.get('/orgs');
    const badKind = await owner.post('/orgs', { name: 'X', kind: 'bank' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('the field “kind” has a value that cannot be accepted');
    const noName = await owner.post('/orgs', { name: '   ', kind: 'webshop' });
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('Enter a name for the organisation.');
  });

  it('lets the owner rename and change the kind, auditing exactly what changed', async () => {
    const orgId = await createOrgVia(owner, 'Old name');
    const form = await owner.get(`/orgs/${orgId}/settings`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Old name"');
    const saved = await owner.post(`/orgs/${orgId}/settings`, { name: 'New name', kind: 'partner' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/orgs/${orgId}/settings?saved=1`);
    const db = t.database.handle.db;
    const org = await db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
    expect([org.name, org.kind, org.require_totp]).toEqual(['New name', 'partner', 0]);
    const update = (await auditOf(db, orgId)).filter((e) => e.action === 'update');
    expect(update).toHaveLength(1);
    expect(JSON.parse(update[0]?.detail ?? '{}')).toEqual({ name: { from: 'Old name', to: 'New name' }, kind: { from: 'webshop', to: 'partner' } });
    // Saving without a change writes nothing.
    await owner.get(`/orgs/${orgId}/settings`);
    await owner.post(`/orgs/${orgId}/settings`, { name: 'New name', kind: 'partner' });
    expect((await auditOf(db, orgId)).filter((e) => e.action === 'update')).toHaveLength(1);
  });

  it('requires the owner’s own second factor before requiring one for all, then enforces it', async () => {
    const orgId = await createOrgVia(owner, 'Strict shop');
    const db = t.database.handle.db;
    const { client: member } = await memberClient(t, orgId, 'member-no-totp@orgs.example', 'member');
    await owner.get(`/orgs/${orgId}/settings`);
    const refused = await owner.post(`/orgs/${orgId}/settings`, { name: 'Strict shop', kind: 'webshop', require_totp: '1' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Set up a second factor for your own account first');
    // Give the owner a second factor (the TOTP flow itself is tested elsewhere).
    await db.updateTable('users').set({ totp_enabled_at: nowIso() }).where('email', '=', 'owner@orgs.example').execute();
    const settings = await owner.get(`/orgs/${orgId}/settings`);
    expect(settings.body).toContain('Members without a second factor right now: 1.');
    const accepted = await owner.post(`/orgs/${orgId}/settings`, { name: 'Strict shop', kind: 'webshop', require_totp: '1' });
    expect(accepted.statusCode).toBe(303);
    const change = (await auditOf(db, orgId)).find((e) => e.action === 'update');
    expect(JSON.parse(change?.detail ?? '{}')).toEqual({ require_totp: { from: false, to: true } });
    const blocked = await member.get(`/orgs/${orgId}/members`);
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe(`/account/security?requiredBy=${orgId}`);
    await db.updateTable('users').set({ totp_enabled_at: null }).where('email', '=', 'owner@orgs.example').execute();
  });

  it('keeps roles apart: member and viewer cannot manage, a non-member sees 404', async () => {
    const orgId = await createOrgVia(owner, 'Roles shop');
    const { client: member } = await memberClient(t, orgId, 'member@roles.example', 'member');
    const { client: viewer } = await memberClient(t, orgId, 'viewer@roles.example', 'viewer');
    const outsider = new TestClient(t.app);
    await signUp(outsider, 'outsider@roles.example');

    const seen = await viewer.get(`/orgs/${orgId}/members`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('member@roles.example');
    expect(seen.body).not.toContain(`/orgs/${orgId}/invitations"`);
    expect((await viewer.post(`/orgs/${orgId}/invitations`, { email: 'x@roles.example', role: 'viewer' })).statusCode).toBe(403);
    expect((await member.post(`/orgs/${orgId}/invitations`, { email: 'x@roles.example', role: 'viewer' })).statusCode).toBe(403);
    expect((await member.get(`/orgs/${orgId}/settings`)).statusCode).toBe(403);
    expect((await member.post(`/orgs/${orgId}/settings`, { name: 'Hijack', kind: 'webshop' })).statusCode).toBe(403);
    const viewerId = await userId(t.database.handle.db, 'viewer@roles.example');
    expect((await member.post(`/orgs/${orgId}/members/${viewerId}/remove`)).statusCode).toBe(403);
    expect((await member.post(`/orgs/${orgId}/members/${viewerId}/role`, { role: 'owner' })).statusCode).toBe(403);

    for (const url of [`/orgs/${orgId}/members`, `/orgs/${orgId}/settings`]) expect((await outsider.get(url)).statusCode).toBe(404);
    await outsider.get('/orgs');
    expect((await outsider.post(`/orgs/${orgId}/invitations`, { email: 'x@roles.example', role: 'viewer' })).statusCode).toBe(404);
    expect((await outsider.post(`/orgs/${orgId}/members/${viewerId}/remove`)).statusCode).toBe(404);
    expect((await owner.get('/orgs/not-an-id/members')).statusCode).toBe(404);
    expect(await roleOf(t.database.handle.db, orgId, viewerId)).toBe('viewer');
  });

  it('changes roles and removes members, never the last owner, and audits each change', async () => {
    const orgId = await createOrgVia(owner, 'Owner rules');
    const db = t.database.handle.db;
    const ownerId = await userId(db, 'owner@orgs.example');
    const { id: memberId } = await memberClient(t, orgId, 'member@owner-rules.example', 'member');

    await owner.get(`/orgs/${orgId}/members`);
    const demoteSelf = await owner.post(`/orgs/${orgId}/members/${ownerId}/role`, { role: 'viewer' });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.body).toContain('This is the last owner of the organisation.');
    const removeSelf = await owner.post(`/orgs/${orgId}/members/${ownerId}/remove`);
    expect(removeSelf.statusCode).toBe(409);
    expect(await roleOf(db, orgId, ownerId)).toBe('owner');

    const toViewer = await owner.post(`/orgs/${orgId}/members/${memberId}/role`, { role: 'viewer' });
    expect(toViewer.statusCode).toBe(303);
    expect(await roleOf(db, orgId, memberId)).toBe('viewer');
    expect((await owner.post(`/orgs/${orgId}/members/${memberId}/role`, { role: 'boss' })).statusCode).toBe(400);

    // With a second owner, the first may step down.
    expect((await owner.post(`/orgs/${orgId}/members/${memberId}/role`, { role: 'owner' })).statusCode).toBe(303);
    expect((await owner.post(`/orgs/${orgId}/members/${ownerId}/role`, { role: 'member' })).statusCode).toBe(303);
    expect(await roleOf(db, orgId, ownerId)).toBe('member');
    // Now a member, the former owner can no longer manage members, but can leave.
    expect((await owner.post(`/orgs/${orgId}/members/${memberId}/remove`)).statusCode).toBe(403);
    const leave = await owner.post(`/orgs/${orgId}/members/${ownerId}/remove`);
    expect(leave.statusCode).toBe(303);
    expect(leave.headers.location).toBe('/orgs');
    expect(await roleOf(db, orgId, ownerId)).toBeUndefined();
    expect((await owner.get(`/orgs/${orgId}/members`)).statusCode).toBe(404);

    const changes = (await auditOf(db, orgId)).filter((e) => e.record_type === 'membership');
    expect(changes.map((e) => [e.action, e.record_id, JSON.parse(e.detail ?? '{}') as unknown])).toEqual([
      ['update', memberId, { role: { from: 'member', to: 'viewer' } }],
      ['update', memberId, { role: { from: 'viewer', to: 'owner' } }],
      ['update', ownerId, { role: { from: 'owner', to: 'member' } }],
      ['delete', ownerId, { role: 'member', left: true }],
    ]);
    expect(changes.every((e) => e.user_id === ownerId && e.ip)).toBe(true);
  });

  it('lets an owner remove a member; an unknown member or invitation is a 404', async () => {
    const orgId = await createOrgVia(owner, 'Removal shop');
    const db = t.database.handle.db;
    const { id: viewerId, client: viewer } = await memberClient(t, orgId, 'gone@removal.example', 'viewer');
    await owner.get(`/orgs/${orgId}/members`);
    const removed = await owner.post(`/orgs/${orgId}/members/${viewerId}/remove`);
    expect(removed.statusCode).toBe(200);
    expect(removed.body).toContain('Test User was removed from the organisation.');
    expect(await roleOf(db, orgId, viewerId)).toBeUndefined();
    expect((await viewer.get(`/orgs/${orgId}/members`)).statusCode).toBe(404);
    expect((await owner.post(`/orgs/${orgId}/members/${viewerId}/remove`)).statusCode).toBe(404);
    expect((await owner.post(`/orgs/${orgId}/members/${viewerId}/role`, { role: 'member' })).statusCode).toBe(404);
    expect((await owner.post(`/orgs/${orgId}/invitations/${viewerId}/revoke`)).statusCode).toBe(404);
  });

  it('never leaves an organisation without an owner when two owners demote each other at once', async () => {
    const db = t.database.handle.db;
    const ownerId = await userId(db, 'owner@orgs.example');
    // Many pairs at once, so that without the lock some pair's transactions would overlap.
    const orgIds: string[] = [];
    const seconds: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const orgId = await createOrgVia(owner, `Race shop ${i}`);
      orgIds.push(orgId);
      // Straight into the database: sign-up through the app is rate-limited per address.
      const second = { id: newId(), email: `second-owner-${i}@race.example`, display_name: 'Second', password_hash: 'x', lang: null, is_admin: 0, totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, created_at: nowIso() };
      await db.insertInto('users').values(second).execute();
      await db.insertInto('memberships').values({ org_id: orgId, user_id: second.id, role: 'owner', created_at: nowIso() }).execute();
      seconds.push(second.id);
    }
    const results = await Promise.all(
      orgIds.map((orgId, i) => Promise.all([changeRole(db, orgId, ownerId, 'member'), changeRole(db, orgId, seconds[i] ?? '', 'member')])),
    );
    for (const pair of results) expect(pair.map((r) => r.outcome).sort()).toEqual(['done', 'lastOwner']);
    const owners = await db.selectFrom('memberships').select('org_id').where('org_id', 'in', orgIds).where('role', '=', 'owner').execute();
    expect(owners).toHaveLength(orgIds.length);
  });
});
