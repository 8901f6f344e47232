import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/util/package-root.js';

describe('PACKAGE_ROOT', () => {
  it('is the directory of this package\'s package.json, found from the module\'s own location', () => {
    expect(PACKAGE_ROOT).toBe(fileURLToPath(new URL('../../..', import.meta.url)).replace(/[\\/]$/, ''));
    expect((JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string }).name).toBe('deep-faker');
    expect(existsSync(join(PACKAGE_ROOT, 'src', 'engine', 'worker-main.ts'))).toBe(true);
  });
});
