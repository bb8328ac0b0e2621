/**
 * The audit export as a spreadsheet reads it: every cell quoted, and no place where a
 * reader splitting on `,` or on `;` (Dutch and German Excel), strictly or leniently, or on
 * nothing but line breaks, could start a cell with a formula character.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv, csvCell, EXPORT_COLUMNS, type AuditRow } from '../src/audit/export.js';
import { createOrgVia } from './web/org-helpers.js';
import { DIALECTS, signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const HOSTILE = [
  'Jan;=1+1;',
  '=1+1',
  '+31 6 1234',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1',
  '\r=1',
  ' =1',
  'a,=1',
  'a, =1',
  'a;"=1+1"',
  'a;""@x',
  'a\n=1',
  'a\r\n-1',
  '"=1"',
  'x;;@y',
  '=HYPERLINK("http://evil.example","click")',
  "ok;+cmd|' /C calc'!A0",
  '{"a":[1,-2],"b":"=x"}',
];

/**
 * A lenient reader like a spreadsheet's import: a cell that starts with a quote runs to the
 * quote before a separator or line end ("" is a quote); a stray quote elsewhere is text.
 */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endOfCell = (at: number): boolean => at >= text.length || text[at] === separator || text[at] === '\r' || text[at] === '\n';
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"' && endOfCell(i + 1)) {
          i += 1;
          break;
        } else {
          cell += text[i];
          i += 1;
        }
      }
    }
    while (!endOfCell(i)) {
      cell += text[i];
      i += 1;
    }
    row.push(cell);
    if (text[i] === separator) i += 1;
    else {
      rows.push(row);
      row = [];
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else i += 1;
    }
  }
  return rows;
}

/** A reader that knows no quotes at all: cells are what lies between separators and line breaks. */
const naiveCells = (text: string, separator: string): string[] => text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));

/** What a spreadsheet looks at: the first character after any spaces and quotes it drops. */
const FORMULA = /^[ "]*[=+\-@\t\r]/;

function formulaCells(csv: string): string[] {
  const cells = [...readCsv(csv, ',').flat(), ...readCsv(csv, ';').flat(), ...naiveCells(csv, ','), ...naiveCells(csv, ';'), ...naiveCells(csv, '\t')];
  return cells.filter((cell) => FORMULA.test(cell));
}

function row(value: string): AuditRow {
  return {
    id: 'id', at: '2026-12-07T10:00:00.000Z', org_id: 'org', user_id: value, user_name: value, user_email: value, api_token_id: value, token_name: value,
    ip: value, action: 'update', record_type: value, record_id: value, detail: value,
  };
}

describe('CSV cells', () => {
  it('quotes every cell (RFC 4180) and puts an apostrophe before each formula start', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('2026-11-22T10:00:00.000Z')).toBe('"2026-11-22T10:00:00.000Z"');
    expect(csvCell('Jan;=1+1;')).toBe(`"Jan;'=1+1;"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a, =1')).toBe(`"a,' =1"`);
    expect(csvCell('\r=1')).toBe(`"'\r'=1"`);
    expect(csvCell('\t=1')).toBe(`"'\t'=1"`);
    expect(csvCell('a - b; c@d.example')).toBe('"a - b; c@d.example"');
  });

  it.each(HOSTILE)('%j: no reader, on , or ;, sees a cell that starts a formula', (value) => {
    const csv = auditCsv([row(value)]).replace(/^\uFEFF/, '');
    expect(formulaCells(csv)).toEqual([]);
    // The strict reading on ',' still gives the columns, each the value with its apostrophes.
    const strict = readCsv(csv, ',');
    expect(strict[0]).toEqual([...EXPORT_COLUMNS]);
    expect(strict[1]).toHaveLength(EXPORT_COLUMNS.length);
    expect(strict[1]?.[2]?.replace(/'/g, '')).toBe(value.replace(/'/g, ''));
  });

  it('the check itself finds the formulas in the unprotected cells', () => {
    const unprotected = `"${HOSTILE[0]}","=1"\r\n`;
    expect(formulaCells(unprotected).length).toBeGreaterThan(0);
  });
});

describe.each(DIALECTS)('the audit export with hostile names (%s)', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = new TestClient(t.app);
    await signUp(owner, 'owner@csv.example', 'Jan;=1+1;');
    orgId = await createOrgVia(owner, '@Shop;-2+3,+cmd');
  });
  afterAll(async () => {
    await t.close();
  });

  it('has no formula start anywhere a spreadsheet could begin a cell', async () => {
    const response = await owner.get(`/orgs/${orgId}/audit/export?format=csv`);
    expect(response.statusCode).toBe(200);
    const csv = response.body.replace(/^\uFEFF/, '');
    expect(csv).toContain(`"Jan;'=1+1;"`);
    expect(formulaCells(csv)).toEqual([]);
  });
});
