/**
 * The shell of the web app: Fastify with our security defaults (strict CSP, HSTS, CSRF on
 * every form, secure cookies), sessions from the database, the UI language per request,
 * one error handler that answers pages with HTML and the API with JSON naming the field,
 * and the features (feature.ts) registered in the order given.
 */
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Lang } from '../core/lang.js';
import type { ApiToken, Session, User } from '../db/schema.js';
import { apiRoutes } from './api.js';
import { Redirect } from './context.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './errors.js';
import type { Feature, NavLink, OrgTab } from './feature.js';
import { healthRoutes } from './health.js';
import { html, type SafeHtml } from './html.js';
import { createTranslators, langFromAcceptLanguage, mergeUiTexts, type Translate, type Translators, type UiTexts } from './i18n.js';
import { layout, type FrameLinks } from './layout.js';
import { loadSession, SESSION_COOKIE } from './sessions.js';
import { SHELL_TEXTS } from './texts.js';

export interface PageView {
  title: string;
  body: SafeHtml;
  org?: { id: string; name: string } | undefined;
  status?: number;
}

export interface RouteInfo {
  method: string;
  url: string;
  /** The route's schema (params/querystring/body), so tests can build valid requests. */
  schema?: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeTable: RouteInfo[];
    /** Every feature's tabs on an organisation's pages, in order (org-nav.ts). */
    orgTabs: readonly OrgTab[];
    /** A translator per language over the shell's and every feature's texts. */
    translate: Translators;
  }
  interface FastifyRequest {
    /** The signed-in user (session fully authenticated), else null. */
    user: User | null;
    /** The session behind the cookie, also while it waits for the second factor. */
    session: Session | null;
    /** Set by the API's bearer-token hook. */
    apiToken: ApiToken | null;
    lang: Lang;
    t: Translate;
  }
  interface FastifyReply {
    page(view: PageView): FastifyReply;
    csrfField(): SafeHtml;
  }
}

export type App = FastifyInstance;

const STATIC_ROOT = fileURLToPath(new URL('./static/', import.meta.url));
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The shell's texts and every feature's, merged; a key defined twice is an error at start. */
export function allUiTexts(features: readonly Feature[]): UiTexts {
  return mergeUiTexts([SHELL_TEXTS, ...features.flatMap((feature) => (feature.texts ? [feature.texts] : []))]);
}

const byOrder = <T extends { order: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.order - b.order);

function frameLinks(features: readonly Feature[], deps: AppDeps): FrameLinks {
  const collect = (pick: (feature: Feature) => readonly NavLink[] | undefined): NavLink[] => byOrder(features.flatMap((feature) => pick(feature) ?? []));
  return {
    signedIn: collect((feature) => feature.nav?.signedIn),
    signedOut: collect((feature) => feature.nav?.signedOut),
    footer: collect((feature) => feature.footer?.(deps.config)),
  };
}

const CSRF_COOKIE = '_csrf';
// 'auto': Secure whenever the request came over HTTPS (directly or via a trusted proxy).
const CSRF_COOKIE_OPTS = { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' } as const;

/**
 * A CSRF token for one form. The plugin makes a new secret at every call when the request
 * brought no _csrf cookie, and the cookie then holds only the last one, so only the last
 * form of a page would work. Make the secret once per response (the plugin's format: 18
 * random bytes, base64url) and let every later call on this request use it.
 */
function csrfToken(reply: FastifyReply): string {
  const cookies = reply.request.cookies;
  if (!cookies[CSRF_COOKIE]) {
    const secret = randomBytes(18).toString('base64url');
    reply.setCookie(CSRF_COOKIE, secret, CSRF_COOKIE_OPTS);
    cookies[CSRF_COOKIE] = secret;
  }
  return reply.generateCsrf();
}

export async function buildApp(deps: AppDeps, features: readonly Feature[]): Promise<FastifyInstance> {
  const names = new Set<string>();
  for (const feature of features) {
    if (names.has(feature.name)) throw new Error(`feature "${feature.name}" is registered twice`);
    names.add(feature.name);
  }
  const translate = createTranslators(allUiTexts(features));
  const links = frameLinks(features, deps);

  const app = Fastify({
    logger: { level: deps.config.logLevel, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 256 * 1024,
    // Ids are UUIDs and users type addresses by hand; a trailing slash should not 404.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('routeTable', [] as RouteInfo[]);
  app.decorate('orgTabs', byOrder(features.flatMap((feature) => feature.orgTabs ?? [])));
  app.decorate('translate', translate);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, schema: route.schema });
  });
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('apiToken', null);
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as unknown as Translate);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: CSRF_COOKIE_OPTS,
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'error.tooManyRequests', `too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
  await app.register(fastifyStatic, { root: STATIC_ROOT, prefix: '/static/', maxAge: '1h', index: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Weerbaar API', version: '1', description: 'The records of one organisation (domains, scans, its privacy-statement answers, ...), authenticated with an API token (Authorization: Bearer ...).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    hideUntagged: true,
  });

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/static/') || request.url === '/healthz') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await loadSession(deps.database.db, token);
      if (found) {
        request.session = found.session;
        if (found.session.stage === 'full') request.user = found.user;
      }
    }
    const chosen = request.user?.lang;
    request.lang = chosen === 'en' || chosen === 'nl' || chosen === 'sv' ? chosen : (langFromAcceptLanguage(request.headers['accept-language']) ?? 'en');
    request.t = translate(request.lang);
  });

  // CSRF on every state-changing form; the API authenticates with bearer tokens, not cookies.
  app.addHook('preHandler', (request, reply, done) => {
    if (STATE_CHANGING.has(request.method) && !request.url.startsWith('/api/')) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });

  // Pages, API answers and downloads (reports, audit exports) hold an organisation's data:
  // no cache may keep them. Only the static assets are cacheable.
  app.addHook('onSend', (request, reply, payload, done) => {
    // The app uses no camera, microphone, location or payment APIs; say so, so an injected frame cannot either.
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (!request.url.startsWith('/static/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  // PostgreSQL cannot store U+0000 in text, and no form or API field needs it: refuse it
  // for every route with a clear 400 instead of a database error.
  app.addHook('preValidation', (request, _reply, done) => {
    const found = findNulField({ body: request.body, querystring: request.query, params: request.params });
    const problem = found?.reason === 'deep' ? `is nested more than ${MAX_INPUT_DEPTH} deep: refused` : 'contains a NUL character';
    done(found ? new HttpError(400, found.reason === 'deep' ? 'error.tooDeep' : 'error.nul', `${found.field} ${problem}`, found.field) : undefined);
  });

  app.decorateReply('csrfField', function (this: FastifyReply): SafeHtml {
    return html`<input type="hidden" name="_csrf" value="${csrfToken(this)}">`;
  });
  app.decorateReply('page', function (this: FastifyReply, view: PageView): FastifyReply {
    const request = this.request;
    const token = request.user ? csrfToken(this) : undefined;
    return this.status(view.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(layout({ lang: request.lang, t: request.t, title: view.title, body: view.body, user: request.user, csrfToken: token, org: view.org, links }));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => handleError(new HttpError(404, 'error.notFound', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`), request, reply));

  await app.register(healthRoutes);
  for (const feature of features) if (feature.routes) await app.register(feature.routes);
  await app.register(apiRoutes(features), { prefix: '/api' });
  return app;
}

