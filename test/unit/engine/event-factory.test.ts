import { describe, expect, it } from 'vitest';
import {
  AddDecay, DeepFakerError, defineEntity, defineEvent, Field, NewEvent, Select, Simulation, StateField,
} from 'deep-faker';
import { runCollect, T0 } from '../../helpers/collecting-output.js';
import { loopBuilder, typeBuilder, type EventBuilder } from '../../../src/engine/event-factory.js';

const Account = defineEntity('FillAccount', {
  sourceEvent: null,
  primaryKey: 'account_id',
  state: { account_id: StateField.string({ faker: 'uuid4' }) },
});

const Filled = defineEvent('Filled', {
  account_id: Field.string({ faker: () => 'from-faker' }),
  explicit: Field.string({ faker: () => 'from-faker', default: 'from-default' }),
  faked: Field.string({ faker: () => 'from-faker', default: 'from-default' }),
  defaulted: Field.string({ default: 'from-default' }),
  optional: Field.string({ nullable: true }),
  count: Field.int(),
  label: Field.enum(['a', 'b']),
  at: Field.datetime({ faker: 'now' }),
});

function fillSim(options: { strict?: boolean; bind?: boolean; partitions?: number } = {}): Simulation {
  const sim = new Simulation({ duration: '10s', nFlows: 1, randomSeed: 1, initialEntities: [[Account, 3]], strict: options.strict, partitions: options.partitions });
  const flowOptions = options.bind === false ? {} : { filter: Select(Account) };
  sim.flow(flowOptions, function* fill_flow(ctx) {
    yield NewEvent(ctx, Filled, { fields: { explicit: 'from-fields' } });
    yield AddDecay(ctx, { rate: 0, seconds: 2 });
    yield NewEvent(ctx, Filled, { fields: { account_id: 'explicit-key', explicit: 'again' } });
  });
  return sim;
}

describe('eventBuilder: the builder made per event type', () => {
  /**
   * Runs `run` with `event`'s records built by `make` (the type's own code, or the loop). The
   * event is typed as the package gives it and the builders as the source has them: one type
   * in two declarations, hence `never`.
   */
  async function withBuilder<T>(event: { builder: unknown }, make: (event: never) => EventBuilder | null, run: () => Promise<T>): Promise<T> {
    const builder = make(event as never);
    expect(builder).toBeTypeOf('function');
    event.builder = builder;
    try {
      return await run();
    } finally {
      event.builder = undefined;
    }
  }

  it('makes the records, draws and counts that the loop over fields makes', async () => {
    for (const options of [{}, { bind: false }, { partitions: 2 }]) {
      const made = await withBuilder(Filled, typeBuilder, () => runCollect(fillSim(options)));
      const looped = await withBuilder(Filled, loopBuilder, () => runCollect(fillSim(options)));
      expect(looped.events.length).toBeGreaterThan(4);
      expect(JSON.stringify(looped.events)).toBe(JSON.stringify(made.events));
      expect(looped.summary.autoFilled).toEqual(made.summary.autoFilled);
    }
  });

  it('takes, checks and refuses given values as the loop does, for every kind of field', async () => {
    const Given = defineEvent('GivenKinds', {
      text: Field.string(), count: Field.int(), amount: Field.float(), flag: Field.boolean(),
      at: Field.datetime(), label: Field.enum(['a', 'b']), payload: Field.json(), note: Field.string({ nullable: true }),
    });
    const given = (fields: Record<string, unknown>) => {
      const sim = new Simulation({ duration: '3s', nFlows: 1, randomSeed: 2 });
      sim.flow({}, function* give(ctx) {
        yield NewEvent(ctx, Given, { fields: fields as never });
      });
      return runCollect(sim).then((run) => JSON.stringify(run.events), (error: unknown) => `${(error as DeepFakerError).code}: ${(error as Error).message}`);
    };
    const cases: Record<string, unknown>[] = [
      { text: 't', count: 3, amount: 2.5, flag: true, at: new Date(T0), label: 'b', payload: { a: [1] }, note: null },
      { text: 't', count: undefined, at: '2025-01-01T00:00:00Z', note: 'n' },
      { count: 2.5 }, { text: 5 }, { amount: Infinity }, { flag: 'yes' }, { at: 'not a date' }, { label: 'c' }, { text: null },
      { nothing: 1 }, { event_type: 'x' }, { sys__eid: 'x' },
    ];
    for (const fields of cases) {
      const made = await withBuilder(Given, typeBuilder, () => given(fields));
      expect(await withBuilder(Given, loopBuilder, () => given(fields))).toBe(made);
    }
  });

  it('strict: the loop over fields names the same flow, event and field', async () => {
    const made = await withBuilder(Filled, typeBuilder, () => runCollect(fillSim({ strict: true })).catch((e: unknown) => e));
    const looped = await withBuilder(Filled, loopBuilder, () => runCollect(fillSim({ strict: true })).catch((e: unknown) => e));
    expect((looped as Error).message).toBe((made as Error).message);
    expect((looped as DeepFakerError).code).toBe('E_UNFILLED_FIELD');
  });

  it('is made once per type, at its first event, and kept: the type\'s own code', async () => {
    Filled.builder = undefined;
    await runCollect(fillSim());
    const first = Filled.builder;
    // The type's own code (its given names in a switch), not the loop.
    expect(String(first)).toContain('switch (name)');
    await runCollect(fillSim());
    expect(Filled.builder).toBe(first);
  });
});

