import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import type { EventInfo } from '../../../src/outputs/output.js';
import { mysqlDialect } from '../../../src/outputs/sql/mysql-dialect.js';
import { createPostgresDialect } from '../../../src/outputs/sql/postgres-dialect.js';
import { addColumnsSql, createTableSql, planTables } from '../../../src/outputs/sql/prepare-tables.js';

const postgres = createPostgresDialect();
const ORDER: EventInfo = {
  name: 'OrderPlaced',
  keyField: 'order_id',
  fields: [
    { name: 'order_id', kind: 'string', required: true, primaryKey: false },
    { name: 'total', kind: 'float', required: false, primaryKey: false },
    { name: 'at', kind: 'datetime', required: true, primaryKey: false },
  ],
};

describe('createTableSql', () => {
  it('types columns, marks required ones NOT NULL and keys on sys__eid (MySQL)', () => {
    const [table] = planTables(mysqlDialect, [ORDER], { tableMapping: {}, namespace: 'shop' });
    expect(createTableSql(mysqlDialect, table!)).toBe(
      'CREATE TABLE IF NOT EXISTS `shop`.`order_placed` (`sys__eid` VARCHAR(12) NOT NULL, `sys__ets` BIGINT NOT NULL, '
      + '`sys__sid` VARCHAR(16) NOT NULL, `event_type` VARCHAR(255) NOT NULL, `order_id` VARCHAR(255) NOT NULL, '
      + '`total` DOUBLE, `at` DATETIME(3) NOT NULL, PRIMARY KEY (`sys__eid`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4');
  });

  it('does the same in PostgreSQL', () => {
    const [table] = planTables(postgres, [ORDER], { tableMapping: { OrderPlaced: 'Orders' }, namespace: 'public' });
    expect(createTableSql(postgres, table!)).toBe(
      'CREATE TABLE IF NOT EXISTS "public"."Orders" ("sys__eid" VARCHAR(12) NOT NULL, "sys__ets" BIGINT NOT NULL, '
      + '"sys__sid" VARCHAR(16) NOT NULL, "event_type" VARCHAR(255) NOT NULL, "order_id" TEXT NOT NULL, '
      + '"total" DOUBLE PRECISION, "at" TIMESTAMPTZ(3) NOT NULL, PRIMARY KEY ("sys__eid"))');
  });

  it('adds columns as nullable', () => {
    const [table] = planTables(postgres, [ORDER], { tableMapping: {}, namespace: 'public' });
    expect(addColumnsSql(postgres, table!, table!.columns.slice(-2)))
      .toBe('ALTER TABLE "public"."order_placed" ADD COLUMN "total" DOUBLE PRECISION, ADD COLUMN "at" TIMESTAMPTZ(3)');
  });
});

describe('identifier quoting', () => {
  it('doubles the quote character so any name is one identifier', () => {
    expect(mysqlDialect.quote('we`ird')).toBe('`we``ird`');
    expect(postgres.quote('say "hi"')).toBe('"say ""hi"""');
    expect(postgres.quote('a; DROP TABLE x')).toBe('"a; DROP TABLE x"');
  });
});

describe('planTables', () => {
  it('maps events to tables and lists the quoted columns', () => {
    const [table] = planTables(mysqlDialect, [ORDER], { tableMapping: { OrderPlaced: 'orders' }, namespace: 'db' });
    expect(table).toMatchObject({ event: 'OrderPlaced', name: 'orders', ref: '`db`.`orders`', keyField: 'order_id' });
    expect(table!.columnList).toBe('`sys__eid`, `sys__ets`, `sys__sid`, `event_type`, `order_id`, `total`, `at`');
  });

  it('reports every mapping problem at once', () => {
    const other: EventInfo = { ...ORDER, name: 'OrderShipped' };
    let error: unknown;
    try {
      planTables(mysqlDialect, [ORDER, other], {
        tableMapping: { OrderPlaced: 'orders', OrderShipped: 'ORDERS', OrderLost: 'lost' },
        namespace: 'db',
      });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DeepFakerError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual([
      'MySQLOutput: tableMapping names event OrderLost, which the simulation does not emit. Known events: OrderPlaced, OrderShipped.',
      'MySQLOutput: events OrderPlaced and OrderShipped both map to table ORDERS. Give each event its own table in tableMapping.',
    ]);
  });

  it('rejects names longer than the database allows', () => {
    expect(() => planTables(postgres, [ORDER], { tableMapping: { OrderPlaced: 'x'.repeat(64) }, namespace: 'public' }))
      .toThrow(/table name must have 1 to 63 characters/);
  });
});