/** Deeper than any field of ours; a body nested further is refused rather than walked. */
const MAX_INPUT_DEPTH = 32;

/**
 * The first field holding a NUL, or a too-deep nesting. Iterative, so a hostile body of
 * thousands of nested arrays cannot exhaust the stack (it would otherwise answer 500).
 */
function findNulField(value: unknown): { field: string; reason: 'nul' | 'deep' } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { field: path, reason: 'nul' };
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: path, reason: 'deep' };
    // Reversed, so fields are looked at in their order (the first NUL is the one named).
    for (const [key, inner] of Object.entries(current).reverse()) stack.push({ value: inner, path: path ? `${path}.${key}` : key, depth: depth + 1 });
  }
  return undefined;
}

function describeValidation(error: FastifyError): { message: string; field: string; key: string } {
  const first = error.validation?.[0];
  const part = error.validationContext ?? 'body';
  // Ajv names a missing field in missingProperty; TypeBox (the API's validator, api.ts) in requiredProperties.
  const params = first?.params as { missingProperty?: string; requiredProperties?: string[] } | undefined;
  const missing = params?.missingProperty ?? params?.requiredProperties?.[0];
  const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = [part, path, missing].filter(Boolean).join('.');
  const key = first?.keyword === 'maxLength' || first?.keyword === 'maxItems' ? 'error.tooLong' : missing ? 'error.missing' : 'error.badField';
  return { field, key, message: `${field} ${first?.message ?? 'is invalid'}` };
}

/** "body.name" as the form knows it: "name" ('' for the body as a whole). */
const formField = (field: string | undefined): string => (field ?? '').replace(/^(body|querystring|params)\.?/, '');
/** Error texts that name the form field at fault. */
const FIELD_PROBLEMS = new Set(['error.badRequest', 'error.badField', 'error.tooLong', 'error.missing', 'error.nul', 'error.tooDeep']);

function handleError(error: FastifyError | HttpError | Redirect, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof Redirect) return reply.redirect(error.location, 303);
  const isApi = request.url.startsWith('/api/');
  let status = 500;
  let key = 'error.internal';
  let message = 'internal error';
  let field: string | undefined;
  if (error instanceof HttpError) {
    ({ statusCode: status, textKey: key, message, field } = error);
  } else if (error.validation) {
    status = 400;
    ({ field, message, key } = describeValidation(error));
  } else if (error.code?.startsWith('FST_CSRF')) {
    status = 403;
    key = 'error.csrf';
    message = 'missing or invalid CSRF token';
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    key = 'error.badRequest';
    message = error.message;
  }
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (status === 429) {
    const retry = Number(reply.getHeader('retry-after') ?? 60);
    message = `too many requests; retry in ${retry} s`;
    if (isApi) return reply.status(429).send({ error: { status, message } });
    // t may be unset when the limit hit before onRequest finished.
    const t = request.t ?? request.server.translate('en');
    return reply.page({ title: t('error.title'), status, body: html`<h1>${t('error.title')}</h1><p role="alert">${t('error.tooManyRequests', { count: retry })}</p>` });
  }
  if (isApi) return reply.status(status).send({ error: { status, message, ...(field ? { field } : {}) } });
  const t = request.t ?? request.server.translate('en');
  // The page says it in the reader's language and names the form field; `message` (English) is for the API.
  const name = formField(field);
  const text = !FIELD_PROBLEMS.has(key) ? t(key) : name ? t(key === 'error.badRequest' ? 'error.badField' : key, { field: name }) : t('error.badForm');
  return reply.page({
    title: t('error.title'),
    status,
    body: html`<h1>${t('error.title')}</h1><p role="alert">${text}</p><p><a href="/">${t('error.back')}</a></p>`,
  });
}