describe('building events: the order that fills a field', () => {
  it('explicit fields > bound entity key > faker > default > null / auto-fill', async () => {
    const sim = fillSim();
    const { events, summary } = await runCollect(sim);
    const keys = new Set(sim.query(Account).map((a) => a.account_id));
    expect(events.length).toBeGreaterThan(4);
    for (const [i, e] of events.entries()) {
      expect(e.event_type).toBe('Filled');
      const first = i === 0 || events.slice(0, i).every((p) => p.sys__sid !== e.sys__sid);
      // the bound entity's key beats the field's faker; an explicit value beats both
      if (first) expect(keys.has(e.account_id as string)).toBe(true);
      else expect(e.account_id).toBe('explicit-key');
      expect(e.explicit).toBe(first ? 'from-fields' : 'again');
      expect(e.faked).toBe('from-faker');
      expect(e.defaulted).toBe('from-default');
      expect(e.optional).toBeNull();
      // a required field nothing fills is generated for its type
      expect(Number.isSafeInteger(e.count)).toBe(true);
      expect(['a', 'b']).toContain(e.label);
      // 'now' is the flow clock
      expect(e.at).toBe(new Date(e.sys__ets).toISOString());
    }
    expect(summary.autoFilled).toEqual({ 'Filled.count': events.length, 'Filled.label': events.length });
  });

  it('a field named like a bound key is filled only while the entity is bound', async () => {
    const { events } = await runCollect(fillSim({ bind: false }));
    for (const e of events) expect(['from-faker', 'explicit-key']).toContain(e.account_id);
  });

  it('writes the system fields and the event type first', async () => {
    const { events } = await runCollect(fillSim());
    const e = events[0]!;
    expect(Object.keys(e)).toEqual(['event_type', 'account_id', 'explicit', 'faked', 'defaulted', 'optional', 'count', 'label', 'at', 'sys__eid', 'sys__ets', 'sys__sid']);
    expect(e.sys__eid).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(e.sys__sid).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(e.sys__ets).toBeGreaterThanOrEqual(T0);
    expect(new Set(events.map((x) => x.sys__eid)).size).toBe(events.length);
  });

  it('strict: a required field nothing fills is an error that names flow, event and field', async () => {
    const error = await runCollect(fillSim({ strict: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as DeepFakerError).code).toBe('E_UNFILLED_FIELD');
    expect((error as Error).message).toBe(
      'flow "fill_flow", event Filled, field count: required and nothing fills it (strict mode). Pass it in fields, give it a faker or a default, or make it nullable.',
    );
  });
});

describe('building events: explicit values are checked', () => {
  const Paid = defineEvent('FillPaid', { order_id: Field.string(), amount: Field.float(), paid_at: Field.datetime({ nullable: true }) });

  async function runWith(fields: Record<string, unknown>): Promise<unknown> {
    const sim = new Simulation({ duration: '2s', nFlows: 1, randomSeed: 1 });
    sim.flow(function* pay(ctx) {
      yield NewEvent(ctx, Paid, { fields: fields as never });
    });
    return runCollect(sim).then((r) => r.events, (e: unknown) => e);
  }

  it('rejects an unknown field, listing the fields', async () => {
    const error = await runWith({ order_id: 'o', amout: 5 });
    expect((error as DeepFakerError).code).toBe('E_UNKNOWN_FIELD');
    expect((error as Error).message).toBe(
      'flow "pay", event FillPaid, field amout: FillPaid has no such field (fields: order_id, amount, paid_at). Remove it or add it to the event.',
    );
  });

  it('rejects the system fields and event_type as explicit fields', async () => {
    for (const name of ['event_type', 'sys__eid', 'sys__ets', 'sys__sid']) {
      const error = await runWith({ order_id: 'o', [name]: 'x' });
      expect((error as DeepFakerError).code).toBe('E_UNKNOWN_FIELD');
      expect((error as Error).message).toContain(`field ${name}: FillPaid has no such field`);
    }
  });

  it('fills a field given as undefined, and keeps the field order whatever order values are given in', async () => {
    const events = (await runWith({ amount: 5, order_id: undefined, paid_at: null })) as Record<string, unknown>[];
    expect(events.length).toBeGreaterThan(0);
    const first = events[0]!;
    expect(Object.keys(first)).toEqual(['event_type', 'order_id', 'amount', 'paid_at', 'sys__eid', 'sys__ets', 'sys__sid']);
    expect(first.amount).toBe(5);
    expect(typeof first.order_id).toBe('string');
    expect(first.paid_at).toBeNull();
  });

  it('rejects a value of the wrong type', async () => {
    const error = await runWith({ amount: 'ten' });
    expect((error as DeepFakerError).code).toBe('E_BAD_VALUE');
    expect((error as Error).message).toBe('flow "pay", event FillPaid, field amount: expected a finite number, got "ten". Pass a value of kind float.');
    expect(((await runWith({ order_id: null })) as Error).message).toContain('field order_id: got null but the field is required');
  });

  it('normalizes datetimes and accepts null on nullable fields', async () => {
    const events = (await runWith({ order_id: 'o1', amount: 5, paid_at: new Date(Date.UTC(2025, 0, 2)) })) as Record<string, unknown>[];
    expect(events[0]!.paid_at).toBe('2025-01-02T00:00:00.000Z');
    const nulls = (await runWith({ order_id: 'o1', amount: 5, paid_at: null })) as Record<string, unknown>[];
    expect(nulls[0]!.paid_at).toBeNull();
  });
});

describe('values of faker functions are checked like explicit values', () => {
  const Stamped = defineEvent('FillStamped', {
    stamp_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
    at: Field.datetime({ faker: (f) => f.date.recent() }),
    when: Field.datetime({ nullable: true, faker: () => null }),
  });
  const Stamp = defineEntity('FillStamp', { sourceEvent: Stamped, primaryKey: 'stamp_id', state: { at: StateField.datetime({ fromField: 'at' }) } });

  it('a Date from a function faker is stored as an ISO string, in the event and in entity state', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, randomSeed: 2 });
    sim.flow(function* stamp(ctx) {
      const event = yield* NewEvent(ctx, Stamped, { saveEntity: Stamp });
      expect(typeof event.at).toBe('string');
      expect(ctx.getEntity(Stamp)!.at).toBe(event.at);
    });
    const { events } = await runCollect(sim);
    expect(events[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(events[0]!.when).toBeNull();
    expect(sim.query(Stamp, { where: [['at', 'is', events[0]!.at as string]] })).toHaveLength(1);
  });

  it('a value of the wrong kind is an error naming the event and the field', async () => {
    const Counted = defineEvent('FillCounted', { n: Field.int({ faker: () => 'many' as unknown as number }) });
    const sim = new Simulation({ duration: '1s', nFlows: 1 });
    sim.flow(function* count(ctx) {
      yield NewEvent(ctx, Counted);
    });
    const error = await runCollect(sim).catch((e: unknown) => e);
    expect((error as DeepFakerError).code).toBe('E_BAD_VALUE');
    expect((error as Error).message).toBe('event FillCounted, field n: the faker function\'s value does not fit the field: expected an integer, got "many". Return a value of kind int.');
  });
});
