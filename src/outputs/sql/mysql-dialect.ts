/** MySQL and MariaDB through mysql2: backtick quoting, multi-row INSERT, error classes. */
import type { Connection, ResultSetHeader } from 'mysql2/promise';
import type { FieldInfo } from '../output.js';
import type { ResolvedConnection } from './resolve-connection.js';
import type { SqlDialect, SqlSession, SqlTable } from './sql-dialect.js';
import { NETWORK_ERROR_CODES, errorCode } from './sql-errors.js';
import { jsonText, plainText, utcIso } from './sql-values.js';
import { closeWithin } from './close-within.js';

const TRANSIENT = new Set([
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_NET_READ_ERROR',
  'ER_NET_READ_INTERRUPTED', 'ER_NET_ERROR_ON_WRITE', 'ER_NET_WRITE_INTERRUPTED',
  'ER_CLIENT_INTERACTION_TIMEOUT', 'ER_TOO_MANY_USER_CONNECTIONS',
]);
const AUTH = new Set([
  'ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR',
  'ER_NOT_SUPPORTED_AUTH_MODE', 'ER_HOST_NOT_PRIVILEGED', 'ER_HOST_IS_BLOCKED', 'ER_PASSWORD_EXPIRED',
]);

/**
 * Strings without a known maxLength become TEXT, except key columns (primary keys and the
 * event's main-entity key), which get VARCHAR(255) so they can be indexed without a prefix.
 */
export const mysqlDialect: SqlDialect = {
  outputName: 'MySQLOutput',
  label: 'mysql',
  envVar: 'DEEP_FAKER_MYSQL_URL',
  schemes: ['mysql', 'mariadb'],
  defaultPort: 3306,
  types: {
    int: 'BIGINT', float: 'DOUBLE', boolean: 'BOOLEAN', datetime: 'DATETIME(3)', json: 'JSON', text: 'TEXT',
    varchar: (length) => `VARCHAR(${length})`,
    // Wider VARCHARs risk the 64 KiB row limit (utf8mb4 reserves 4 bytes a character).
    maxVarcharLength: 1024,
    keyVarcharLength: 255,
  },
  maxIdentifierLength: 64,
  caseInsensitiveNames: true,
  tableOptions: ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
  defaultBatchSize: 1000,
  quote: (identifier) => `\`${identifier.replace(/`/g, '``')}\``,
  param: () => '?',
  toValue: mysqlValue,
  connect: connectMysql,
  isTransient(error) {
    const code = errorCode(error);
    if (code !== undefined && (TRANSIENT.has(code) || NETWORK_ERROR_CODES.has(code))) return true;
    // mysql2 marks a dead connection `fatal`; server errors (ER_*) that are fatal stay permanent.
    return (error as { fatal?: unknown } | null)?.fatal === true && !code?.startsWith('ER_');
  },
  isAuthError: (error) => AUTH.has(errorCode(error) ?? ''),
};

/**
 * An event value as mysql2 should send it: datetimes as UTC 'YYYY-MM-DD HH:MM:SS.sss'
 * (the session runs in +00:00), booleans as 1/0, JSON as text.
 *
 * @example mysqlValue({ name: 'at', kind: 'datetime', required: true, primaryKey: false }, '2025-01-01T00:00:00.000Z') // '2025-01-01 00:00:00.000'
 */
export function mysqlValue(field: FieldInfo, value: unknown): unknown {
  switch (field.kind) {
    case 'datetime': return utcIso(value).slice(0, -1).replace('T', ' ');
    case 'json': return jsonText(value);
    case 'boolean': return typeof value === 'boolean' ? (value ? 1 : 0) : value;
    case 'int':
    case 'float':
      if (typeof value === 'bigint') return value.toString();
      // mysql2 would send NaN as a bare word, which MySQL reads as a column name.
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`MySQL cannot store ${value} in a number column`);
      return value;
    case 'string':
    case 'enum': return plainText(value);
  }
}

async function connectMysql(connection: ResolvedConnection, timeoutMs: number): Promise<SqlSession> {
  const { createConnection } = await import('mysql2/promise');
  const conn = await createConnection({
    ...(connection.uri !== undefined ? { uri: connection.uri } : {}),
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    database: connection.database,
    connectTimeout: timeoutMs,
    charset: 'utf8mb4',
    // Without FOUND_ROWS, a duplicate that ON DUPLICATE KEY leaves unchanged counts 0 affected rows.
    flags: ['-FOUND_ROWS'],
    enableKeepAlive: true,
    supportBigNumbers: true,
    dateStrings: true,
  });
  const session = new MysqlSession(conn);
  try {
    await conn.query("SET time_zone = '+00:00'");
    const [rows] = await conn.query('SELECT DATABASE() AS db');
    session.namespace = String((rows as { db: string | null }[])[0]?.db ?? '');
    return session;
  } catch (error) {
    session.destroy();
    throw error;
  }
}

class MysqlSession implements SqlSession {
  namespace = '';
  broken = false;

  constructor(private readonly conn: Connection) {
    // A connection killed while idle reports here; without a listener it would crash the process.
    conn.on('error', () => { this.broken = true; });
  }

  async query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> {
    const [rows] = await this.conn.query(sql, params as unknown[] | undefined);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  }

  async insert(table: SqlTable, rows: readonly (readonly unknown[])[]): Promise<number> {
    // ON DUPLICATE KEY rather than INSERT IGNORE: IGNORE would also turn real errors
    // (NULL in a NOT NULL column, a value too long) into warnings and store bad rows.
    const eid = mysqlDialect.quote('sys__eid');
    const [result] = await this.conn.query<ResultSetHeader>(
      `INSERT INTO ${table.ref} (${table.columnList}) VALUES ? ON DUPLICATE KEY UPDATE ${eid} = ${eid}`, [rows]);
    return result.affectedRows;
  }

  close(): Promise<void> {
    return closeWithin(() => this.conn.end(), () => this.conn.destroy());
  }

  destroy(): void {
    this.broken = true;
    this.conn.destroy();
  }
}
