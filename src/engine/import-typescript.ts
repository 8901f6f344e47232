import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let registered: Promise<unknown> | undefined;

/**
 * Imports a TypeScript (or JavaScript) file through tsx. An ES-module file is imported with
 * tsx's hooks registered once for the thread, so its `import 'deep-faker'` is the copy
 * already loaded: a namespaced tsImport would load this package and all its dependencies
 * again, about a second per thread. A CommonJS file (a project without "type": "module",
 * npm's default) is required through tsx's namespaced CommonJS loader, since a global
 * register trips over require(esm) cycles there; unlike tsImport, which ran it as a data:
 * URL module without a source map, it keeps the file's own lines in stack traces.
 */
export async function importTypeScript(url: string, parentUrl: string): Promise<Record<string, unknown>> {
  if (!isEsModule(fileURLToPath(url))) {
    const cjs = await import('tsx/cjs/api');
    // As Node imports a CommonJS module: module.exports is the default export.
    return { default: cjs.require(fileURLToPath(url), parentUrl) as unknown };
  }
  const api = await import('tsx/esm/api');
  registered ??= Promise.resolve(api.register());
  await registered;
  return (await import(url)) as Record<string, unknown>;
}

/** How Node itself decides: the extension, else the nearest package.json's "type". */
export function isEsModule(path: string): boolean {
  const extension = extname(path);
  if (extension === '.mts' || extension === '.mjs') return true;
  if (extension === '.cts' || extension === '.cjs') return false;
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(dir) === dir) return false;
  }
}
