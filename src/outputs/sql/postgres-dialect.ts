/** PostgreSQL through pg: double-quote quoting, COPY-based inserts, SQLSTATE error classes. */
import type { FieldInfo } from '../output.js';
import type { SqlDialect } from './sql-dialect.js';
import { NETWORK_ERROR_CODES, errorCode, errorMessage } from './sql-errors.js';
import { jsonText, plainText, utcIso } from './sql-values.js';
import { connectPostgres } from './postgres-session.js';

const TRANSIENT = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a server restart
  '57P02', '57P03', '57014', // crash shutdown, cannot connect now, query canceled
  '40001', '40P01', // serialization failure, deadlock
  '53300', '55P03', // too many connections, lock not available
  '08000', '08001', '08003', '08004', '08006',
]);
const AUTH = new Set(['28000', '28P01', '3D000']);
// pg reports a socket that closed under it with a message and no code.
const CONNECTION_GONE = /Connection terminated|connection error and is not queryable|Connection ended|timeout expired/i;

/**
 * The dialect of one PostgresOutput. Tables go to `schema`, else to the connection's
 * current_schema(). Strings without a known maxLength are TEXT, which PostgreSQL indexes
 * and stores as efficiently as VARCHAR.
 *
 * @example createPostgresDialect('analytics').quote('order placed') // '"order placed"'
 */
export function createPostgresDialect(schema?: string): SqlDialect {
  return {
    outputName: 'PostgresOutput',
    label: 'postgres',
    envVar: 'DEEP_FAKER_POSTGRES_URL',
    schemes: ['postgres', 'postgresql'],
    defaultPort: 5432,
    types: {
      int: 'BIGINT', float: 'DOUBLE PRECISION', boolean: 'BOOLEAN', datetime: 'TIMESTAMPTZ(3)',
      json: 'JSONB', text: 'TEXT',
      varchar: (length) => `VARCHAR(${length})`,
      maxVarcharLength: 10_485_760,
      keyVarcharLength: undefined,
    },
    maxIdentifierLength: 63,
    caseInsensitiveNames: false,
    tableOptions: '',
    // COPY has no statement size limit worth chunking for; bigger chunks mean fewer round trips.
    defaultBatchSize: 10_000,
    quote: quotePostgres,
    param: (position) => `$${position}`,
    toValue: postgresValue,
    connect: (connection, timeoutMs) => connectPostgres(connection, timeoutMs, schema),
    isTransient(error) {
      const code = errorCode(error);
      if (code !== undefined) return TRANSIENT.has(code) || NETWORK_ERROR_CODES.has(code);
      return CONNECTION_GONE.test(errorMessage(error));
    },
    isAuthError: (error) => AUTH.has(errorCode(error) ?? ''),
  };
}

function quotePostgres(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * An event value as COPY text (before escaping): booleans as t/f, datetimes as UTC ISO-8601,
 * JSON as text.
 *
 * @example postgresValue({ name: 'paid', kind: 'boolean', required: true, primaryKey: false }, true) // 't'
 */
export function postgresValue(field: FieldInfo, value: unknown): string {
  switch (field.kind) {
    case 'datetime': return utcIso(value);
    case 'json': return jsonText(value);
    case 'boolean': return typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
    case 'int':
    case 'float': return String(value);
    case 'string':
    case 'enum': return plainText(value);
  }
}
