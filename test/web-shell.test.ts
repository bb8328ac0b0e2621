/**
 * The shell registers what features hand it (src/web/feature.ts) and nothing else: their pages,
 * their API routes behind the token guard, their words, their tabs and links in order, and their
 * migrations. Tiny features of the test's own, next to the real ones, on a real database.
 */
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/core/secret-box.js';
import { InProcessQueue } from '../src/jobs/in-process-queue.js';
import { ScanService } from '../src/jobs/scan-service.js';
import { allMigrations, FEATURES } from '../src/server/features.js';
import { buildApp } from '../src/web/app.js';
import { orgContext } from '../src/web/context.js';
import { DEFAULT_APP_CONFIG, type AppConfig } from '../src/web/deps.js';
import type { Feature } from '../src/web/feature.js';
import { html } from '../src/web/html.js';
import { orgNav } from '../src/web/org-nav.js';
import { createOrgVia } from './web/org-helpers.js';
import { createTestDatabase, MemoryMailer, signUp, TestClient, type TestDatabase } from './web/harness.js';

const texts = (words: Record<string, string>) => ({ en: words, nl: words, sv: words });

const pages: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { orgId: string } }>('/orgs/:orgId/notes', async (request, reply) => {
    const ctx = await orgContext(request, request.params.orgId);
    return reply.page({ title: 'Notes', org: ctx.org, body: html`${orgNav(request, ctx.org, ctx.role, 'notes')}<h1>${request.t('notes.title')}</h1>` });
  });
  await Promise.resolve();
};
const api: FastifyPluginAsync = async (app) => {
  app.get('/notes', () => ({ items: [] }));
  await Promise.resolve();
};
const NOTES: Feature = {
  name: 'notes',
  texts: texts({ 'notes.title': 'All notes', 'orgTab.notes': 'Notes tab', 'nav.notes': 'Notes link', 'footer.notes': 'Notes footer' }),
  routes: pages,
  api,
  orgTabs: [
    { id: 'notes', path: '/notes', textKey: 'orgTab.notes', minimum: 'viewer', order: 15 },
    { id: 'hidden', path: '/hidden', textKey: 'notes.title', minimum: 'owner', order: 99 },
  ],
  nav: { signedIn: [{ href: '/notes', textKey: 'nav.notes', order: 5 }] },
  footer: (config) => (config.baseUrl.startsWith('https:') ? [{ href: '/notes-footer', textKey: 'footer.notes', order: 1 }] : []),
};

async function appWith(database: TestDatabase, features: readonly Feature[], config: Partial<AppConfig> = {}) {
  const queue = new InProcessQueue(database.handle.db);
  return buildApp(
    {
      database: database.handle,
      secretBox: SecretBox.fromKey(Buffer.alloc(32, 7)),
      mailer: new MemoryMailer(),
      scans: new ScanService(database.handle.db, queue, {}),
      config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent', ...config },
    },
    features,
  );
}

describe('the shell and the features it is handed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database.drop();
  });

  it('registers a feature\'s pages, words, tabs (in order, by role) and header link', async () => {
    const app = await appWith(database, [...FEATURES, NOTES]);
    const owner = new TestClient(app);
    await signUp(owner, 'shell@example.org');
    const orgId = await createOrgVia(owner, 'Shell shop');
    const page = await owner.get(`/orgs/${orgId}/notes`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>All notes</h1>');
    const tabNav = /<nav class="tabs"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? '';
    const tabs = [...tabNav.matchAll(/<li><a href="\/orgs\/[^/"]+([^"]*)"/g)].map((match) => match[1]);
    // Overview (10), then the new tab (15), then members (20) ...; the owner also sees the owner-only one, last.
    expect(tabs.slice(0, 3)).toEqual(['', '/notes', '/members']);
    expect(tabs.at(-1)).toBe('/hidden');
    expect(page.body).toContain('aria-current="page">Notes tab</a>');
    // The header link (order 5) comes before the list of organisations (order 10).
    const header = /<header class="site">[\s\S]*?<\/header>/.exec(page.body)?.[0] ?? '';
    expect(header.indexOf('href="/notes"')).toBeGreaterThan(-1);
    expect(header.indexOf('href="/notes"')).toBeLessThan(header.indexOf('href="/orgs"'));
    await app.close();
  });

  it('puts a feature\'s API routes behind the token guard, and its footer link only when its configuration says so', async () => {
    const plain = await appWith(database, [...FEATURES, NOTES]);
    expect((await plain.inject({ method: 'GET', url: '/api/v1/notes' })).statusCode).toBe(401);
    expect((await plain.inject({ method: 'GET', url: '/login' })).body).not.toContain('/notes-footer');
    await plain.close();
    const secure = await appWith(database, [...FEATURES, NOTES], { baseUrl: 'https://weerbaar.example' });
    expect((await secure.inject({ method: 'GET', url: '/login' })).body).toContain('<a href="/notes-footer">Notes footer</a>');
    await secure.close();
  });

  it('refuses a feature registered twice, and a word two features define', async () => {
    await expect(appWith(database, [...FEATURES, NOTES, NOTES])).rejects.toThrow(/feature "notes" is registered twice/);
    const thief: Feature = { name: 'thief', texts: texts({ 'notes.title': 'Mine' }) };
    await expect(appWith(database, [...FEATURES, NOTES, thief])).rejects.toThrow(/"notes.title" is defined twice/);
  });

  it('collects every feature\'s migrations, and refuses two with one name', () => {
    expect(Object.keys(allMigrations('sqlite'))).toContain('007-privacy-statement');
    const clash: Feature = { name: 'clash', migrations: () => ({ '007-privacy-statement': { up: () => Promise.resolve() } }) };
    expect(() => allMigrations('sqlite', [...FEATURES, clash])).toThrow(/"007-privacy-statement" of feature clash is defined twice/);
  });
});
