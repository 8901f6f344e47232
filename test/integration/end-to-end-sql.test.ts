/**
 * End to end through the CLI: a simulation run into a JSONL file, MySQL and PostgreSQL at
 * once. Every event in the file is stored exactly once in each database, with the right
 * values, and a second run with the same seed adds no duplicates.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MYSQL_URL, POSTGRES_URL, checkService } from './services.js';

const mysqlStatus = await checkService('mysql');
const postgresStatus = await checkService('postgres');
const DB = `df_e2e_${process.pid}`;
const OUT = join(tmpdir(), `${DB}.jsonl`);
const RUN = ['run', 'examples/quickstart.ts', '--seed', '5', '--start', '2025-01-01T00:00:00Z', '--duration', '20m', '--out', OUT];
const TABLES = { AccountCreated: 'account_created', ProductAdded: 'product_added', OrderCompleted: 'order_completed' } as const;
const withDatabase = (url: string, db: string) => url.replace(/\/[^/]*$/, `/${db}`);

describe.runIf(mysqlStatus.available && postgresStatus.available)('a run into MySQL and PostgreSQL', () => {
  let my: mysql.Connection;
  let pgAdmin: pg.Client;
  let pgDb: pg.Client;

  beforeAll(async () => {
    my = await mysql.createConnection({ uri: MYSQL_URL });
    await my.query(`CREATE DATABASE ${DB}`);
    pgAdmin = new pg.Client({ connectionString: POSTGRES_URL });
    await pgAdmin.connect();
    await pgAdmin.query(`CREATE DATABASE ${DB}`);
    pgDb = new pg.Client({ connectionString: withDatabase(POSTGRES_URL, DB) });
    await pgDb.connect();
  });

  afterAll(async () => {
    await my?.query(`DROP DATABASE IF EXISTS ${DB}`);
    await my?.end();
    await pgDb?.end();
    await pgAdmin?.query(`DROP DATABASE IF EXISTS ${DB}`);
    await pgAdmin?.end();
    rmSync(OUT, { force: true });
  });

  it('stores every event exactly once, in both, and a rerun duplicates nothing', async () => {
    const args = [...RUN, '--mysql', withDatabase(MYSQL_URL, DB), '--postgres', withDatabase(POSTGRES_URL, DB)];
    const first = await runCli(args, { timeoutMs: 60_000 });
    expect(first.stderr).toMatch(/output mysql.*failed 0, in flight 0/i);
    expect(first.status).toBe(0);
    const events = readFileSync(OUT, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.length).toBeGreaterThan(500);

    const second = await runCli(args, { timeoutMs: 60_000 });
    expect(second.status).toBe(0);

    for (const [type, table] of Object.entries(TABLES)) {
      const expected = events.filter((e) => e.event_type === type);
      const [rows] = await my.query(`SELECT * FROM ${DB}.${table} ORDER BY sys__ets, sys__eid`);
      const myRows = rows as Record<string, unknown>[];
      const pgRows = (await pgDb.query(`SELECT * FROM ${table} ORDER BY sys__ets, sys__eid`)).rows as Record<string, unknown>[];
      for (const stored of [myRows, pgRows]) {
        expect(stored.length).toBe(expected.length);
        const ids = new Set(stored.map((r) => r.sys__eid));
        expect(ids.size).toBe(expected.length);
        for (const e of expected) expect(ids.has(e.sys__eid)).toBe(true);
      }
      // Values survive the round trip (spot check one row per table).
      const sample = expected[Math.floor(expected.length / 2)]!;
      const pgRow = pgRows.find((r) => r.sys__eid === sample.sys__eid)!;
      expect(Number(pgRow.sys__ets)).toBe(sample.sys__ets);
      expect(pgRow.user_id).toBe(sample.user_id);
    }
  });
});
