/** The deep-faker command: a thin layer over the public API. */
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseOutputs } from './choose-outputs.js';
import { formatSummary, loadSimulationFile, type RunError, type RunSummary } from '../index.js';
import { HELP, parseCommand, type MergeArgs, type RunArgs } from './args.js';
import { mergeFiles } from './merge-files.js';
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import { createProgressReporter } from './progress.js';
import { startWorkersEarly } from '../engine/worker-pool.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { groupDigits } from '../util/group-digits.js';

const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function main(argv: readonly string[]): Promise<void> {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') return void process.stdout.write(`${HELP}\n`);
    if (command.kind === 'version') {
      const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
      return void process.stdout.write(`${pkg.version}\n`);
    }
    if (command.kind === 'merge') return void (process.exitCode = await merge(command.args));
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

/** deep-faker merge: the shards' files into one stream, to stdout or --out; a line of summary on stderr. */
async function merge(args: MergeArgs): Promise<number> {
  const began = performance.now();
  let events: number;
  if (args.out === undefined) {
    // A reader that goes away (| head) ends the merge; what it read is what it wanted.
    const closed = new Promise<undefined>((resolveClosed) => process.stdout.once('error', () => resolveClosed(undefined)));
    const merged = await Promise.race([mergeFiles(args.files, process.stdout), closed]);
    if (merged === undefined) return 0;
    events = merged;
  } else {
    await mkdir(dirname(args.out), { recursive: true });
    const out = createWriteStream(args.out);
    await new Promise<void>((resolveOpen, reject) => {
      out.once('open', () => resolveOpen());
      out.once('error', (error) => reject(new DeepFakerError('E_MERGE', `merge, --out ${args.out}: cannot open for writing (${error.message}). Check the path and permissions.`)));
    });
    events = await mergeFiles(args.files, out);
    await new Promise<void>((resolveEnd) => out.end(() => resolveEnd()));
  }
  const seconds = ((performance.now() - began) / 1000).toFixed(2);
  if (!args.quiet) process.stderr.write(`deep-faker: merged ${groupDigits(events)} events from ${args.files.length} file(s) in ${seconds} s${args.out === undefined ? '' : ` into ${args.out}`}\n`);
  return 0;
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
