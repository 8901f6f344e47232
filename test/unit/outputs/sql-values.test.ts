import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../../src/outputs/output.js';
import { mysqlValue } from '../../../src/outputs/sql/mysql-dialect.js';
import { postgresValue } from '../../../src/outputs/sql/postgres-dialect.js';
import { copyText } from '../../../src/outputs/sql/postgres-session.js';
import { utcIso } from '../../../src/outputs/sql/sql-values.js';

const field = (kind: FieldInfo['kind']): FieldInfo => ({ name: 'f', kind, required: true, primaryKey: false });

describe('utcIso', () => {
  it('passes UTC strings through and normalizes other forms', () => {
    expect(utcIso('2025-01-01T00:00:00.000Z')).toBe('2025-01-01T00:00:00.000Z');
    expect(utcIso('2025-01-01T02:00:00+02:00')).toBe('2025-01-01T00:00:00.000Z');
    expect(utcIso(new Date(Date.UTC(2025, 5, 1, 12)))).toBe('2025-06-01T12:00:00.000Z');
    expect(utcIso(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('names a value that is not a datetime', () => {
    expect(() => utcIso('yesterday')).toThrow('not a datetime, got "yesterday"');
    expect(() => utcIso(true)).toThrow(TypeError);
  });
});

describe('mysqlValue', () => {
  it('converts datetimes to UTC DATETIME text, booleans to 1/0 and JSON to text', () => {
    expect(mysqlValue(field('datetime'), '2025-01-01T10:20:30.456Z')).toBe('2025-01-01 10:20:30.456');
    expect(mysqlValue(field('datetime'), '2025-01-01T12:20:30.456+02:00')).toBe('2025-01-01 10:20:30.456');
    expect(mysqlValue(field('boolean'), true)).toBe(1);
    expect(mysqlValue(field('boolean'), false)).toBe(0);
    expect(mysqlValue(field('json'), { a: [1, 'b'], n: 10n })).toBe('{"a":[1,"b"],"n":"10"}');
    expect(mysqlValue(field('json'), 'text')).toBe('"text"');
    expect(mysqlValue(field('int'), 12n)).toBe('12');
    expect(mysqlValue(field('string'), { a: 1 })).toBe('{"a":1}');
  });

  it('refuses NaN and Infinity, which MySQL cannot store', () => {
    expect(() => mysqlValue(field('float'), Number.NaN)).toThrow('MySQL cannot store NaN in a number column');
    expect(() => mysqlValue(field('float'), Infinity)).toThrow('MySQL cannot store Infinity in a number column');
  });
});

describe('postgresValue and copyText', () => {
  it('converts values to COPY text', () => {
    expect(postgresValue(field('boolean'), true)).toBe('t');
    expect(postgresValue(field('boolean'), false)).toBe('f');
    expect(postgresValue(field('float'), 1.5)).toBe('1.5');
    expect(postgresValue(field('float'), Number.NaN)).toBe('NaN');
    expect(postgresValue(field('datetime'), '2025-01-01T00:00:00Z')).toBe('2025-01-01T00:00:00Z');
    expect(postgresValue(field('json'), null)).toBe('null');
  });

  it('escapes tabs, newlines, carriage returns and backslashes, and writes null as \\N', () => {
    expect(copyText([['a\tb', 'c\nd', null], ['e\\f\rg', '', 'plain']]))
      .toBe('a\\tb\tc\\nd\t\\N\ne\\\\f\\rg\t\tplain\n');
  });
});
