/**
 * The architecture as rules (docs/architecture.md): no import cycles, between files or
 * between folders, and no layer importing one above it. `npm run lint:deps` runs it, and
 * `npm test` runs that. Type-only imports count: a cycle of types is still a knot a reader
 * has to untie.
 *
 * Layers, bottom up: core; scan (the engine), db, mail; jobs; web (the shell); the
 * features (every other folder under src/); server (the composition root); cli.
 * A new feature folder needs no entry here: the lower layers' allow-lists exclude it.
 */
const lower = (...allowed) => `^src/(?!(?:${allowed.join('|')})/)`;

export default {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'Files import each other in a circle.', from: {}, to: { circular: true } },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment: 'Two folders import each other (directly or round a circle): one of them is in the wrong place.',
      from: {},
      to: { circular: true },
    },
    { name: 'core-is-the-floor', severity: 'error', comment: 'src/core/ imports nothing of ours.', from: { path: '^src/core/' }, to: { path: lower('core') } },
    { name: 'scan-is-an-engine', severity: 'error', comment: 'The scanner knows nothing of storage, web or features.', from: { path: '^src/scan/' }, to: { path: lower('core', 'scan') } },
    { name: 'db-below-features', severity: 'error', from: { path: '^src/db/' }, to: { path: lower('core', 'db') } },
    { name: 'mail-below-features', severity: 'error', from: { path: '^src/mail/' }, to: { path: lower('core', 'mail') } },
    { name: 'jobs-below-features', severity: 'error', from: { path: '^src/jobs/' }, to: { path: lower('core', 'db', 'scan', 'jobs') } },
    { name: 'docs-from-the-engine', severity: 'error', from: { path: '^src/docs/' }, to: { path: lower('core', 'scan', 'docs') } },
    {
      name: 'shell-knows-no-feature',
      severity: 'error',
      comment: 'src/web/ is the shell: features register themselves through src/server/features.ts.',
      from: { path: '^src/web/' },
      to: { path: lower('core', 'db', 'jobs', 'mail', 'web') },
    },
    { name: 'server-is-the-root', severity: 'error', comment: 'Only the CLI starts the server.', from: { path: '^src/(?!server/|cli/)' }, to: { path: '^src/server/' } },
    { name: 'cli-is-the-top', severity: 'error', from: { path: '^src/(?!cli/)' }, to: { path: '^src/cli/' } },
    { name: 'no-tests-in-src', severity: 'error', from: { path: '^src/' }, to: { path: '^(test|bench|scripts)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
