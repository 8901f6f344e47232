import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { createEventBatch } from '../../../src/outputs/event-batch.js';
import type { EventInfo, EventRecord, OutputOpenContext } from '../../../src/outputs/output.js';
import { mysqlDialect } from '../../../src/outputs/sql/mysql-dialect.js';
import type { SqlDialect, SqlSession, SqlTable } from '../../../src/outputs/sql/sql-dialect.js';
import { SqlOutput } from '../../../src/outputs/sql/sql-output.js';

const EVENTS: EventInfo[] = [{ name: 'Ping', keyField: undefined, fields: [{ name: 'n', kind: 'int', required: true, primaryKey: false }] }];
const events = (count: number, from = 0): EventRecord[] => Array.from({ length: count }, (_, i) =>
  ({ event_type: 'Ping', sys__eid: `e${from + i}`, sys__ets: from + i, sys__sid: 's', n: from + i }));
const transient = (code: string) => Object.assign(new Error('connection lost'), { code });

/** An in-memory database whose failures a test scripts: each statement may throw once. */
class FakeDatabase {
  stored = new Set<string>();
  connects = 0;
  failures: { on: 'insert' | 'COMMIT' | 'connect'; error: Error; afterCommit?: boolean }[] = [];

  dialect(): SqlDialect {
    return { ...mysqlDialect, connect: async () => this.connect() };
  }

  private take(on: 'insert' | 'COMMIT' | 'connect') {
    const index = this.failures.findIndex((f) => f.on === on);
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }

  private connect(): SqlSession {
    const failure = this.take('connect');
    if (failure) throw failure.error;
    this.connects++;
    let pending: string[] = [];
    return {
      namespace: 'db', broken: false,
      query: async (sql) => {
        if (sql === 'COMMIT') {
          const fail = this.take('COMMIT');
          if (fail?.afterCommit) for (const id of pending) this.stored.add(id);
          if (fail) throw fail.error;
          for (const id of pending) this.stored.add(id);
        }
        if (sql === 'BEGIN') pending = [];
        return [];
      },
      insert: async (_table: SqlTable, rows) => {
        const failure = this.take('insert');
        if (failure) throw failure.error;
        const fresh = rows.map((row) => String(row[0])).filter((id) => !this.stored.has(id));
        pending.push(...fresh);
        return fresh.length;
      },
      close: async () => undefined,
      destroy: () => undefined,
    };
  }
}

function setup(db: FakeDatabase, signal = new AbortController().signal) {
  const lines: string[] = [];
  const context: OutputOpenContext = { events: EVENTS, log: (line) => lines.push(line), signal };
  // Tables exist already: information_schema reports every column.
  const output = new SqlOutput(db.dialect(), { connection: 'mysql://root:hunter22@db:3306/db', retry: { initialDelayMs: 1, attempts: 3 } });
  return { output, context, lines };
}

