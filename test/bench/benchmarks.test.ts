/**
 * Every benchmark still runs and prints its figures: each in a small size, as a user would
 * run it (a subprocess, the built package). Nothing here checks a figure's value or a
 * duration: the figures are read by people, in bench/README.md. Build first (npm test does).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/cli.js';
import { checkService, type ServiceStatus } from '../integration/services.js';

/** Runs a benchmark and expects it to succeed and print every pattern. */
async function expectFigures(script: string, args: readonly string[], patterns: readonly RegExp[], nodeFlags: readonly string[] = ['--max-semi-space-size=32'], timeoutMs = 100_000): Promise<void> {
  const { status, stdout, stderr } = await runNode([...nodeFlags, '--import', 'tsx', `bench/${script}`, ...args], { timeoutMs });
  const output = stdout + stderr;
  expect(status, output).toBe(0);
  for (const pattern of patterns) expect(output).toMatch(pattern);
}

const RATE = /[\d,]+ events\/s/;

describe('benchmarks run and print their figures (small sizes)', { timeout: 120_000 }, () => {
  it('throughput: the engine, the bare faker-js loop and the floor, with their ratios', async () => {
    await expectFigures('throughput.ts', ['--hours', '0.2', '--rounds', '2'], [
      /bare faker-js loop:\s+[\d,]+ events\/s/,
      /deep-faker engine:\s+[\d,]+ events\/s\s+\([\d.]+x the bare loop\)/,
      /hand-written floor:\s+[\d,]+ events\/s\s+\([\d.]+x the bare loop; the engine runs at \d+% of it\)/,
      /median of 2 rounds: engine [\d.]+x/,
    ]);
  });

  it('million-entities: creation, both populations\' rates and their ratio', async () => {
    await expectFigures('million-entities.ts', ['--large', '20000', '--hours', '0.5'], [
      /1,000 users:\s+created \(and first batch\) in [\d.]+ s; flows [\d,]+ events\/s/,
      /20,000 users:\s+created \(and first batch\) in [\d.]+ s; flows [\d,]+ events\/s .*peak RSS \d+ MiB/,
      /ratio: [\d.]+ \(target ≥ 0\.67\)/,
    ]);
  });

  it('memory: peak RSS of a stream to a file and the bytes of a version', async () => {
    await expectFigures('memory.ts', ['--events', '100000'], [
      /peak RSS \d+ MiB \(target < 300 MiB\)/,
      /≈ \d+ bytes per version/,
    ], ['--expose-gc']);
  });

  it('workers: this thread, 2 workers and 2 shard processes, with identical bytes', async () => {
    await expectFigures('workers.ts', ['--hours', '0.25', '--rounds', '2'], [
      /round 2 \(2 workers first\):/,
      /this thread:\s+[\d.]+ s .*[\d.]+ CPU-seconds \([\d.]+ cores\)/,
      /at most, with both cores busy throughout the 2-worker run: [\d.]+x/,
      /2 worker threads:\s+[\d.]+ s .*speed-up [\d.]+x, run\(\) alone [\d.]+x; outputs identical: true/,
      /2 shard processes at once, [\d.]+ and [\d.]+ s: [\d.]+x this thread/,
      /median of 2 rounds: 2 workers [\d.]+x \([\d.]+ \/ [\d.]+\), run\(\) alone [\d.]+x .*; 2 shard processes [\d.]+x .*; at most [\d.]+x/,
    ]);
  });

  it('ecommerce, rare-filter and faker-floor', async () => {
    await expectFigures('ecommerce.ts', ['--hours', '2', '--rounds', '2'], [RATE, /median of 2 rounds: [\d,]+ events\/s/]);
    await expectFigures('rare-filter.ts', ['--users', '20000', '--minutes', '1'], [/20,000 users, 1 simulated minutes, rare filter: \d+ initiations/]);
    await expectFigures('faker-floor.ts', ['--scale', '0.02'], [/uuid4\s+[\d.]+/, /\(b\) fast path\s+[\d,]+ lines\/s\s+\([\d.]+x\)/]);
  });

  it.runIf(spawnSync('taskset', ['-c', '1', 'true']).status === 0 && availableParallelism() >= 2)(
    'pinned-pairs: wall-time and printed-rate ratios of one build against itself',
    async () => {
      const command = ['--', '-e', "console.log('rate 5')"];
      await expectFigures('pinned-pairs.ts', ['--old', '.', '--pairs', '2', ...command], [/old\/new time: geometric mean over swapped pairs [\d.]+/]);
      await expectFigures('pinned-pairs.ts', ['--old', '.', '--pairs', '2', '--rate', 'rate (\\d+)', ...command], [
        /pair 1: old 5 on core 1, new 5 on core 0: 1\.000/,
        /new\/old rate: geometric mean over swapped pairs 1\.000/,
      ]);
    },
  );

  // valgrind is part of this project's machines; elsewhere the line below says why it did not run.
  const hasValgrind = spawnSync('valgrind', ['--version']).status === 0;
  // Under valgrind each run of node takes seconds to start: about 90 s for the first case on an
  // idle machine, more while other test files run beside it. A limit against a hang, not a
  // figure.
  const VALGRIND_MS = 300_000;
  if (!hasValgrind) console.log('bench/instructions.ts not run: valgrind is not installed (apt-get install valgrind).');
  it.runIf(hasValgrind)('instructions: instructions an event of one build, of two with their ratio, and of the floor', async () => {
    await expectFigures('instructions.ts', ['--minutes', '1,2', '--runs', '1', '--old', '.', '--floor'], [
      /quick-start, the difference of 1 and 2 simulated minutes, 1 run\(s\) each:/,
      /\.: median [\d,]+ instructions an event \([\d,]+\)/,
      /new \/ old: [\d.]+/,
      /floor \(bench\/engine-floor\.ts\): median [\d,]+ instructions an event \([\d,]+\)/,
      /engine \/ floor: [\d.]+/,
    ], undefined, VALGRIND_MS);
  }, VALGRIND_MS + 10_000);
  it.runIf(hasValgrind)('instructions: the bare faker-js loop beside the engine', async () => {
    await expectFigures('instructions.ts', ['--minutes', '1,2', '--runs', '1', '--bare'], [
      /\.: median [\d,]+ instructions an event \([\d,]+\)/,
      /bare faker-js loop \(bench\/bare-faker-loop\.ts\): median [\d,]+ instructions an event \([\d,]+\)/,
      /bare loop \/ engine: [\d.]+x/,
    ], undefined, VALGRIND_MS);
  }, VALGRIND_MS + 10_000);

  describe('outputs against the real services', () => {
    let sql: ServiceStatus = { available: false };
    let kafka: ServiceStatus = { available: false };
    beforeAll(async () => {
      sql = (await checkService('mysql')).available ? await checkService('postgres') : { available: false };
      kafka = await checkService('kafka');
    });

    it('sql-sinks: rows per second for MySQL and PostgreSQL', async (context) => {
      if (!sql.available) return context.skip();
      await expectFigures('sql-sinks.ts', ['2000'], [/mysql\s+\d+ rows\/s/, /postgres\s+\d+ rows\/s/]);
    });

    it('kafka-sink: KafkaOutput beside kafkajs alone', async (context) => {
      if (!kafka.available) return context.skip();
      await expectFigures('kafka-sink.ts', ['2000'], [/KafkaOutput\s+[\d,]+ events\/s/, /kafkajs alone\s+[\d,]+ msg\/s/]);
    });
  });
});
