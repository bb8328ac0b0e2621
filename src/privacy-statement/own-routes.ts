/**
 * Weerbaar's own privacy statement. An instance collects personal data itself (accounts, the
 * audit log), so the operator publishes a statement the same way we ask shops to: on its own
 * page, linked from every page. It is generated from the operator's answers
 * (WEERBAAR_PRIVACY_ANSWERS) by the same generator, in the visitor's language where the
 * operator publishes in it. Without answers there is no page and no link.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { GENERATOR_LANGS, generateStatement, renderHtml, type GeneratorLang } from './generator/index.js';
import { notFound } from '../web/errors.js';
import { html, raw } from '../web/html.js';

const Query = Type.Object({ lang: Type.Optional(Type.Enum([...GENERATOR_LANGS])) });

export const ownPrivacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/privacy', { schema: { querystring: Query } }, (request, reply) => {
    const answers = app.deps.config.privacyStatement;
    if (!answers) throw notFound();
    const published: readonly GeneratorLang[] = answers.languages ?? GENERATOR_LANGS;
    const wanted = request.query.lang ?? request.lang;
    const lang = published.includes(wanted) ? wanted : (published[0] ?? 'en');
    const doc = generateStatement(answers, lang);
    const others = published.filter((code) => code !== lang);
    return reply.page({
      title: doc.title,
      body: html`${others.length ? html`<nav class="tabs" aria-label="${request.t('privacyStatement.languages')}"><ul>${published.map((code) => html`<li><a href="/privacy?lang=${code}" hreflang="${code}"${code === lang ? html` aria-current="page"` : ''}>${request.t(`privacyForm.lang.${code}`)}</a></li>`)}</ul></nav>` : ''}
        ${raw(renderHtml(doc))}`,
    });
  });
  await Promise.resolve();
};
