import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DeepFakerError } from '../errors.js';
import { closestName } from '../util/suggest.js';

export const HELP = `deep-faker: declarative, stateful event simulation

Usage:
  deep-faker run <file.ts> [options]   run the simulation exported by file.ts (default export, or 'sim')
  deep-faker merge <file.jsonl>... [--out FILE] [--quiet]
                                       merge the JSON lines of a run's shards (--shard K/N) into
                                       the stream one process writes (to stdout by default)
  deep-faker --help | --version

Options of run:
  --seed N            random seed (overrides randomSeed)
  --start ISO         window start, e.g. 2025-01-01T00:00:00Z, or 'now' (overrides startTime)
  --duration D        window length, e.g. 90s, 2m, 1h30m, 1d, or 'infinite' (overrides duration)
  --out FILE|-        write JSON lines to FILE (.csv for CSV), or '-' for stdout, instead of the file's outputs
  --max-events N      stop after N events
  --realtime          live mode: release each event when the wall clock reaches its time
                      (the part of the window in the past is backfilled first)
  --speed N           live mode speed: simulated seconds per wall-clock second (default 1)
  --partitions P      split the simulation into P independent partitions (overrides partitions)
  --workers N         run the partitions in N worker threads (same output for any N)
  --shard K/N         run only the K-th of N disjoint subsets of the partitions
  --kafka BROKERS     also write to Kafka (host:port,...), one topic per event type
  --topic-prefix P    prefix of those topic names (default none)
  --mysql URI         also write to MySQL/MariaDB, one table per event type ('env': DEEP_FAKER_MYSQL_URL)
  --postgres URI      also write to PostgreSQL, one table per event type ('env': DEEP_FAKER_POSTGRES_URL)
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
  realtime: boolean;
  speed?: number;
  partitions?: number;
  workers?: number;
  shard?: { index: number; count: number };
  kafka?: string;
  topicPrefix?: string;
  mysql?: string;
  postgres?: string;
}

export interface MergeArgs {
  files: string[];
  /** A file, or '-' / undefined for stdout. */
  out?: string;
  quiet: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; args: RunArgs } | { kind: 'merge'; args: MergeArgs };

/** The command line's options: parseArgs reads them, and the usage messages name them. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  seed: { type: 'string' },
  start: { type: 'string' },
  duration: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'max-events': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  realtime: { type: 'boolean' },
  speed: { type: 'string' },
  partitions: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
  kafka: { type: 'string' },
  'topic-prefix': { type: 'string' },
  mysql: { type: 'string' },
  postgres: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Parses argv (without node and the script) into a command; usage errors are DeepFakerErrors. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new DeepFakerError('E_USAGE', usageMessage(error as Error & { code?: string }, argv));
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [command, file, ...rest] = positionals;
  if (command === 'merge') return { kind: 'merge', args: mergeArgs(positionals.slice(1), values) };
  if (command !== 'run') throw new DeepFakerError('E_USAGE', `unknown command "${command}". Use deep-faker run <file.ts>, or deep-faker merge <file.jsonl>...`);
  if (!file) throw new DeepFakerError('E_USAGE', 'run needs a simulation file. Use deep-faker run sim.ts.');
  if (rest.length > 0) throw new DeepFakerError('E_USAGE', `unexpected argument "${rest[0]}". Options start with --; see deep-faker --help.`);
  const args: RunArgs = { file, quiet: values.quiet ?? false, realtime: values.realtime ?? false };
  if (values.seed !== undefined) args.seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  if (values.start !== undefined) args.start = values.start;
  if (values.duration !== undefined) args.duration = values.duration;
  if (values.out !== undefined) args.out = values.out;
  if (values['max-events'] !== undefined) args.maxEvents = wholeNumber('--max-events', values['max-events'], 1);
  if (values.partitions !== undefined) args.partitions = wholeNumber('--partitions', values.partitions, 1);
  if (values.workers !== undefined) args.workers = wholeNumber('--workers', values.workers, 0);
  if (values.speed !== undefined) {
    const speed = Number(values.speed);
    if (!(speed > 0) || !Number.isFinite(speed)) throw new DeepFakerError('E_USAGE', `--speed must be a number > 0, got "${values.speed}".`);
    args.speed = speed;
  }
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m) throw new DeepFakerError('E_USAGE', `--shard takes K/N (e.g. 2/4), got "${values.shard}".`);
    args.shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  if (values.kafka !== undefined) args.kafka = values.kafka;
  if (values['topic-prefix'] !== undefined) args.topicPrefix = values['topic-prefix'];
  if (values.mysql !== undefined) args.mysql = values.mysql;
  if (values.postgres !== undefined) args.postgres = values.postgres;
  if (args.topicPrefix !== undefined && args.kafka === undefined) {
    throw new DeepFakerError('E_USAGE', '--topic-prefix only applies to --kafka. Add --kafka host:9092, or drop --topic-prefix.');
  }
  if (args.speed !== undefined && !args.realtime) {
    throw new DeepFakerError('E_USAGE', '--speed only applies to live mode. Add --realtime, or drop --speed.');
  }
  return { kind: 'run', args };
}

/** merge takes files, --out and --quiet; the other options of run mean nothing to it. */
function mergeArgs(files: string[], values: Record<string, string | boolean | undefined>): MergeArgs {
  if (files.length === 0) throw new DeepFakerError('E_USAGE', 'merge needs the files to merge, e.g. deep-faker merge shard-1.jsonl shard-2.jsonl --out events.jsonl.');
  const other = Object.keys(values).find((name) => name !== 'out' && name !== 'quiet' && values[name] !== undefined);
  if (other !== undefined) throw new DeepFakerError('E_USAGE', `--${other} applies to run, not to merge. merge takes files, --out and --quiet.`);
  const twice = files.find((file, i) => files.findIndex((other) => resolve(other) === resolve(file)) !== i);
  if (twice !== undefined) throw new DeepFakerError('E_USAGE', `merge: ${twice} is named twice; its events would be written twice. Name each file once.`);
  const out = values.out as string | undefined;
  // Opening --out empties it before any file is read: one of the inputs would be lost.
  if (out !== undefined && out !== '-' && files.some((file) => resolve(file) === resolve(out))) {
    throw new DeepFakerError('E_USAGE', `merge: --out ${out} is one of the files to merge, which writing would empty first. Write to another file.`);
  }
  const quiet = values.quiet === true;
  return out === undefined || out === '-' ? { files, quiet } : { files, out, quiet };
}

function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new DeepFakerError('E_USAGE', `${flag} must be a whole number ≥ ${min}, got "${text}". E.g. ${flag} ${Math.max(min, 4)}.`);
  return n;
}

/** Whether `word` names an option of the CLI (`-h`, `--out`, `--seed=3`), not a value such as -5. */
function isOptionWord(word: string): boolean {
  const name = /^--?([\w-]+)/.exec(word)?.[1];
  return name !== undefined && (OPTION_NAMES.includes(name) || (word.length === 2 && SHORT_OPTIONS.includes(name)));
}

const OPTION_NAMES: readonly string[] = Object.keys(OPTIONS);
const SHORT_OPTIONS: readonly string[] = Object.values(OPTIONS).flatMap((o) => ('short' in o ? [o.short] : []));

/** node's parseArgs messages are long; say which option is wrong and what was meant. */
function usageMessage(error: Error & { code?: string }, argv: readonly string[]): string {
  const option = /'(-{1,2}[\w-]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const guess = closestName(option.replace(/^-+/, ''), OPTION_NAMES);
    const hint = guess ? `Did you mean --${guess}?` : 'Run deep-faker --help for the options.';
    return `unknown option ${option}. ${hint}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    // `--seed -5`: the value was there, but a word starting with '-' reads as an option.
    const given = argv[argv.indexOf(option) + 1];
    if (argv.includes(option) && given !== undefined && given.startsWith('-') && !isOptionWord(given)) {
      return `option ${option}: a value starting with '-' goes after '=', as in ${option}=${given}.`;
    }
    return `option ${option} needs a value, e.g. ${option.startsWith('--seed') ? '--seed 42' : `${option} <value>`}. Run deep-faker --help for the options.`;
  }
  return `${error.message.split('\n')[0]}. Run deep-faker --help for the options.`;
}

