/**
 * End to end through the CLI into Kafka (the mock): every event of the run is consumed
 * exactly once, in per-entity order within one partition; and a broker lost mid-run stops
 * the run with a clear error and the delivery counts, exit status 1.
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { checkService, kafkaBrokers } from './services.js';
import { readAll } from './kafka-reader.js';
import type { EventRecord } from '../../src/outputs/output.js';

const status = await checkService('kafka');
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const OUT = join(tmpdir(), `deep-faker-e2e-kafka-${process.pid}.jsonl`);
afterAll(() => rmSync(OUT, { force: true }));

describe.runIf(status.available)('a run into Kafka', () => {
  it('delivers every event exactly once, one entity per partition, in time order', async () => {
    const prefix = `df-e2e-${randomUUID().slice(0, 8)}.`;
    const result = await runCli(['run', 'examples/quickstart.ts', '--seed', '3', '--start', '2025-01-01T00:00:00Z', '--duration', '10m',
      '--out', OUT, '--kafka', kafkaBrokers()!.join(','), '--topic-prefix', prefix], { timeoutMs: 60_000 });
    expect(result.stderr).toMatch(/output kafka \S+: delivered [\d,]+, failed 0, in flight 0/);
    expect(result.status).toBe(0);
    const events = readFileSync(OUT, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
    const records = await readAll(['AccountCreated', 'ProductAdded', 'OrderCompleted'].map((t) => prefix + t), events.length);
    const seen = new Map<string, number>();
    for (const r of records) seen.set(r.event.sys__eid, (seen.get(r.event.sys__eid) ?? 0) + 1);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(records).toHaveLength(events.length);
    for (const e of events) expect(seen.has(e.sys__eid)).toBe(true);
    // Keyed by the user: one user's events share a partition per topic and arrive in time order.
    const lastTs = new Map<string, number>();
    for (const r of records) {
      expect(r.key).toBe(r.event.user_id ?? null);
      const slot = `${r.topic}/${r.key}`;
      expect(r.event.sys__ets).toBeGreaterThanOrEqual(lastTs.get(slot) ?? 0);
      lastTs.set(slot, r.event.sys__ets);
    }
    const partitionOf = new Map<string, number>();
    for (const r of records) {
      const slot = `${r.topic}/${r.key}`;
      expect(partitionOf.get(slot) ?? r.partition).toBe(r.partition);
      partitionOf.set(slot, r.partition);
    }
  });

  it('stops with a clear error and the delivery counts when the broker is lost', async () => {
    const prefix = `df-e2e-loss-${randomUUID().slice(0, 8)}.`;
    rmSync(OUT, { force: true });
    const child = spawn(process.execPath, [join(REPO, 'bin/deep-faker.js'), 'run', 'examples/quickstart.ts', '--seed', '4',
      '--start', '2025-01-01T00:00:00Z', '--duration', '30d', '--out', OUT, '--kafka', kafkaBrokers()!.join(','), '--topic-prefix', prefix], { cwd: REPO });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      while (!(existsSync(OUT) && statSync(OUT).size > 100_000)) await sleep(50);
      const pid = readFileSync(join(REPO, '.kafka-mock.pid'), 'utf8').trim();
      await run('kill', ['-9', pid]);
      const code = await Promise.race([exited, sleep(60_000).then(() => 'timeout' as const)]);
      expect(code).toBe(1);
      // Retries are logged as they happen; then one error line and the counts.
      expect(stderr).toMatch(/^deep-faker: error: KafkaOutput .*could not deliver \d+ events.*Is Kafka running\?.*$/m);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stderr).toMatch(/output kafka \S+: delivered \d+, failed \d+, in flight \d+/);
    } finally {
      child.kill('SIGKILL');
      await run('bash', ['../shared/services/kafka-mock.sh', 'restart'], { cwd: REPO, env: { ...process.env, KAFKA_MOCK_PROXY_PORT: '19092' } });
    }
  });
});
