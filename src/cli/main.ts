/** The deep-faker command: a thin layer over the public API. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseOutputs } from './choose-outputs.js';
import { formatSummary, loadSimulationFile, type RunError, type RunSummary } from '../index.js';
import { HELP, parseCommand, type RunArgs } from './args.js';
import { isDeepFakerError } from '../errors.js';
import { createProgressReporter } from './progress.js';
import { startWorkersEarly } from '../engine/worker-pool.js';
import { PACKAGE_ROOT } from '../util/package-root.js';

const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function main(argv: readonly string[]): Promise<void> {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') return void process.stdout.write(`${HELP}\n`);
    if (command.kind === 'version') {
      const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
      return void process.stdout.write(`${pkg.version}\n`);
    }
    process.exitCode = await run(command.args);
  } catch (error) {
    process.exitCode = reportFailure(error);
  }
}

async function run(args: RunArgs): Promise<number> {
  const module = pathToFileURL(resolve(args.file)).href;
  // Worker threads load the file while this thread does: start-up is paid once, not twice.
  if (args.workers !== undefined && args.workers > 0) startWorkersEarly(module, Math.min(args.workers, args.partitions ?? args.workers));
  const { sim, fileRunOptions, finish } = await loadSimulationFile(args.file);
  const controller = new AbortController();
  let stopSignal: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopSignal) process.exit(EXIT_SIGNAL[signal] ?? 1); // a second signal: stop waiting for outputs
    stopSignal = signal;
    process.stderr.write(`\ndeep-faker: ${signal}: stopping, flushing outputs (again to force)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = !args.quiet && process.stderr.isTTY ? createProgressReporter(process.stderr) : undefined;
  const outputs = await chooseOutputs(args, fileRunOptions?.outputs ?? sim.declaredOutputs);
  const partitions = args.partitions ?? fileRunOptions?.partitions ?? sim.options.partitions;
  if (args.workers !== undefined && args.workers > partitions && !args.quiet) {
    process.stderr.write(`deep-faker: --workers ${args.workers} with ${partitions} partition(s): each worker runs whole partitions, so at most ${partitions} run at once. Add --partitions ${args.workers} (or more) to use them all.\n`);
  }
  let summary: RunSummary;
  try {
    summary = await sim.run({
      ...fileRunOptions,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(args.start !== undefined ? { startTime: args.start } : {}),
      ...(args.duration !== undefined ? { duration: args.duration } : {}),
      ...(args.maxEvents !== undefined ? { maxEvents: args.maxEvents } : {}),
      outputs,
      ...(args.realtime ? { realtime: true } : {}),
      ...(args.speed !== undefined ? { speed: args.speed } : {}),
      ...(args.partitions !== undefined ? { partitions: args.partitions } : {}),
      ...(args.workers !== undefined ? { workers: args.workers } : {}),
      ...(args.shard !== undefined ? { shard: args.shard } : {}),
      module,
      signal: controller.signal,
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } catch (error) {
    progress?.clear();
    await finish({ error });
    throw error;
  } finally {
    progress?.clear();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await finish({ summary });
  if (!args.quiet) process.stderr.write(`${formatSummary(summary)}\n`);
  return stopSignal ? (EXIT_SIGNAL[stopSignal] ?? 1) : 0;
}

/** One line for a user mistake; the stack only for a bug in deep-faker itself. */
function reportFailure(error: unknown): number {
  if (isDeepFakerError(error)) {
    // `deep-faker run sim.ts | head` closing the pipe is the reader's choice, not a failure.
    if (error.code === 'E_OUTPUT_CLOSED' && error.message.startsWith('stdout')) return 0;
    process.stderr.write(`deep-faker: error: ${error.message}\n`);
    if ('outputFailed' in error && (error as RunError).outputFailed) {
      for (const [name, s] of Object.entries((error as RunError).summary.outputs)) {
        process.stderr.write(`  output ${name}: delivered ${s.delivered}, failed ${s.failed}, in flight ${s.inFlight}\n`);
      }
    }
    return 1;
  }
  process.stderr.write(`deep-faker: internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`);
  return 70;
}
