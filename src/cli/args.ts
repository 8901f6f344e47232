import { parseArgs } from 'node:util';
import { DeepFakerError } from '../errors.js';

export const HELP = `deep-faker: declarative, stateful event simulation

Usage:
  deep-faker run <file.ts> [options]   run the simulation exported by file.ts (default export, or 'sim')
  deep-faker --help | --version

Options of run:
  --seed N            random seed (overrides randomSeed)
  --start ISO         window start, e.g. 2025-01-01T00:00:00Z, or 'now' (overrides startTime)
  --duration D        window length, e.g. 90s, 2m, 1h30m, 1d, or 'infinite' (overrides duration)
  --out FILE|-        write JSON lines to FILE (.csv for CSV), or '-' for stdout, instead of the file's outputs
  --max-events N      stop after N events
  --quiet             no progress and no summary on stderr
  -h, --help          this help

Events go to stdout or the outputs; progress (on a terminal) and the summary go to stderr.
Exit status: 0 done, 1 error, 130 / 143 stopped by SIGINT / SIGTERM.`;

export interface RunArgs {
  file: string;
  seed?: number | string;
  start?: string;
  duration?: string;
  out?: string;
  maxEvents?: number;
  quiet: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; args: RunArgs };

/** Parses argv (without node and the script) into a command; usage errors are DeepFakerErrors. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        seed: { type: 'string' },
        start: { type: 'string' },
        duration: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'max-events': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
  } catch (error) {
    throw new DeepFakerError('E_USAGE', `${(error as Error).message.split('\n')[0]}. Run deep-faker --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [command, file, ...rest] = positionals;
  if (command !== 'run') throw new DeepFakerError('E_USAGE', `unknown command "${command}". Use deep-faker run <file.ts>.`);
  if (!file) throw new DeepFakerError('E_USAGE', 'run needs a simulation file. Use deep-faker run sim.ts.');
  if (rest.length > 0) throw new DeepFakerError('E_USAGE', `unexpected argument "${rest[0]}". Options start with --; see deep-faker --help.`);
  const args: RunArgs = { file, quiet: values.quiet ?? false };
  if (values.seed !== undefined) args.seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  if (values.start !== undefined) args.start = values.start;
  if (values.duration !== undefined) args.duration = values.duration;
  if (values.out !== undefined) args.out = values.out;
  if (values['max-events'] !== undefined) {
    const n = Number(values['max-events']);
    if (!Number.isSafeInteger(n) || n < 1) throw new DeepFakerError('E_USAGE', `--max-events must be a whole number ≥ 1, got "${values['max-events']}".`);
    args.maxEvents = n;
  }
  return { kind: 'run', args };
}
