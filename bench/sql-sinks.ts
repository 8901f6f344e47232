/**
 * The SQL sinks: how many quick-start-shaped rows per second MySQLOutput and PostgresOutput
 * commit (a table per event type, one transaction per batch, duplicate-safe inserts).
 * Fixed workload: 200 000 events of 10 000 users over 3 tables, batches of 1 000.
 * Needs the local databases (../shared/services/mysql-local.sh and pg-local.sh).
 * Run: npx tsx bench/sql-sinks.ts [events] [batch events] [sinks, e.g. mysql,postgres]
 */
import { readFileSync } from 'node:fs';
import { MySQLOutput } from '../src/outputs/mysql-output.js';
import type { EventBatch, Output } from '../src/outputs/output.js';
import { SYNTHETIC_EVENT_INFO, syntheticBatches } from './workloads/synthetic-events.js';
import { PostgresOutput } from '../src/outputs/postgres-output.js';
import { MYSQL_URL, POSTGRES_URL, portOpen } from '../test/integration/services.js';

const EVENTS = Number(process.argv[2] ?? 200_000);
const BATCH = Number(process.argv[3] ?? 1000);
const SINKS = (process.argv[4] ?? 'mysql,postgres').split(',');
const USERS = 10_000;

const TABLES = { AccountCreated: 'bench_accounts', ProductAdded: 'bench_products', OrderCompleted: 'bench_orders' };

const EVENT_INFO = SYNTHETIC_EVENT_INFO;
// Interleaved as the engine emits them, so each batch touches all three tables.
const makeBatches = () => syntheticBatches(EVENTS, BATCH, USERS, (i) => i % 4);

interface Sink {
  name: string;
  port: number;
  create(): Output;
  /** Drops the bench tables so every run starts empty. */
  reset(): Promise<void>;
  /** The server processes doing the work, to read their CPU time (others share this machine). */
  serverPids(): Promise<number[]>;
}

/** CPU seconds used by these processes so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process is gone or /proc is missing: count nothing
    }
  }
  return ticks / 100;
}

const SINK_LIST: Sink[] = [
  {
    name: 'mysql', port: 3306,
    create: () => new MySQLOutput({ connection: MYSQL_URL, tableMapping: TABLES }),
    async reset() {
      const { createConnection } = await import('mysql2/promise');
      const admin = await createConnection(MYSQL_URL);
      for (const table of Object.values(TABLES)) await admin.query(`DROP TABLE IF EXISTS \`${table}\``);
      await admin.end();
    },
    // Every mariadbd thread (background flushing included): the pid file of the one server.
    async serverPids() {
      const { createConnection } = await import('mysql2/promise');
      const admin = await createConnection(MYSQL_URL);
      const [rows] = await admin.query('SELECT @@pid_file AS file');
      await admin.end();
      try {
        return [Number(readFileSync(String((rows as { file: string }[])[0]!.file), 'utf8').trim())];
      } catch {
        return [];
      }
    },
  },
  {
    name: 'postgres', port: 5432,
    create: () => new PostgresOutput({ connection: POSTGRES_URL, tableMapping: TABLES }),
    async reset() {
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      for (const table of Object.values(TABLES)) await admin.query(`DROP TABLE IF EXISTS "${table}"`);
      await admin.end();
    },
    // The output's own backend process, found by the application_name it sets.
    async serverPids() {
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'deep-faker'");
      await admin.end();
      return rows.map((row) => row.pid);
    },
  },
];

async function runSink(sink: Sink, batches: EventBatch[]): Promise<void> {
  await sink.reset();
  const output = sink.create();
  await output.open({ events: EVENT_INFO, log: () => undefined, signal: new AbortController().signal });
  const pids = await sink.serverPids();
  const serverStart = cpuSeconds(pids);
  const started = performance.now();
  const cpu = process.cpuUsage();
  // Like the engine: up to maxInFlight batches wait on the output, each awaited in turn.
  const pending: Promise<void>[] = [];
  for (const batch of batches) {
    if (pending.length >= (output.maxInFlight ?? 1)) await pending.shift();
    pending.push(output.write(batch));
  }
  await Promise.all(pending);
  await output.flush();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const server = cpuSeconds(pids) - serverStart;
  const perRow = (secondsUsed: number) => `${((secondsUsed * 1e6) / EVENTS).toFixed(1)} µs/row`;
  const { delivered, failed } = output.stats();
  await output.close();
  await sink.reset();
  console.log(`${sink.name.padEnd(9)} ${String(Math.round(delivered / seconds)).padStart(7)} rows/s  (${delivered} rows in ${seconds.toFixed(2)} s, ${failed} failed; CPU: client ${perRow((user + system) / 1e6)}, server ${pids.length > 0 ? perRow(server) : 'n/a'})`);
}

async function main(): Promise<void> {
  const batches = makeBatches();
  console.log(`${EVENTS} events, batches of ${BATCH}, 3 tables`);
  for (const sink of SINK_LIST.filter((s) => SINKS.includes(s.name))) {
    if (!(await portOpen('127.0.0.1', sink.port))) {
      console.log(`${sink.name.padEnd(9)} skipped: nothing listens on 127.0.0.1:${sink.port}`);
      continue;
    }
    await runSink(sink, batches);
  }
}

await main();
