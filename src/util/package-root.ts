import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This package's directory (where its package.json is). Found by walking up from this
 * module, wherever the build put it: in src/ under the TypeScript loader, or in a bundle
 * chunk of dist/, whose depth is the bundler's choice.
 */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`deep-faker: no package.json above ${from}; the package is incomplete. Reinstall it.`);
  }
}
