import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../../src/outputs/output.js';
import { columnType, tableColumns, tableName } from '../../../src/outputs/sql/column-types.js';
import { mysqlDialect } from '../../../src/outputs/sql/mysql-dialect.js';
import { createPostgresDialect } from '../../../src/outputs/sql/postgres-dialect.js';

const field = (kind: FieldInfo['kind'], extra: Partial<FieldInfo> = {}): FieldInfo =>
  ({ name: 'f', kind, required: true, primaryKey: false, ...extra });
const mysql = mysqlDialect.types;
const postgres = createPostgresDialect().types;

describe('columnType', () => {
  it.each([
    ['int', {}, 'BIGINT', 'BIGINT'],
    ['float', {}, 'DOUBLE', 'DOUBLE PRECISION'],
    ['boolean', {}, 'BOOLEAN', 'BOOLEAN'],
    ['datetime', {}, 'DATETIME(3)', 'TIMESTAMPTZ(3)'],
    ['json', {}, 'JSON', 'JSONB'],
    ['string', {}, 'TEXT', 'TEXT'],
    ['string', { maxLength: 22 }, 'VARCHAR(22)', 'VARCHAR(22)'],
    ['string', { maxLength: 5000 }, 'TEXT', 'VARCHAR(5000)'],
    ['enum', { enumValues: ['a', 'shipped', 'new'] }, 'VARCHAR(7)', 'VARCHAR(7)'],
    ['enum', {}, 'VARCHAR(255)', 'VARCHAR(255)'],
  ] as const)('%s %j → MySQL %s, PostgreSQL %s', (kind, extra, my, pg) => {
    expect(columnType(field(kind, extra), mysql, false)).toBe(my);
    expect(columnType(field(kind, extra), postgres, false)).toBe(pg);
  });

  it('gives MySQL key strings of unknown length an indexable VARCHAR(255)', () => {
    expect(columnType(field('string'), mysql, true)).toBe('VARCHAR(255)');
    expect(columnType(field('string'), postgres, true)).toBe('TEXT');
    expect(columnType(field('string', { maxLength: 36 }), mysql, true)).toBe('VARCHAR(36)');
  });
});

describe('tableName', () => {
  it.each([
    ['OrderCompleted', 'order_completed'],
    ['HTTPRequestSent', 'http_request_sent'],
    ['page.viewed', 'page_viewed'],
    ['already_snake', 'already_snake'],
    ['Event2Fired', 'event2_fired'],
  ])('%s → %s', (name, table) => {
    expect(tableName(name)).toBe(table);
  });
});

describe('tableColumns', () => {
  it('puts the system fields first and keeps the event fields in order', () => {
    const columns = tableColumns({ name: 'E', keyField: undefined, fields: [field('int', { name: 'b' }), field('int', { name: 'a' })] });
    expect(columns.map((c) => c.name)).toEqual(['sys__eid', 'sys__ets', 'sys__sid', 'event_type', 'b', 'a']);
  });
});
