import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import type { RunOptions, Simulation } from './simulation.js';
import type { RunSummary } from './run-summary.js';
import { CLI_RUN_HOOK, type CliRunHook } from './cli-run-hook.js';
import { importTypeScript } from './import-typescript.js';
import { bundleSimulation } from './bundle-simulation.js';
import { fallBackToOwnPackage, installedFor } from './own-package.js';
import { namesPackageCode, thrownOutsidePackage, userFrame } from './user-frame.js';

/** A simulation found in a file, and how the file wanted to run it (if it called run()). */
export interface LoadedSimulation {
  readonly sim: Simulation;
  /** The options of the file's own `await sim.run(...)`, if it called it while loading. */
  readonly fileRunOptions: RunOptions | undefined;
  /** Hands the caller's result to the file's pending run() call, then lets the file finish. */
  finish(result: { summary: RunSummary } | { error: unknown }): Promise<void>;
}

/**
 * Imports a simulation file (TypeScript through tsx), as `deep-faker run` and worker threads
 * do. Its default export, or `sim` export, is the simulation; a script-style file that calls
 * `await sim.run()` itself works too: that call waits for `finish`, which hands it the
 * caller's result. Checked by shape, not instanceof: the file may use another copy of the
 * package.
 *
 * The file is imported bundled with its local imports (see bundleSimulation): about 0.2 s
 * sooner than through tsx, in each thread. Where it cannot be bundled, it is imported through
 * tsx. `bundle`: the bundle already made (a worker thread gets it from the main thread), or
 * null for none.
 *
 * @example
 * const { sim, finish } = await loadSimulationFile('sim.ts');
 * const summary = await sim.run({ seed: 1 });
 * await finish({ summary });
 */
export async function loadSimulationFile(file: string, bundle?: string | null): Promise<LoadedSimulation> {
  const path = file.startsWith('file:') ? fileURLToPath(file) : resolve(file);
  if (!existsSync(path)) throw new DeepFakerError('E_NO_FILE', `${file}: no such file. Check the path.`);
  if (statSync(path).isDirectory()) throw new DeepFakerError('E_NO_FILE', `${file}: a directory, not a simulation file. Name the .ts file, e.g. ${join(file, 'sim.ts')}.`);
  let called: { sim: Simulation; options: RunOptions; settle: (result: { summary: RunSummary } | { error: unknown }) => void } | undefined;
  const runCalled = new Promise<'run-called'>((resolveCalled) => {
    const hook: CliRunHook = (sim, options) => {
      delete (globalThis as Record<symbol, unknown>)[CLI_RUN_HOOK];
      return new Promise<RunSummary>((resolveRun, rejectRun) => {
        called = { sim, options, settle: (r) => ('summary' in r ? resolveRun(r.summary) : rejectRun(r.error)) };
        resolveCalled('run-called');
      });
    };
    (globalThis as Record<symbol, unknown>)[CLI_RUN_HOOK] = hook;
  });
  const url = pathToFileURL(path).href;
  if (!installedFor(dirname(path))) fallBackToOwnPackage();
  const from = bundle === undefined ? await bundleSimulation(url) : bundle;
  // A bundle's errors point at the file's own lines through its source map.
  if (from !== null) process.setSourceMapsEnabled(true);
  const importing = from !== null ? (import(from) as Promise<Record<string, unknown>>) : importTypeScript(url, import.meta.url);
  let first: Record<string, unknown> | 'run-called';
  try {
    first = await Promise.race([importing, runCalled]);
  } catch (error) {
    throw loadError(file, error);
  } finally {
    delete (globalThis as Record<symbol, unknown>)[CLI_RUN_HOOK];
  }
  if (first === 'run-called') {
    const { sim, options, settle } = called!;
    return {
      sim,
      fileRunOptions: options,
      async finish(result) {
        settle(result);
        // The file goes on after its run() (printing, say); its own failure after ours is not news.
        await importing.catch(() => undefined);
      },
    };
  }
  // A CommonJS-compiled file (no "type": "module") arrives as { default: module.exports }.
  const exported = [first.default, first.sim, (first.default as Record<string, unknown> | undefined)?.default, (first.default as Record<string, unknown> | undefined)?.sim];
  const candidate = exported.find(isSimulation);
  if (!isSimulation(candidate)) {
    throw new DeepFakerError('E_NO_SIMULATION', `${file}: exports no Simulation. Add "export default sim;" (or "export const sim = new Simulation(...)").`);
  }
  return { sim: candidate, fileRunOptions: undefined, finish: async () => undefined };
}

function loadError(file: string, error: unknown): unknown {
  if (isDeepFakerError(error)) return error;
  const err = error as Error;
  // esbuild reports syntax errors with their location; the user needs that, not our stack.
  if (err?.name === 'TransformError' || /Transform failed/.test(err?.message ?? '')) {
    // tsx compiles a file of a CommonJS project to CommonJS, where await needs a function.
    const hint = /Top-level await .* "cjs" output format/.test(err.message) ? '. Name the file .mts, or set "type": "module" in its package.json' : '';
    return new DeepFakerError('E_LOAD', `${file}: cannot compile: ${err.message.split('\n').slice(0, 3).join(' ')}${hint}.`);
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  // Not found for the file or what it imports; one of this package's own imports failing is ours.
  const missing = (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && !namesPackageCode(err.message)
    ? /Cannot find (?:module|package) '([^']+)'/.exec(err.message)?.[1]
    : undefined;
  if (missing !== undefined) {
    const fix = /^(\.|\/|[a-zA-Z]:[\\/]|file:)/.test(missing)
      ? 'Check the import path.'
      : `Install it where the file is (npm install ${packageName(missing)}) or remove the import.`;
    return new DeepFakerError('E_LOAD', `${file}: cannot load: it imports "${missing}", which Node cannot find. ${fix}`);
  }
  // The file's own code (or a package it imports) threw while it loaded: a mistake there, not ours.
  if (error instanceof Error && thrownOutsidePackage(error.stack)) {
    const where = userFrame(error.stack);
    return new DeepFakerError('E_LOAD', `${file}: the file threw ${error.name}: ${error.message}${where ? ` (at ${where})` : ''} while loading. Fix the file or what it imports.`, { cause: error });
  }
  return error;
}

/** The package a bare specifier names: 'pkg' of 'pkg/sub', '@scope/pkg' of '@scope/pkg/sub'. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isSimulation(value: unknown): value is Simulation {
  return typeof value === 'object' && value !== null && typeof (value as Simulation).run === 'function' && Array.isArray((value as Simulation).flowNames);
}
