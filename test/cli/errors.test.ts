/**
 * Every user mistake of DESIGN §3 "Bad input", through the real CLI: a non-zero exit and a
 * message of one or two lines on stderr that names where it happened and how to fix it,
 * never a stack trace. Needs a build (npm run build).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SimFolder, type CliResult } from '../helpers/cli.js';

const HEADER = `import {
  defineEvent, defineEntity, Field, StateField, Simulation, NewEvent, AddDecay, Select, SetState,
} from 'deep-faker';

export const AccountCreated = defineEvent('AccountCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
});
export const OrderCompleted = defineEvent('OrderCompleted', {
  user_id: Field.string(),
  order_id: Field.string({ faker: 'uuid4' }),
  total_amount: Field.float({ default: 9.99 }),
});
export const User = defineEntity('User', {
  sourceEvent: AccountCreated,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    cart_id: StateField.string({ default: null }),
    total_orders: StateField.int({ default: 0 }),
  },
});
`;

/** A file with HEADER, `body`, and a default-exported simulation `sim` (unless body defines it). */
function simFile(body: string, options = "{ duration: '10s', nFlows: 1, randomSeed: 1, initialEntities: [[User, 3]] }"): string {
  return `${HEADER}\nconst sim = new Simulation(${options});\n${body}\nexport default sim;\n`;
}

interface Case {
  readonly name: string;
  /** The file's source; undefined runs `args` alone. */
  readonly source?: string;
  /** CLI arguments; FILE stands for the written file. */
  readonly args?: readonly string[];
  /** Text the message must contain: names of the flow / event / entity / field, and the fix. */
  readonly expect: readonly (string | RegExp)[];
}

