import type { RunOptions, Simulation } from './simulation.js';
import type { RunSummary } from './run-summary.js';

/**
 * While the CLI imports a simulation file it answers the file's own `sim.run()` calls, so a
 * script-style file (one that ends in `await sim.run()`) runs once, with the CLI's flags.
 * A global symbol, not a module variable: the file may load another copy of the package.
 */
export const CLI_RUN_HOOK = Symbol.for('deep-faker.cli-run-hook');

export type CliRunHook = (sim: Simulation, options: RunOptions) => Promise<RunSummary>;

export function cliRunHook(): CliRunHook | undefined {
  return (globalThis as Record<symbol, unknown>)[CLI_RUN_HOOK] as CliRunHook | undefined;
}
