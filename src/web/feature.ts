/**
 * What a feature hands the shell. A feature is one folder (src/accounts/, src/domains/,
 * ...) whose index.ts exports one `Feature`; src/server/features.ts lists them, and the
 * shell registers each: its pages, its API routes behind the token guard, its texts, its
 * tabs on an organisation's pages and its links in the page frame. The shell imports no
 * feature; features import the shell.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../db/dialect.js';
import type { Role } from '../db/schema.js';
import type { AppConfig } from './deps.js';
import type { UiTexts } from './i18n.js';

/** A link in the page header or footer. `post` renders a button in a form with the CSRF token (sign out). */
export interface NavLink {
  href: string;
  /** UI text key of the link's words. */
  textKey: string;
  method?: 'get' | 'post';
  /** Position among all features' links, lowest first. */
  order: number;
}

/** A tab on an organisation's pages, shown to members of at least `minimum` role. */
export interface OrgTab {
  /** What a page passes to orgNav() to mark its tab as current. */
  id: string;
  /** Below /orgs/:orgId ('' for the overview). */
  path: string;
  textKey: string;
  minimum: Role;
  order: number;
}

export interface Feature {
  /** Short and unique: the folder's name. */
  name: string;
  /** Interface words in EN/NL/SV; a key may be defined by one feature only. */
  texts?: UiTexts;
  /** Pages and forms (a Fastify plugin, registered at the root). */
  routes?: FastifyPluginAsync;
  /** REST routes, registered under /api/v1 behind the API-token guard; tag them 'api' for the OpenAPI document. */
  api?: FastifyPluginAsync;
  orgTabs?: readonly OrgTab[];
  /** Header links for signed-in and for anonymous visitors. */
  nav?: { signedIn?: readonly NavLink[]; signedOut?: readonly NavLink[] };
  /** Footer links, which may depend on the configuration (e.g. only when a statement is published). */
  footer?: (config: AppConfig) => readonly NavLink[];
  /**
   * Database migrations the feature owns, by name. Names are ordered across all features
   * (Kysely runs them sorted): take the next free number, e.g. '008-assess'.
   */
  migrations?: (dialect: Dialect) => Record<string, Migration>;
}
