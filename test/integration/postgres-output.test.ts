import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresOutput } from '../../src/outputs/postgres-output.js';
import { createEventBatch } from '../../src/outputs/event-batch.js';
import { POSTGRES_URL, checkService } from './services.js';
import { EVENTS, makeEvents, openContext, sqlOutputContract, type ColumnDescription, type SqlTestDatabase } from './sql-output-contract.js';

const status = await checkService('postgres');

function postgresTestDatabase(): SqlTestDatabase {
  let admin: pg.Client | undefined;
  const query = async (sql: string, params?: unknown[]) => {
    let n = 0;
    const result = await admin!.query(sql.replace(/\?/g, () => `$${++n}`), params);
    return result.rows as Record<string, unknown>[];
  };
  return {
    async connect() { admin = new pg.Client({ connectionString: POSTGRES_URL }); await admin.connect(); },
    async close() { await admin?.end(); },
    createOutput: (options) => new PostgresOutput(options),
    query,
    quote: (identifier) => `"${identifier}"`,
    async columns(table) {
      const rows = await query(
        `SELECT column_name AS name, data_type, character_maximum_length AS length, datetime_precision AS precision, is_nullable
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`, [table]);
      return new Map(rows.map((row): [string, ColumnDescription] => {
        let type = String(row.data_type);
        if (type === 'character varying') type = `varchar(${String(row.length)})`;
        if (type.startsWith('timestamp')) type = `${type}(${String(row.precision)})`;
        return [String(row.name), { type, nullable: row.is_nullable === 'YES' }];
      }));
    },
    async primaryKey(table) {
      const rows = await query(
        `SELECT kcu.column_name AS name FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
         WHERE tc.table_schema = current_schema() AND tc.table_name = ? AND tc.constraint_type = 'PRIMARY KEY'
         ORDER BY kcu.ordinal_position`, [table]);
      return rows.map((row) => String(row.name));
    },
    async connectionIds() {
      const rows = await query("SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
      return rows.map((row) => Number(row.pid));
    },
    async runningStatement(fragment) {
      const rows = await query("SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active' AND query LIKE ?", [`%${fragment}%`]);
      return rows.length > 0 ? Number(rows[0]!.pid) : undefined;
    },
    async kill(pid) { await query('SELECT pg_terminate_backend(?)', [pid]); },
    orderTypes: {
      sys__eid: 'varchar(12)', sys__ets: 'bigint', sys__sid: 'varchar(16)', event_type: 'varchar(255)',
      order_id: 'text', customer_id: 'varchar(22)', amount: 'double precision', quantity: 'bigint',
      paid: 'boolean', placed_at: 'timestamp with time zone(3)', status: 'varchar(7)', note: 'text', meta: 'jsonb',
    },
    unreachableConnection: 'postgres://postgres:pw-s3cret@127.0.0.1:1/test',
    // Trust authentication accepts any password, so a missing database is the refusal here.
    refusedConnection: POSTGRES_URL.replace(/^postgres(ql)?:\/\/([^:@/]+)(:[^@]*)?@([^/]+)\/.*$/, 'postgres://$2:pw-s3cret@$4/no_such_db_deep_faker'),
  };
}

describe.runIf(status.available)('PostgresOutput against PostgreSQL', () => {
  const db = postgresTestDatabase();
  sqlOutputContract(db, POSTGRES_URL);

  it('creates tables in the schema option and loads them through COPY', async () => {
    const schema = `deep_faker_${Math.random().toString(36).slice(2, 8)}`;
    await db.query(`CREATE SCHEMA ${schema}`);
    try {
      const output = new PostgresOutput({ connection: POSTGRES_URL, schema });
      await output.open(openContext(EVENTS.slice(0, 1)));
      const events = makeEvents(30).filter((event) => event.event_type === 'OrderPlaced');
      await output.write(createEventBatch(events));
      await output.close();
      const rows = await db.query(`SELECT COUNT(*) AS n FROM ${schema}.order_placed`);
      expect(Number(rows[0]!.n)).toBe(10);
    } finally {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });
});
