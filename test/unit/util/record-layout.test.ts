import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecordLayout } from '../../../src/util/record-layout.js';
import { hasOnlyKnownKeys } from '../../../src/util/known-keys.js';

describe('RecordLayout', () => {
  it('makes independent records whose keys keep the layout order, whatever order they are filled in', () => {
    const layout = new RecordLayout(['event_type', 'b', 'a', 'sys__eid']);
    const first = layout.create();
    const second = layout.create();
    first.sys__eid = 'x';
    first.a = 1;
    first.event_type = 'E';
    expect(JSON.stringify(first)).toBe('{"event_type":"E","b":null,"a":1,"sys__eid":"x"}');
    expect(second).toEqual({ event_type: null, b: null, a: null, sys__eid: null });
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
  });

  it('leaves out fields set to undefined in JSON, as a record built field by field would', () => {
    const record = new RecordLayout(['a', 'b']).create();
    record.a = undefined;
    record.b = 2;
    expect(JSON.stringify(record)).toBe('{"b":2}');
  });

  it('keeps a __proto__ key as a field, not as the prototype', () => {
    const record = new RecordLayout(['a', '__proto__', 'b']).create();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    record.__proto__ = 'x';
    record.b = 1;
    expect(Object.keys(record)).toEqual(['a', '__proto__', 'b']);
    expect(JSON.stringify(record)).toBe('{"a":null,"__proto__":"x","b":1}');
  });

  it('makes the same records where code cannot be made from text', () => {
    const layoutModule = fileURLToPath(new URL('../../../src/util/record-layout.ts', import.meta.url));
    const script = `const { RecordLayout } = await import(${JSON.stringify(layoutModule)});
      const r = new RecordLayout(['event_type', 'b', 'a']).create(); r.a = 1;
      console.log(JSON.stringify(r), Object.getPrototypeOf(r) === Object.prototype);`;
    const result = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('{"event_type":null,"b":null,"a":1} true');
  });
});

describe('hasOnlyKnownKeys', () => {
  it('is false at the first unknown key', () => {
    const known = new Set(['fields', 'mutate']);
    expect(hasOnlyKnownKeys({}, known)).toBe(true);
    expect(hasOnlyKnownKeys({ fields: {}, mutate: [] }, known)).toBe(true);
    expect(hasOnlyKnownKeys({ fields: {}, save_entity: 1 }, known)).toBe(false);
  });
});
