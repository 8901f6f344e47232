/**
 * zod, loaded at its first use. Only eventSchema and eventJsonSchema use it, and loading it
 * cost every thread about 85 ms of start-up: the CLI's main thread and each worker thread.
 * Loaded as the ES module that `import 'zod'` gets (require(esm) of its "import" entry), so
 * that schemas made here are of the same zod as a caller's own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { z as Z } from 'zod';

const require = createRequire(import.meta.url);
let loaded: typeof Z | undefined;

export function zod(): typeof Z {
  loaded ??= (require(esmEntry()) as { z: typeof Z }).z;
  return loaded;
}

/** The file `import 'zod'` resolves to, from zod's package.json ("exports" ".", "import"). */
function esmEntry(): string {
  const manifest = require.resolve('zod/package.json');
  const entry = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: { '.'?: { import?: unknown } } }).exports?.['.']?.import;
  return typeof entry === 'string' ? join(dirname(manifest), entry) : 'zod';
}