const CASES: readonly Case[] = [
  {
    name: 'unknown faker name',
    source: simFile('', "{ duration: '10s' }").replace("faker: 'email'", "faker: 'emial'"),
    expect: ['event AccountCreated, field email', 'unknown faker "emial"', 'Did you mean "email"?', /Use a built-in name/],
  },
  {
    name: "bad duration '5x' in the Simulation options",
    source: simFile('', "{ duration: '5x', nFlows: 1 }"),
    expect: ['Simulation duration', 'invalid duration "5x"', /Use .*"30s"/],
  },
  {
    name: "bad duration '5x' in AddDecay",
    source: simFile(`sim.flow(function* checkout(ctx) {
  yield AddDecay(ctx, { rate: 0.2, duration: '5x' });
});`),
    expect: ['flow "checkout"', 'AddDecay', 'invalid duration "5x"', /Use .*"30s"/],
  },
  {
    name: 'AddDecay rate outside [0, 1]',
    source: simFile(`sim.flow(function* checkout(ctx) {
  yield AddDecay(ctx, { rate: 1.5, seconds: 30 });
});`),
    expect: ['flow "checkout"', 'AddDecay', 'rate must be a number in [0, 1], got 1.5', /Use e\.g\. \{ rate: 0\.3/],
  },
  {
    name: 'SetState on an entity type not bound to the flow',
    source: simFile(`sim.flow(function* checkout(ctx) {
  yield NewEvent(ctx, OrderCompleted, { mutate: SetState(User, [['total_orders', 'add', 1]]) });
});`),
    expect: ['flow "checkout"', 'event OrderCompleted', 'entity User', 'not bound to this flow', /Bind one with the flow's filter/],
  },
  {
    name: 'primaryKey that is not a field of the source event',
    source: `${HEADER}
export const Account = defineEntity('Account', { sourceEvent: AccountCreated, primaryKey: 'account_id' as any, state: {} });
export default new Simulation({ duration: '10s' });
`,
    expect: ['entity Account', 'primaryKey "account_id" is not a field of its source event AccountCreated', '(fields: user_id, email)', /Name one of them, or add the field/],
  },
  {
    name: 'a flow that yields something that is not an action',
    source: simFile(`sim.flow(function* checkout(ctx) {
  yield NewEvent(ctx, AccountCreated, { saveEntity: User });
  yield 'wait' as any;
});`),
    expect: ['flow "checkout"', 'yielded "wait", which is not an action', /Yield NewEvent\(\.\.\.\), AddDecay/],
  },
  {
    name: 'unknown field in fields',
    source: simFile(`sim.flow({ filter: Select(User) }, function* checkout(ctx) {
  yield NewEvent(ctx, OrderCompleted, { fields: { total: 10 } as any });
});`),
    expect: ['flow "checkout"', 'event OrderCompleted', 'field total', 'no such field (fields: user_id, order_id, total_amount)', /Remove it or add it to the event/],
  },
  {
    name: 'wrong value type in fields',
    source: simFile(`sim.flow({ filter: Select(User) }, function* checkout(ctx) {
  yield NewEvent(ctx, OrderCompleted, { fields: { total_amount: 'ten' as any } });
});`),
    expect: ['flow "checkout"', 'event OrderCompleted', 'field total_amount', 'expected a finite number, got "ten"', /Pass a value of kind float/],
  },
  {
    name: 'unknown where field',
    source: simFile(`sim.flow({ filter: Select(User, { where: [['logged_in' as any, 'is', true]] }) }, function* checkout(ctx) {
  yield NewEvent(ctx, OrderCompleted);
});`),
    expect: ['Select, entity User, field logged_in', 'no such field (fields: is_logged_in, cart_id, total_orders, user_id)', /Name one of them/],
  },
  {
    name: "'add' on a string field (types bypassed)",
    source: simFile(`sim.flow({ filter: Select(User) }, function* checkout(ctx) {
  yield NewEvent(ctx, OrderCompleted, { mutate: SetState(User, [['cart_id', 'add', 1]] as any) });
});`),
    expect: ['flow "checkout"', 'SetState, entity User, field cart_id', "'add' needs a number field, but cart_id is string", /Use 'is'/],
  },
  {
    name: 'explicit duplicate key',
    source: simFile(`sim.flow(function* register(ctx) {
  yield NewEvent(ctx, AccountCreated, { saveEntity: User, fields: { user_id: 'user-1' } });
});`),
    expect: ['flow "register"', 'event AccountCreated', 'entity User', 'field user_id', 'an entity with key "user-1" exists already', /pass another value or leave it to the faker/],
  },
  {
    name: 'strict mode: a required field nothing fills',
    source: simFile(`const Shipped = defineEvent('Shipped', { order_id: Field.string(), carrier: Field.string() });
sim.flow(function* ship(ctx) {
  yield NewEvent(ctx, Shipped, { fields: { order_id: 'o1' } });
});`, "{ duration: '10s', nFlows: 1, randomSeed: 3, strict: true }"),
    expect: ['flow "ship"', 'event Shipped', 'field carrier', 'required and nothing fills it (strict mode)', /Pass it in fields, give it a faker or a default/],
  },
  {
    name: 'a file with no Simulation export',
    source: `${HEADER}\nexport const notASim = 42;\n`,
    expect: ['exports no Simulation', /Add "export default sim;"/],
  },
  {
    name: 'a missing file',
    args: ['run', 'test/cli/no-such-simulation.ts'],
    expect: ['test/cli/no-such-simulation.ts: no such file', /Check the path/],
  },
  (() => {
    const source = simFile(`const settings = (globalThis as { settings?: { region: string } }).settings;
console.log(settings!.region);`);
    const line = source.split('\n').findIndex((l) => l.includes('settings!.region')) + 1;
    return {
      name: 'a file that throws while it loads',
      source,
      expect: ["the file threw TypeError: Cannot read properties of undefined (reading 'region')", new RegExp(`\\(at test/cli/\\.tmp-errors-[^/]+/case-\\d+\\.ts:${line}:23\\) while loading`), 'Fix the file'],
    };
  })(),
  {
    name: 'two flows with one name (their generators share it)',
    source: simFile(`sim.flow(function* visit(ctx) { yield NewEvent(ctx, AccountCreated); });
sim.flow(function* visit(ctx) { yield NewEvent(ctx, AccountCreated); });`),
    expect: ['flow "visit": a flow with this name exists already', /Give each flow its own name/],
  },
  {
    name: 'two event types of one name in the events a simulation lists',
    source: `${HEADER}
const Signup = defineEvent('AccountCreated', { plan: Field.string({ default: 'free' }) });
const sim = new Simulation({ duration: '10s', nFlows: 1, events: [AccountCreated, OrderCompleted, Signup] });
sim.flow(function* signup(ctx) { yield NewEvent(ctx, Signup); });
export default sim;
`,
    expect: ['event AccountCreated: defined twice (fields user_id, email, and plan)', /give each event type its own name/],
  },
  ...[[], ['--partitions', '2', '--workers', '2']].map((more) => ({
    name: `a flow that emits a stale copy of an event type, with no events list${more.length > 0 ? ', in worker threads' : ''}`,
    args: ['run', 'FILE', ...more],
    source: `${HEADER}
const sim = new Simulation({ duration: '10s', nFlows: 1 });
sim.flow(function* signup(ctx) { yield NewEvent(ctx, AccountCreated); });
defineEvent('AccountCreated', { plan: Field.string({ default: 'free' }) });
export default sim;
`,
    expect: ['flow "signup", event AccountCreated: defined twice (fields plan, and user_id, email)', /give each event type its own name/],
  })),
  {
    name: 'two entity types of one name, both used',
    source: `${HEADER}
const Member = defineEntity('User', { sourceEvent: null, primaryKey: 'member_id', state: { member_id: StateField.string({ faker: 'uuid4' }) } });
const sim = new Simulation({ duration: '10s', nFlows: 1, initialEntities: [[User, 2], [Member, 2]] });
sim.flow(function* noop(ctx) { yield NewEvent(ctx, OrderCompleted); });
export default sim;
`,
    expect: ['entity User: defined twice (state is_logged_in, cart_id, total_orders, and member_id), both used in this run', /give each entity type its own name/],
  },
  {
    name: 'a file that imports a package that is not installed',
    source: `import { v4 } from 'uuid-not-installed';\n${simFile('console.log(v4);')}`,
    expect: ['cannot load: it imports "uuid-not-installed", which Node cannot find', /npm install uuid-not-installed/],
  },
  {
    name: 'a directory instead of a file',
    args: ['run', 'test/cli'],
    expect: ['test/cli: a directory, not a simulation file', /Name the \.ts file/],
  },
  {
    name: 'an unknown CLI option',
    args: ['run', 'FILE', '--sead', '42'],
    source: simFile(''),
    expect: ['unknown option --sead', /Did you mean --seed\?/],
  },
  {
    name: 'a bad --max-events',
    args: ['run', 'FILE', '--max-events', 'lots'],
    source: simFile(''),
    expect: ['--max-events must be a whole number ≥ 1, got "lots"'],
  },
  {
    name: 'a CLI value that starts with a dash',
    args: ['run', 'FILE', '--seed', '-5'],
    source: simFile(''),
    expect: ["option --seed: a value starting with '-' goes after '=', as in --seed=-5."],
  },
  {
    name: 'a CLI option with no value before the next option',
    args: ['run', 'FILE', '--seed', '--quiet'],
    source: simFile(''),
    expect: ['option --seed needs a value, e.g. --seed 42'],
  },
  {
    name: 'a bad --duration',
    args: ['run', 'FILE', '--duration', '5x'],
    source: simFile(''),
    expect: ['duration: invalid duration "5x"', /Use .*"30s"/],
  },
];

describe('CLI: user mistakes give a short message, no stack trace, and a non-zero exit', () => {
  const folder = new SimFolder('errors');
  const results = new Map<string, CliResult>();

  beforeAll(async () => {
    // Two at a time: the machine has two cores and each run compiles its file.
    const queue = CASES.map((c, i) => async () => {
      const file = c.source === undefined ? undefined : folder.write(`case-${i}.ts`, c.source);
      const args = c.args ?? ['run', 'FILE', '--seed', '7', '--start', '2025-01-01T00:00:00Z', '--out', '-'];
      results.set(c.name, await runCli(args.map((a) => (a === 'FILE' ? file! : a))));
    });
    const workers = [0, 1].map(async () => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await job();
    });
    await Promise.all(workers);
  });

  afterAll(() => folder.remove());

  for (const c of CASES) {
    it(c.name, () => {
      const result = results.get(c.name)!;
      const lines = result.stderr.trimEnd().split('\n');
      expect(result.status, result.stderr).not.toBe(0);
      expect(result.status).not.toBeNull();
      expect(result.stderr).not.toContain('    at ');
      expect(result.stderr).not.toContain('internal error');
      expect(lines.length, result.stderr).toBeLessThanOrEqual(2);
      expect(lines[0]).toMatch(/^deep-faker: error: /);
      for (const part of c.expect) {
        if (typeof part === 'string') expect(result.stderr).toContain(part);
        else expect(result.stderr).toMatch(part);
      }
      // events generated before the mistake are delivered; stdout never carries anything else
      for (const line of result.stdout.split('\n').filter((l) => l !== '')) expect(JSON.parse(line)).toHaveProperty('event_type');
    });
  }
});
