/**
 * A simulation file imports this package by name. Where no copy is installed for the file
 * (a sim.ts beside nothing else, run by a global or npx-fetched CLI; a pod whose file comes
 * from a ConfigMap), Node cannot resolve the name and the file would not load: its import
 * then gets the copy that runs it. A copy installed for the file is always the one it gets.
 */
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../util/package-root.js';

const NAME = 'deep-faker';

/** The file of this copy that `specifier` names (the package, or its package.json), or undefined. */
export function ownPackageFile(specifier: string): string | undefined {
  if (specifier === NAME) return join(PACKAGE_ROOT, 'dist', 'index.js');
  if (specifier === `${NAME}/package.json`) return join(PACKAGE_ROOT, 'package.json');
  return undefined;
}

/**
 * Whether Node finds a copy of the package for a file in `dir`: a node_modules/deep-faker
 * above it, or this package itself when the file is in its scope (its examples and tests
 * import it by its own name; a nested package.json starts a scope of its own).
 */
export function installedFor(dir: string): boolean {
  let inScope: boolean | undefined;
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', NAME, 'package.json'))) return true;
    if (inScope === undefined && existsSync(join(at, 'package.json'))) inScope = at === PACKAGE_ROOT;
    if (inScope === true) return true;
    if (dirname(at) === at) return false;
  }
}

let fallbackSet = false;

/**
 * Makes this thread resolve the package's name to this copy where nothing else resolves it:
 * for require (a CommonJS file, compiled by tsx) and for import (an ES-module file imported
 * through tsx). Bundled files get this copy from the bundler instead (bundle-simulation.ts).
 */
export function fallBackToOwnPackage(): void {
  if (fallbackSet) return;
  fallbackSet = true;
  const modules = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolveFilename = modules._resolveFilename;
  modules._resolveFilename = function resolveWithOwnPackage(request: string, ...rest: unknown[]): string {
    try {
      return resolveFilename.call(this, request, ...rest);
    } catch (error) {
      const own = ownPackageFile(request);
      if (own === undefined || (error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      return own;
    }
  };
  const hooks = `const own = new Map();
export function initialize(data) { for (const [name, url] of data) own.set(name, url); }
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !own.has(specifier)) throw error;
    return { url: own.get(specifier), shortCircuit: true };
  }
}`;
  const own = [NAME, `${NAME}/package.json`].map((name) => [name, pathToFileURL(ownPackageFile(name)!).href]);
  Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: own });
}
