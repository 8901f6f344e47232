/**
 * The checks MySQLOutput and PostgresOutput must both pass against a real database. Each
 * integration suite supplies a SqlTestDatabase (admin connection, kill, type names).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DeepFakerError } from '../../src/errors.js';
import { createEventBatch } from '../../src/outputs/event-batch.js';
import type { EventBatch, EventInfo, EventRecord, Output, OutputOpenContext } from '../../src/outputs/output.js';
import type { SqlOutputOptions } from '../../src/outputs/sql/sql-output.js';

export interface ColumnDescription {
  /** Normalized: lower case, no display width (`bigint`, `varchar(12)`, `timestamp(3) with time zone`). */
  type: string;
  nullable: boolean;
}

export interface SqlTestDatabase {
  /** Connects the admin connection. */
  connect(): Promise<void>;
  close(): Promise<void>;
  createOutput(options: SqlOutputOptions): Output;
  /** The admin connection's query; `?` placeholders in both dialects. */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  quote(identifier: string): string;
  columns(table: string): Promise<Map<string, ColumnDescription>>;
  primaryKey(table: string): Promise<string[]>;
  /** Ids of every connection other than the admin one. */
  connectionIds(): Promise<number[]>;
  /** The connection running a statement whose text contains `fragment`. */
  runningStatement(fragment: string): Promise<number | undefined>;
  kill(id: number): Promise<void>;
  /** Expected column type per column of the OrderPlaced table; several for dialect variants. */
  readonly orderTypes: Record<string, string | string[]>;
  /** A connection to a closed port, with a password in it. */
  readonly unreachableConnection: string;
  /** A connection the server refuses (bad password or missing database), with a password in it. */
  readonly refusedConnection: string;
}

export const EVENTS: EventInfo[] = [
  {
    name: 'OrderPlaced',
    keyField: 'order_id',
    fields: [
      { name: 'order_id', kind: 'string', required: true, primaryKey: false },
      { name: 'customer_id', kind: 'string', required: true, primaryKey: false, maxLength: 22 },
      { name: 'amount', kind: 'float', required: true, primaryKey: false },
      { name: 'quantity', kind: 'int', required: true, primaryKey: false },
      { name: 'paid', kind: 'boolean', required: true, primaryKey: false },
      { name: 'placed_at', kind: 'datetime', required: true, primaryKey: false },
      { name: 'status', kind: 'enum', required: true, primaryKey: false, enumValues: ['placed', 'paid', 'shipped'] },
      { name: 'note', kind: 'string', required: false, primaryKey: false },
      { name: 'meta', kind: 'json', required: false, primaryKey: false },
    ],
  },
  {
    name: 'UserSignedUp',
    keyField: 'user_id',
    fields: [
      { name: 'user_id', kind: 'string', required: true, primaryKey: true, maxLength: 22 },
      { name: 'email', kind: 'string', required: true, primaryKey: false },
      { name: 'age', kind: 'int', required: false, primaryKey: false },
      { name: 'signed_up_at', kind: 'datetime', required: true, primaryKey: false },
    ],
  },
  {
    name: 'PageViewed',
    keyField: undefined,
    fields: [
      { name: 'url', kind: 'string', required: true, primaryKey: false },
      { name: 'duration_ms', kind: 'float', required: false, primaryKey: false },
      { name: 'tags', kind: 'json', required: true, primaryKey: false },
    ],
  },
];

const START = Date.UTC(2025, 0, 1);

/** `count` events cycling through the three types, numbered from `from`. */
export function makeEvents(count: number, from = 0): EventRecord[] {
  const events: EventRecord[] = [];
  for (let i = from; i < from + count; i++) {
    const ets = START + i * 1000 + (i % 1000);
    const base = { sys__eid: `e${i.toString(36).padStart(11, '0')}`, sys__ets: ets, sys__sid: `s${(i % 97).toString().padStart(15, '0')}` };
    const at = new Date(ets).toISOString();
    if (i % 3 === 0) {
      events.push({
        ...base, event_type: 'OrderPlaced', order_id: `o-${i}`, customer_id: `c-${i % 50}`, amount: i / 4,
        quantity: i % 7, paid: i % 2 === 0, placed_at: at, status: ['placed', 'paid', 'shipped'][i % 3]!,
        note: i % 6 === 0 ? null : `tab\there, newline\nthere, back\\slash, 'quote' "dq" ünï ${i}`,
        meta: i % 4 === 0 ? undefined : { n: i, nested: { list: [1, 'two', null] } },
      });
    } else if (i % 3 === 1) {
      events.push({ ...base, event_type: 'UserSignedUp', user_id: `u-${i}`, email: `user${i}@example.com`, age: i % 5 === 0 ? null : 20 + (i % 50), signed_up_at: at });
    } else {
      events.push({ ...base, event_type: 'PageViewed', url: `https://example.com/p/${i}`, duration_ms: i % 4 === 0 ? null : i * 1.5, tags: ['a', i] });
    }
  }
  return events;
}

