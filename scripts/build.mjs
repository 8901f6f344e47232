/**
 * Builds dist/: the type declarations with tsc, and the code with esbuild as one bundle
 * split among its entry points (the package, the CLI, the worker thread), so that each
 * module exists once and Node loads a handful of files instead of about 130. Importing the
 * package took 90 ms on an idle core as separate modules and 33 ms bundled, in the CLI's
 * thread and again in each worker thread (bench/README.md, "All cores").
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

// A clean dist/: files of an earlier layout must not be found by mistake.
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await build({
  entryPoints: ['src/index.ts', 'src/cli/main.ts', 'src/engine/worker-main.ts'],
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay packages of their own, resolved by Node as for any importer.
  packages: 'external',
  // Names as written: messages and stack traces show them.
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
});