describe('SqlOutput core', () => {
  it('reconnects and retries a batch after a transient failure', async () => {
    const db = new FakeDatabase();
    const { output, context, lines } = setup(db);
    await output.open(context);
    db.failures.push({ on: 'insert', error: transient('PROTOCOL_CONNECTION_LOST') });
    await output.write(createEventBatch(events(5)));
    expect(db.stored.size).toBe(5);
    expect(db.connects).toBe(2);
    expect(output.stats()).toEqual({ delivered: 5, failed: 0, inFlight: 0 });
    expect(lines.at(-1)).toMatch(/^MySQLOutput: write failed \(PROTOCOL_CONNECTION_LOST: connection lost\); reconnecting and retrying in \d+ ms \(attempt 2 of 3\)\.$/);
  });

  it('counts a batch once when its COMMIT went through but the reply was lost', async () => {
    const db = new FakeDatabase();
    const { output, context } = setup(db);
    await output.open(context);
    db.failures.push({ on: 'COMMIT', error: transient('ECONNRESET'), afterCommit: true });
    await output.write(createEventBatch(events(4)));
    expect(output.stats().delivered).toBe(4);
  });

  it('counts only new events when a batch repeats stored ones', async () => {
    const db = new FakeDatabase();
    const { output, context, lines } = setup(db);
    await output.open(context);
    await output.write(createEventBatch(events(4)));
    await output.write(createEventBatch(events(4, 2)));
    expect(output.stats().delivered).toBe(6);
    await output.close();
    expect(lines.at(-1)).toBe('MySQLOutput: 2 events were already stored (same sys__eid) and were skipped.');
  });

  it('fails at once on a permanent error, naming the table', async () => {
    const db = new FakeDatabase();
    const { output, context } = setup(db);
    await output.open(context);
    db.failures.push({ on: 'insert', error: Object.assign(new Error("Data too long for column 'n'"), { code: 'ER_DATA_TOO_LONG' }) });
    await expect(output.write(createEventBatch(events(3)))).rejects.toThrow(
      "MySQLOutput, table ping: a batch of 3 events was rejected (ER_DATA_TOO_LONG: Data too long for column 'n'). Fix the table to match the events, or drop it so it is created again.");
    expect(output.stats()).toEqual({ delivered: 0, failed: 3, inFlight: 0 });
    expect(db.connects).toBe(1);
    await output.close();
    await output.close();
  });

  it('takes two batches at once but writes them in order, refusing the second when the first fails', async () => {
    const db = new FakeDatabase();
    const { output, context } = setup(db);
    await output.open(context);
    expect(output.maxInFlight).toBe(2);
    const order: string[] = [];
    const first = output.write(createEventBatch(events(2))).then(() => order.push('first'));
    const second = output.write(createEventBatch(events(2, 2))).then(() => order.push('second'));
    expect(output.stats().inFlight).toBe(4);
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);

    db.failures.push({ on: 'insert', error: Object.assign(new Error('bad'), { code: 'ER_BAD_FIELD_ERROR' }) });
    const failing = output.write(createEventBatch(events(3, 10)));
    const refused = output.write(createEventBatch(events(5, 20)));
    await expect(failing).rejects.toThrow(/a batch of 3 events was rejected/);
    await expect(refused).rejects.toThrow('MySQLOutput: a batch of 5 events was not written because an earlier batch failed.');
    expect(output.stats()).toEqual({ delivered: 4, failed: 8, inFlight: 0 });
    expect(db.stored.size).toBe(4);
  });

  it('gives up after the last attempt with a message that keeps the password out', async () => {
    const db = new FakeDatabase();
    const { output, context } = setup(db);
    await output.open(context);
    for (let i = 0; i < 3; i++) db.failures.push({ on: 'insert', error: transient('ECONNRESET') });
    db.failures[0]!.error.message = 'reset talking to mysql://root:hunter22@db:3306/db';
    db.failures[2]!.error.message = 'reset talking to mysql://root:hunter22@db:3306/db';
    const error = await output.write(createEventBatch(events(2))).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as Error).message).toBe(
      'MySQLOutput, table ping: a batch of 2 events was not written, gave up after 3 attempts (ECONNRESET: reset talking to mysql://root:***@db:3306/db). Check that the database is reachable; earlier batches stay stored.');
  });

  it('stops retrying when the run is aborted', async () => {
    const db = new FakeDatabase();
    const abort = new AbortController();
    const { output, context } = setup(db, abort.signal);
    await output.open(context);
    abort.abort();
    db.failures.push({ on: 'insert', error: transient('ER_LOCK_DEADLOCK') });
    await expect(output.write(createEventBatch(events(1)))).rejects.toThrow(/the run was stopped while retrying/);
  });

  it('rejects an event type it was not told about, and writes before open', async () => {
    const db = new FakeDatabase();
    const { output, context } = setup(db);
    await expect(output.write(createEventBatch(events(1)))).rejects.toThrow('MySQLOutput: write() called before open().');
    await output.open(context);
    const stray = { ...events(1)[0]!, event_type: 'Pong' };
    await expect(output.write(createEventBatch([stray]))).rejects.toThrow(/event type Pong was not among the events given to open\(\)/);
  });

  it('reports a column value it cannot convert with table and column', async () => {
    const db = new FakeDatabase();
    const { output, context } = setup(db);
    await output.open({ ...context, events: [{ name: 'Ping', keyField: undefined, fields: [{ name: 'at', kind: 'datetime', required: true, primaryKey: false }] }] });
    const event = { ...events(1)[0]!, at: 'soon' };
    await expect(output.write(createEventBatch([event]))).rejects.toThrow('MySQLOutput, table ping, column at: not a datetime, got "soon"');
  });
});