export interface TestContext extends OutputOpenContext {
  readonly lines: string[];
}

export function openContext(events: readonly EventInfo[] = EVENTS, signal: AbortSignal = new AbortController().signal): TestContext {
  const lines: string[] = [];
  return { events, signal, lines, log: (line) => { lines.push(line); } };
}

/** Registers the shared tests inside the caller's describe block. */
export function sqlOutputContract(db: SqlTestDatabase, url: string): void {
  const suffix = randomBytes(3).toString('hex');
  const tables = { OrderPlaced: `orders_${suffix}`, UserSignedUp: `users_${suffix}`, PageViewed: `views_${suffix}` };
  const created: string[] = [];
  const fresh = (label: string) => {
    const mapping = Object.fromEntries(Object.entries(tables).map(([event, table]) => [event, `${table}_${label}`]));
    created.push(...Object.values(mapping));
    return mapping;
  };
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT sys__eid) AS d FROM ${db.quote(table)}`))
    .map((row) => (row.n === row.d ? row.n : -1))[0]);
  const expectStored = async (mapping: Record<string, string>, events: EventRecord[]) => {
    for (const event of EVENTS) {
      expect(await count(mapping[event.name]!), event.name).toBe(events.filter((e) => e.event_type === event.name).length);
    }
  };
  let output: Output | undefined;
  const create = (options: Omit<SqlOutputOptions, 'connection'>) => (output = db.createOutput({ connection: url, ...options }));

  beforeAll(() => db.connect());
  afterAll(async () => {
    for (const table of created) await db.query(`DROP TABLE IF EXISTS ${db.quote(table)}`);
    await db.close();
  });
  // Every test closes its output even when it fails, so no connection outlives the suite.
  afterEach(async () => { await output?.close(); output = undefined; });

  it('stores every event exactly once, in typed columns, in the mapped tables', async () => {
    const mapping = fresh('once');
    const out = create({ tableMapping: mapping });
    const context = openContext();
    await out.open(context);
    const events = makeEvents(3000);
    for (let i = 0; i < events.length; i += 1000) await out.write(createEventBatch(events.slice(i, i + 1000)));
    await out.flush();
    await expectStored(mapping, events);
    expect(out.stats()).toEqual({ delivered: 3000, failed: 0, inFlight: 0 });

    const columns = await db.columns(mapping.OrderPlaced!);
    for (const [name, type] of Object.entries(db.orderTypes)) {
      expect([type].flat(), `column ${name}`).toContain(columns.get(name)?.type);
    }
    const nullable = [...columns].filter(([, column]) => column.nullable).map(([name]) => name).sort();
    expect(nullable).toEqual(['meta', 'note']);
    expect(await db.primaryKey(mapping.OrderPlaced!)).toEqual(['sys__eid']);
    expect((await db.columns(mapping.UserSignedUp!)).get('age')?.nullable).toBe(true);

    const [order] = await db.query(`SELECT * FROM ${db.quote(mapping.OrderPlaced!)} WHERE sys__eid = ?`, [events[3]!.sys__eid]);
    const sent = events[3]!;
    expect(String(order!.note)).toBe(sent.note);
    expect(Boolean(order!.paid)).toBe(sent.paid);
    expect(Number(order!.sys__ets)).toBe(sent.sys__ets);
    expect(isoOf(order!.placed_at)).toBe(sent.placed_at);
    expect(typeof order!.meta === 'string' ? JSON.parse(order!.meta) : order!.meta).toEqual(sent.meta);
  });

  it('writes a batch twice (a retry) without duplicates and counts each event once', async () => {
    const mapping = fresh('twice');
    const out = create({ tableMapping: mapping });
    const context = openContext();
    await out.open(context);
    const events = makeEvents(900);
    const batch = createEventBatch(events);
    await out.write(batch);
    await out.write(batch);
    await expectStored(mapping, events);
    expect(out.stats()).toEqual({ delivered: 900, failed: 0, inFlight: 0 });
    expect(context.lines.join('\n')).toMatch(/900 events of a batch were already stored/);
    // Half old, half new: only the new half is added and counted.
    await out.write(createEventBatch(makeEvents(900, 450)));
    await expectStored(mapping, makeEvents(1350));
    expect(out.stats().delivered).toBe(1350);
  });

  it('retries a batch whose connection is killed mid-write, with zero duplicates', async () => {
    const mapping = fresh('kill');
    const out = create({ tableMapping: mapping, retry: { initialDelayMs: 50 } });
    const context = openContext();
    await out.open(context);
    const all = makeEvents(60_000);
    const batches: EventBatch[] = [];
    for (let i = 0; i < all.length; i += 10_000) batches.push(createEventBatch(all.slice(i, i + 10_000)));
    let written = 0;
    // Two batches in flight, as the engine hands them (maxInFlight).
    const run = (async () => {
      const pending: Promise<void>[] = [];
      for (const batch of batches) {
        if (pending.length >= (out.maxInFlight ?? 1)) { await pending.shift(); written++; }
        pending.push(out.write(batch));
      }
      for (const write of pending) { await write; written++; }
    })();
    let killed = false;
    while (!killed && written < batches.length) {
      const id = written >= 2 ? await db.runningStatement(mapping.OrderPlaced!) ?? await db.runningStatement(mapping.PageViewed!) : undefined;
      if (id !== undefined) { await db.kill(id); killed = true; } else await sleep(2);
    }
    await run;
    expect(killed).toBe(true);
    expect(context.lines.join('\n')).toMatch(/reconnecting and retrying/);
    await expectStored(mapping, all);
    expect(out.stats()).toEqual({ delivered: 60_000, failed: 0, inFlight: 0 });
  });

  it('reconnects when its idle connection was killed between batches', async () => {
    const mapping = fresh('idle');
    const before = new Set(await db.connectionIds());
    const out = create({ tableMapping: mapping, retry: { initialDelayMs: 20 } });
    await out.open(openContext());
    await out.write(createEventBatch(makeEvents(300)));
    const ours = (await db.connectionIds()).filter((id) => !before.has(id));
    expect(ours).toHaveLength(1);
    await db.kill(ours[0]!);
    await sleep(100);
    await out.write(createEventBatch(makeEvents(300, 300)));
    await expectStored(mapping, makeEvents(600));
    expect(out.stats().delivered).toBe(600);
  });

  it('names table and columns when an existing table lacks some, and adds them with alterTables', async () => {
    const mapping = fresh('alter');
    const first = create({ tableMapping: mapping });
    await first.open(openContext());
    await first.close();
    await db.query(`ALTER TABLE ${db.quote(mapping.OrderPlaced!)} DROP COLUMN note, DROP COLUMN ${db.quote('quantity')}`);

    const strict = create({ tableMapping: mapping });
    const error = await strict.open(openContext()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeepFakerError);
    const message = (error as Error).message;
    expect(message).toContain(`table ${mapping.OrderPlaced}`);
    expect(message).toMatch(/quantity, note|note, quantity/);
    expect(message).toContain('alterTables: true');
    expect(message.split('\n')).toHaveLength(1);
    await strict.close();

    const altering = create({ tableMapping: mapping, alterTables: true });
    const context = openContext();
    await altering.open(context);
    expect(context.lines.join('\n')).toMatch(/added column\(s\) quantity, note|added column\(s\) note, quantity/);
    const columns = await db.columns(mapping.OrderPlaced!);
    expect(columns.get('note')?.nullable).toBe(true);
    expect(columns.get('quantity')?.nullable).toBe(true);
    await altering.write(createEventBatch(makeEvents(30)));
    await expectStored(mapping, makeEvents(30));
  });

  it('rejects a value the table cannot hold with an error naming output and table', async () => {
    const mapping = fresh('bad');
    const out = create({ tableMapping: mapping });
    await out.open(openContext());
    const events = makeEvents(6);
    events[0] = { ...events[0]!, customer_id: 'x'.repeat(40) };
    const error = await out.write(createEventBatch(events)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as Error).message).toMatch(new RegExp(`^(MySQLOutput|PostgresOutput), table ${mapping.OrderPlaced}: a batch of 6 events was rejected`));
    expect(out.stats()).toEqual({ delivered: 0, failed: 6, inFlight: 0 });
    await out.close();
    await out.close();
  });

  it('fails fast on an unreachable database, without the password', async () => {
    const out = db.createOutput({ connection: db.unreachableConnection });
    output = out;
    const started = Date.now();
    const error = await out.open(openContext()).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(DeepFakerError);
    const message = (error as Error).message;
    expect(message).toMatch(/cannot connect to 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Is the database running\?/);
    expect(message).not.toContain('pw-s3cret');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('keeps the password out of a refused connection\'s error', async () => {
    const out = db.createOutput({ connection: db.refusedConnection });
    output = out;
    const error = await out.open(openContext()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as Error).message).toMatch(/cannot connect to .* as .*Check the user, password and database/);
    expect((error as Error).message).not.toContain('pw-s3cret');
    expect(out.name).not.toContain('pw-s3cret');
  });
}

function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
