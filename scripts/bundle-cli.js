// The `weerbaar` command as one ESM bundle with a chunk per lazily loaded part (each
// subcommand, each scan area's collectors), so a command reads a handful of files instead
// of several hundred: resolving and reading each module was most of a scan's start-up
// (docs/decisions.md, "CLI start-up"). The platform commands (serve, worker, admin) are
// not in it: main.ts imports them from the compiled tree (dist/cli/serve.js) at run time.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old ones.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native addons, and packages that read their own files at run time, stay in node_modules.
  external: ['better-sqlite3', 'argon2', 'playwright-core', 'pdfjs-dist', 'pg-native'],
  // Bundled CommonJS dependencies call require(); give them Node's.
  banner: { js: "import { createRequire as weerbaarCreateRequire } from 'node:module'; const require = weerbaarCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  minifyWhitespace: true,
  minifySyntax: true,
});
