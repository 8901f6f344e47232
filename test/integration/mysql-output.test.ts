import mysql from 'mysql2/promise';
import { describe } from 'vitest';
import { MySQLOutput } from '../../src/outputs/mysql-output.js';
import { MYSQL_URL, checkService } from './services.js';
import { sqlOutputContract, type ColumnDescription, type SqlTestDatabase } from './sql-output-contract.js';

const status = await checkService('mysql');

function mysqlTestDatabase(): SqlTestDatabase {
  let admin: mysql.Connection | undefined;
  const query = async (sql: string, params?: unknown[]) => {
    const [rows] = await admin!.query(sql, params);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  };
  return {
    async connect() { admin = await mysql.createConnection({ uri: MYSQL_URL, dateStrings: true }); },
    async close() { await admin?.end(); },
    createOutput: (options) => new MySQLOutput(options),
    query,
    quote: (identifier) => `\`${identifier}\``,
    async columns(table) {
      const rows = await query(
        'SELECT column_name AS name, column_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
        [table]);
      // MariaDB shows display widths (bigint(20)); MySQL 8 does not.
      return new Map(rows.map((row): [string, ColumnDescription] => [String(row.name),
        { type: String(row.type).toLowerCase().replace(/^(bigint|int)\(\d+\)/, '$1'), nullable: row.nullable === 'YES' }]));
    },
    async primaryKey(table) {
      const rows = await query(
        `SELECT column_name AS name FROM information_schema.key_column_usage
         WHERE table_schema = DATABASE() AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position`, [table]);
      return rows.map((row) => String(row.name));
    },
    async connectionIds() {
      const rows = await query("SELECT id FROM information_schema.processlist WHERE id <> CONNECTION_ID() AND command <> 'Daemon'");
      return rows.map((row) => Number(row.id));
    },
    async runningStatement(fragment) {
      const rows = await query('SELECT id FROM information_schema.processlist WHERE id <> CONNECTION_ID() AND info LIKE ?', [`%${fragment}%`]);
      return rows.length > 0 ? Number(rows[0]!.id) : undefined;
    },
    async kill(id) { await query(`KILL ${Number(id)}`); },
    orderTypes: {
      sys__eid: 'varchar(12)', sys__ets: 'bigint', sys__sid: 'varchar(16)', event_type: 'varchar(255)',
      order_id: 'varchar(255)', customer_id: 'varchar(22)', amount: 'double', quantity: 'bigint',
      paid: 'tinyint(1)', placed_at: 'datetime(3)', status: 'varchar(7)', note: 'text',
      // MariaDB's JSON is LONGTEXT with a json_valid check.
      meta: ['json', 'longtext'],
    },
    unreachableConnection: 'mysql://root:pw-s3cret@127.0.0.1:1/test',
    refusedConnection: MYSQL_URL.replace(/^mysql:\/\/([^:@/]+)(:[^@]*)?@/, 'mysql://$1:pw-s3cret@'),
  };
}

describe.runIf(status.available)('MySQLOutput against MariaDB/MySQL', () => {
  sqlOutputContract(mysqlTestDatabase(), MYSQL_URL);
});
