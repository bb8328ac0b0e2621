/**
 * Content signatures for web.exposure: a sensitive path only counts as exposed when
 * its answer looks like the real file, because many sites answer every unknown path
 * with status 200 and the home page (a "soft 404"). The collector judges an answer with
 * these while it holds the bytes and keeps only the name of the signature that matched:
 * the content of an exposed file (passwords, keys, customer data) never enters evidence.
 */
import type { ExposureKind } from '../../evidence/index.js';

/** What a signature looks at: the first bytes of the body and the page title (read further in). */
export interface ProbedContent {
  snippet: string;
  title?: string;
}

const looksHtml = (text: string): boolean => /^\s*(<!doctype|<html|<head|<body|<\?xml|<!--)/i.test(text);
const meaningfulLines = (text: string): string[] =>
  text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));

function envFile(text: string): boolean {
  if (looksHtml(text)) return false;
  const lines = meaningfulLines(text);
  // The last line may be cut off by the snippet limit.
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
  const assignments = complete.filter((line) => /^(export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=/.test(line));
  return assignments.length > 0 && assignments.length * 2 >= complete.length;
}

const SIGNATURES: Record<string, { kind: ExposureKind; matches: (content: ProbedContent) => boolean }> = {
  '/.git/HEAD': { kind: 'git', matches: ({ snippet }) => /^\s*ref:\s*refs\//.test(snippet) || /^[0-9a-f]{40}([0-9a-f]{24})?\s*$/.test(snippet) },
  '/.git/config': { kind: 'git', matches: ({ snippet }) => !looksHtml(snippet) && /^\s*\[core\]/m.test(snippet) },
  '/.env': { kind: 'env', matches: ({ snippet }) => envFile(snippet) },
  '/.svn/entries': { kind: 'svn', matches: ({ snippet }) => /^\d{1,2}\s*(\n\s*dir\b|$)/.test(snippet) || /<wc-entries/.test(snippet) },
  '/.DS_Store': { kind: 'dsStore', matches: ({ snippet }) => snippet.startsWith('\u0000\u0000\u0000\u0001Bud1') },
  '/.htpasswd': {
    kind: 'htpasswd',
    matches: ({ snippet }) =>
      !looksHtml(snippet) && /^[^:\s#<>]+:(\$apr1\$|\$2[abxy]?\$|\{SHA\}|\$[156]\$|[./0-9A-Za-z]{13}\s*$)/m.test(snippet),
  },
  '/wp-config.php.bak': { kind: 'wpConfig', matches: ({ snippet }) => /define\s*\(\s*['"]DB_(NAME|USER|PASSWORD|HOST)['"]/.test(snippet) },
  '/phpinfo.php': {
    kind: 'phpinfo',
    matches: ({ snippet, title }) => /phpinfo\(\)/i.test(title ?? '') || /<title>phpinfo\(\)<\/title>|PHP Version \d/i.test(snippet),
  },
  '/server-status': {
    kind: 'serverStatus',
    matches: ({ snippet, title }) =>
      /Apache Status/i.test(title ?? '') || /Apache Server Status for/i.test(snippet) || /^Active connections:\s*\d+/.test(snippet),
  },
};
const SQL_DUMP = /(CREATE TABLE|INSERT INTO|-- MySQL dump|-- MariaDB dump|-- PostgreSQL database dump|-- phpMyAdmin SQL Dump|DROP TABLE IF EXISTS)/i;
for (const path of ['/backup.sql', '/dump.sql', '/database.sql']) {
  SIGNATURES[path] = { kind: 'sqlDump', matches: ({ snippet }) => !looksHtml(snippet) && SQL_DUMP.test(snippet) };
}

/** The kind of sensitive file this content at this path really is, or undefined (look-alike, soft 404). */
export function matchSignature(path: string, content: ProbedContent): ExposureKind | undefined {
  const signature = SIGNATURES[path];
  return signature?.matches(content) ? signature.kind : undefined;
}
