/**
 * No-regression snapshots: the first 50 JSON lines of the quick start for seeds 42 and 1337.
 * Output must never change silently. After an intended change, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 * and review the diff of the .jsonl files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import quickstart from '../../examples/quickstart.js';
import { runCollect } from '../helpers/collecting-output.js';

const LINES = 50;
const START = '2025-01-01T00:00:00Z';
const update = process.env.UPDATE_GOLDEN === '1';

async function firstLines(seed: number): Promise<string> {
  const { jsonl } = await runCollect(quickstart, { seed, startTime: START });
  return jsonl.split('\n').slice(0, LINES).map((line) => `${line}\n`).join('');
}

describe('golden: examples/quickstart.ts', () => {
  for (const seed of [42, 1337]) {
    it(`seed ${seed}: the first ${LINES} events are byte for byte the stored ones`, async () => {
      const path = fileURLToPath(new URL(`./quickstart-seed${seed}.jsonl`, import.meta.url));
      const actual = await firstLines(seed);
      expect(actual.split('\n').length - 1).toBe(LINES);
      if (update) writeFileSync(path, actual);
      if (!existsSync(path)) throw new Error(`${path} is missing. Create it with UPDATE_GOLDEN=1 npx vitest run test/golden.`);
      const expected = readFileSync(path, 'utf8');
      if (actual !== expected) {
        const a = actual.split('\n');
        const e = expected.split('\n');
        const line = a.findIndex((text, i) => text !== e[i]);
        throw new Error(
          `quickstart seed ${seed} output changed at line ${line + 1}:\n  stored:  ${e[line]}\n  now:     ${a[line]}\n`
          + 'If the change is intended, regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden and review the diff.',
        );
      }
    });
  }

  it('the two seeds give different streams; the same seed the same stream twice', async () => {
    expect(await firstLines(42)).not.toBe(await firstLines(1337));
    expect(await firstLines(42)).toBe(await firstLines(42));
  });
});
