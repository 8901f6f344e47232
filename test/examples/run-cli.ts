/** Runs the real CLI (bin/deep-faker.js over dist/) as a subprocess, for example and README tests. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/deep-faker.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails early, with the fix, when dist/ is missing (npm test builds it first). */
export function requireBuild(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/index.js', import.meta.url)))) {
    throw new Error('dist/ is missing: run npm run build (npm test does it) before these tests.');
  }
}

export function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

export interface Event {
  event_type: string;
  sys__eid: string;
  sys__ets: number;
  sys__sid: string;
  [field: string]: any;
}

/** Parses JSON lines; throws on the first line that is not a JSON object. */
export function parseJsonLines(text: string): Event[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1} is not JSON: ${line.slice(0, 120)}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`line ${i + 1} is not a JSON object`);
    return value as Event;
  });
}

export function readEvents(path: string): Event[] {
  return parseJsonLines(readFileSync(path, 'utf8'));
}

/** The summary's total and per-type counts, as printed on stderr. */
export function parseSummary(stderr: string): { events: number; byType: Record<string, number> } | undefined {
  const head = /deep-faker: ([\d,]+) events in /.exec(stderr);
  if (!head) return undefined;
  const byType: Record<string, number> = {};
  for (const m of stderr.matchAll(/^ {2}event (\w+): ([\d,]+)$/gm)) byType[m[1]!] = Number(m[2]!.replace(/,/g, ''));
  return { events: Number(head[1]!.replace(/,/g, '')), byType };
}
