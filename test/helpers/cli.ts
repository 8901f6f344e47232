/**
 * Runs the real CLI (bin/deep-faker.js → dist) as a subprocess, on simulation files written
 * to a temporary folder inside the repository so that `import ... from 'deep-faker'` resolves
 * to this package. Build first: npm run build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(REPO, 'bin', 'deep-faker.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `deep-faker ...args` with the repository as working directory. */
export function runCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return runNode([BIN, ...args], options);
}

/** Runs `node ...nodeArgs` (a script and its arguments, Node flags first) with the repository as working directory. */
export function runNode(nodeArgs: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A temporary folder under test/cli/ for simulation files; remove() deletes it. */
export class SimFolder {
  readonly path: string;

  constructor(label: string) {
    const suffix = `${process.pid}-${Math.floor(performance.now() * 1000).toString(36)}`;
    this.path = join(REPO, 'test', 'cli', `.tmp-${label}-${suffix}`);
    mkdirSync(this.path, { recursive: true });
  }

  /** Writes `name` (e.g. 'sim.ts') and returns its path. */
  write(name: string, source: string): string {
    const file = join(this.path, name);
    writeFileSync(file, source);
    return file;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
