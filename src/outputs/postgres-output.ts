import { createPostgresDialect } from './sql/postgres-dialect.js';
import { SqlOutput, sqlOptions, type SqlOutputOptions } from './sql/sql-output.js';

/** PostgresOutput's options: `connection` defaults to DEEP_FAKER_POSTGRES_URL; batchSize (rows per COPY) to 10000. */
export interface PostgresOutputOptions extends SqlOutputOptions {
  /** The schema tables live in (default: the connection's current_schema(), usually public). */
  schema?: string;
}

/**
 * Writes each event type to its own PostgreSQL table (created when missing, typed from the
 * schema, `sys__eid` as primary key), one transaction per batch, loaded with COPY. A
 * retried batch never stores an event twice. pg is loaded only when the output opens.
 *
 * Column types: string → VARCHAR(maxLength) when known, else TEXT; int → BIGINT;
 * float → DOUBLE PRECISION; boolean → BOOLEAN; datetime → TIMESTAMPTZ(3); json → JSONB;
 * enum → VARCHAR of the longest value. Required fields are NOT NULL.
 *
 * @example
 * const output = new PostgresOutput({
 *   connection: 'postgres://postgres@127.0.0.1:5432/shop',
 *   schema: 'events',
 *   tableMapping: { OrderPlaced: 'orders' },
 * });
 */
export class PostgresOutput extends SqlOutput {
  constructor(options: PostgresOutputOptions | string = {}) {
    const checked = sqlOptions(options, 'PostgresOutput');
    super(createPostgresDialect(checked.schema), checked);
  }
}
