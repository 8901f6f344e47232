/**
 * One JavaScript file of a simulation file and the local files it imports, for worker
 * threads to import without tsx. Registering tsx's loader in a thread (a hooks thread of its
 * own) and importing through it cost each worker 0.3-0.5 s of start-up on 2 cores: with 2
 * workers, a 1-minute run took 1.43-1.48 s, and 1.15-1.26 s with them importing a bundle.
 *
 * A bundle changes what a module sees of its own location, so where a bundled file reads it
 * (`import.meta`, `__dirname`, `__filename`), loads code at run time (`require(`, `import(`)
 * or is CommonJS, there is no bundle and the workers import through tsx as before. Packages
 * stay outside the bundle, imported from where Node resolves them for the file, so the
 * package in the bundle is the one the worker has loaded. The bundle carries a source map:
 * errors thrown in the file point at its own lines. This package, where none is installed
 * for the file, is the copy that runs the bundle (see own-package.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isEsModule } from './import-typescript.js';
import { ownPackageFile } from './own-package.js';

const bundles = new Map<string, Promise<string | null>>();

/** Code that would read its own location or load code at run time: bundled, it would not do the same. */
const LOCATION_OR_LOADING = /\bimport\.meta\b|\b__dirname\b|\b__filename\b|\brequire\s*\(|\bimport\s*\(/;

/** The file: URL of `module` bundled (made once per process), or null where it cannot be. */
export function bundleSimulation(module: string): Promise<string | null> {
  let bundle = bundles.get(module);
  if (bundle === undefined) {
    bundle = build(module).catch(() => null);
    bundles.set(module, bundle);
  }
  return bundle;
}

async function build(module: string): Promise<string | null> {
  const path = fileURLToPath(module);
  if (!isEsModule(path)) return null;
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'deep-faker-bundle-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    // Its source map names the files relative to where the bundle is.
    const file = join(dir, 'simulation.mjs');
    const result = await esbuild.build({
      entryPoints: [path],
      outfile: file,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      sourcemap: 'inline',
      // A flow's name is its generator's name: the bundler renames functions whose names
      // collide across the bundle's scopes (a second `function* f` became f2) unless told to
      // keep them.
      keepNames: true,
      logLevel: 'silent',
      // As Node resolves: no "module" condition or field, which esbuild would otherwise prefer.
      conditions: [],
      mainFields: ['main'],
      plugins: [{
        name: 'packages-where-node-finds-them',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === RESOLVING || args.path.startsWith('node:') || builtinModules.includes(args.path)) return undefined;
            const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: RESOLVING });
            if (found.errors.length > 0) {
              // This package where none is installed for the file: the copy that runs it.
              const own = ownPackageFile(args.path);
              if (own === undefined) throw new Error(found.errors[0]!.text);
              return { path: pathToFileURL(own).href, external: true };
            }
            return { path: pathToFileURL(found.path).href, external: true };
          });
        },
      }],
    });
    const files = Object.keys(result.metafile.inputs);
    if (files.some((input) => LOCATION_OR_LOADING.test(readFileSync(input, 'utf8')))) {
      remove();
      return null;
    }
    writeFileSync(file, result.outputFiles[0]!.contents);
    process.once('exit', remove);
    return pathToFileURL(file).href;
  } catch (error) {
    remove();
    throw error;
  }
}

const RESOLVING = Symbol('resolving');
