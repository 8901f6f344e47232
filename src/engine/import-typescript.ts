import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let registered: Promise<unknown> | undefined;

/**
 * Imports a TypeScript (or JavaScript) file through tsx. An ES-module file is imported with
 * tsx's hooks registered once for the thread, so its `import 'deep-faker'` is the copy
 * already loaded: a namespaced tsImport would load this package and all its dependencies
 * again, about a second per thread. A CommonJS file (a project without "type": "module")
 * still goes through tsImport, since a global register trips over require(esm) cycles there.
 */
export async function importTypeScript(url: string, parentUrl: string): Promise<Record<string, unknown>> {
  const api = await import('tsx/esm/api');
  if (!isEsModule(fileURLToPath(url))) return (await api.tsImport(url, parentUrl)) as Record<string, unknown>;
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
