import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecordLayout } from '../../../src/util/record-layout.js';
import { hasOnlyKnownKeys } from '../../../src/util/known-keys.js';

describe('RecordLayout', () => {
  it('builds independent records of the values, in the order of the layout keys', () => {
    const layout = new RecordLayout(['event_type', 'b', 'a', 'sys__eid']);
    const first = layout.build(['E', null, 1, 'x']);
    const second = layout.build(['F', 2, null, 'y']);
    first.b = 'changed';
    expect(JSON.stringify(first)).toBe('{"event_type":"E","b":"changed","a":1,"sys__eid":"x"}');
    expect(second).toEqual({ event_type: 'F', b: 2, a: null, sys__eid: 'y' });
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(layout.values).toHaveLength(4);
  });

  it('copies a record of the layout into a new one with the same keys, order and values', () => {
    const layout = new RecordLayout(['user_id', 'is_logged_in', 'flow_name']);
    const state = layout.build(['u1', true, null]);
    const copy = layout.copy(state);
    expect(copy).not.toBe(state);
    state.is_logged_in = false;
    expect(JSON.stringify(copy)).toBe('{"user_id":"u1","is_logged_in":true,"flow_name":null}');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    const odd = new RecordLayout(['__proto__', 'a']);
    expect(JSON.stringify(odd.copy(odd.build(['p', 1])))).toBe('{"__proto__":"p","a":1}');
  });

  it('leaves out fields set to undefined in JSON, as a record built field by field would', () => {
    expect(JSON.stringify(new RecordLayout(['a', 'b']).build([undefined, 2]))).toBe('{"b":2}');
  });

  it('keeps a __proto__ key as a field, not as the prototype', () => {
    const record = new RecordLayout(['a', '__proto__', 'b']).build([null, 'x', 1]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['a', '__proto__', 'b']);
    expect(JSON.stringify(record)).toBe('{"a":null,"__proto__":"x","b":1}');
  });

  it('takes any text as a key: quotes, backslashes, line separators, code', () => {
    const keys = ['a"b', 'c\\d', '\u2028x', '}; throw 1; ({', ''];
    const layout = new RecordLayout(keys);
    const record = layout.build([1, 2, 3, 4, 5]);
    expect(Object.keys(record)).toEqual(keys);
    expect(Object.keys(layout.copy(record))).toEqual(keys);
    expect(Object.values(layout.copy(record))).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the key order of a literal when a key is an integer or given twice', () => {
    const record = new RecordLayout(['b', '2', 'a', 'b']).build([1, 2, 3, 4]);
    expect(JSON.stringify(record)).toBe(JSON.stringify(JSON.parse('{"b":1,"2":2,"a":3,"b":4}')));
  });

  it('gives built records its slots, -1 each, which copies, keys and JSON leave out', () => {
    const slot = Symbol('slot');
    const layout = new RecordLayout(['user_id', 'n'], [slot]);
    const record = layout.build(['u1', 2]) as Record<string | symbol, unknown>;
    expect(record[slot]).toBe(-1);
    expect(Object.keys(record)).toEqual(['user_id', 'n']);
    expect(JSON.stringify(record)).toBe('{"user_id":"u1","n":2}');
    record[slot] = 7;
    const copy = layout.copy(record as Record<string, unknown>);
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(copy).toEqual({ user_id: 'u1', n: 2 });
  });

  it('gives the first position of a key, small layouts and large alike, and undefined for any other name', () => {
    const small = new RecordLayout(['event_type', 'b', 'a', 'b']);
    expect([small.positionOf('event_type'), small.positionOf('a'), small.positionOf('b')]).toEqual([0, 2, 1]);
    // A name made at run time is a different string object from the layout's.
    expect(small.positionOf(['a'].join(''))).toBe(2);
    for (const other of ['c', '', 'A', 'toString', '__proto__']) expect(small.positionOf(other)).toBeUndefined();
    const keys = Array.from({ length: 40 }, (_, i) => `k${i % 30}`);
    const large = new RecordLayout(keys);
    for (let i = 0; i < 30; i++) expect(large.positionOf(`k${i}`)).toBe(i);
    expect(large.positionOf('k30')).toBeUndefined();
  });

  it('makes the same records where code cannot be made from text', () => {
    const layoutModule = fileURLToPath(new URL('../../../src/util/record-layout.ts', import.meta.url));
    const script = `const { RecordLayout } = await import(${JSON.stringify(layoutModule)});
      const slot = Symbol('slot');
      const layout = new RecordLayout(['event_type', 'b', 'a'], [slot]);
      const built = layout.build([null, null, 1]);
      const r = layout.copy(built);
      console.log(JSON.stringify(r), Object.getPrototypeOf(r) === Object.prototype, built[slot], Object.getOwnPropertySymbols(r).length);`;
    const result = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('{"event_type":null,"b":null,"a":1} true -1 0');
  });
});

describe('hasOnlyKnownKeys', () => {
  it('is false at the first unknown key', () => {
    const known = ['fields', 'mutate'];
    expect(hasOnlyKnownKeys({}, known)).toBe(true);
    expect(hasOnlyKnownKeys({ fields: {}, mutate: [] }, known)).toBe(true);
    expect(hasOnlyKnownKeys({ fields: {}, save_entity: 1 }, known)).toBe(false);
    // A key made at run time is another string object with the same characters: still known.
    expect(hasOnlyKnownKeys({ [['fi', 'elds'].join('')]: {} }, known)).toBe(true);
  });
});
