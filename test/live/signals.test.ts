/**
 * SIGINT and SIGTERM stop generation, flush and close every output, print the summary and
 * exit 130 / 143; a JSONL file never ends in a torn line.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

function runUntilSignal(signal: NodeJS.Signals, out: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/deep-faker.js'), 'run', 'examples/quickstart.ts', '--seed', '1', '--start', '2025-01-01T00:00:00Z', '--duration', '30d', '--out', out], { cwd: REPO });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const poll = setInterval(() => {
      if (existsSync(out) && statSync(out).size > 200_000) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ status, stderr });
    });
  });
}

describe.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s', (signal, code) => {
  it(`stops, flushes the file whole, prints the summary and exits ${code}`, async () => {
    const out = join(tmpdir(), `deep-faker-${signal}-${process.pid}.jsonl`);
    try {
      const { status, stderr } = await runUntilSignal(signal, out);
      expect(status).toBe(code);
      expect(stderr).toContain(`${signal}: stopping`);
      expect(stderr).toMatch(/stopped by signal/);
      const text = readFileSync(out, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.trim().split('\n');
      for (const line of lines) JSON.parse(line);
      const delivered = /output file [^:]+: delivered ([\d,]+), failed 0, in flight 0/.exec(stderr);
      expect(delivered).not.toBeNull();
      expect(Number(delivered![1]!.replace(/,/g, ''))).toBe(lines.length);
    } finally {
      rmSync(out, { force: true });
    }
  });
});
