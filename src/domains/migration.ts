/**
 * Scans stored before issue 13 kept the first 512 bytes (and the <title>) of every
 * sensitive path the scanner fetched, such as an exposed `.env` or database dump, inside
 * result_json. No page or API shows them any more, but they are someone else's secrets in
 * our database and in every backup of it: this migration removes them from stored results.
 * A probe is recognised by its shape (a `path` and a `bodyBytes`, as ExposedPathProbe had),
 * wherever it sits in the JSON. Scans are read and written in pages, so a large database
 * needs no more memory than one page.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Database } from '../db/schema.js';

const PAGE = 200;
const CONTENT_FIELDS = ['snippet', 'title'] as const;

/** `value` with the content fields removed from every exposed-path probe in it; `changed` says whether any was. */
export function withoutFileContent(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const isProbe = typeof record.path === 'string' && typeof record.bodyBytes === 'number';
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(record)) {
      if (isProbe && (CONTENT_FIELDS as readonly string[]).includes(key)) {
        changed = true;
        continue;
      }
      out[key] = walk(inner);
    }
    return out;
  };
  const result = walk(value);
  return { value: result, changed };
}

/** Remove file content from every stored scan result; returns how many scans changed. */
export async function scrubStoredFileContent(db: Kysely<Database>): Promise<number> {
  let after = '';
  let changedScans = 0;
  for (;;) {
    const page = await db
      .selectFrom('scans')
      .select(['id', 'result_json'])
      .where('id', '>', after)
      .where('result_json', 'like', '%"snippet"%')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const scan of page) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(scan.result_json ?? 'null');
      } catch {
        continue; // not JSON: nothing we wrote, leave it as it is
      }
      const { value, changed } = withoutFileContent(parsed);
      if (!changed) continue;
      await db.updateTable('scans').set({ result_json: JSON.stringify(value) }).where('id', '=', scan.id).execute();
      changedScans += 1;
    }
    if (page.length < PAGE) return changedScans;
    after = page[page.length - 1]?.id ?? after;
  }
}

export const scansWithoutFileContentMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await scrubStoredFileContent(db as Kysely<Database>);
  },
  // What was removed is gone on purpose; there is nothing to put back.
  async down(): Promise<void> {},
};
