/**
 * What differs between SQL databases. The shared core (SqlOutput) holds batching,
 * transactions, retries and table setup; a dialect supplies only the parts below.
 */
import type { FieldInfo } from '../output.js';
import type { ColumnTypeNames } from './column-types.js';
import type { ConnectionDefaults, ResolvedConnection } from './resolve-connection.js';

/** Where one event type's rows go. */
export interface SqlTable {
  readonly event: string;
  /** The bare table name, for messages and information_schema. */
  readonly name: string;
  /** The quoted, namespace-qualified name to use in statements. */
  readonly ref: string;
  /** System fields first, then the event's own fields; rows hold values in this order. */
  readonly columns: readonly FieldInfo[];
  /** The quoted column names, comma-separated, in `columns` order. */
  readonly columnList: string;
  /** The event's main-entity key column: MySQL gives it an indexable type. */
  readonly keyField: string | undefined;
}

/** One open connection to the database. */
export interface SqlSession {
  /** The database (MySQL) or schema (PostgreSQL) that holds the tables; '' when none is selected. */
  readonly namespace: string;
  /** True once the connection has broken: the core replaces it before the next attempt. */
  readonly broken: boolean;
  /** Runs one statement with the dialect's bind parameters; resolves to the result rows. */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * Inserts rows of converted values inside the open transaction, skipping rows whose
   * sys__eid is already stored. Resolves to the number of rows newly stored.
   */
  insert(table: SqlTable, rows: readonly (readonly unknown[])[]): Promise<number>;
  /** Ends the connection gracefully, destroying it when that does not finish soon. Never rejects. */
  close(): Promise<void>;
  /** Drops the connection at once; the server rolls back any open transaction. */
  destroy(): void;
}

export interface SqlDialect extends ConnectionDefaults {
  /** Short label for the output's name, e.g. 'mysql'. */
  readonly label: string;
  readonly types: ColumnTypeNames;
  readonly maxIdentifierLength: number;
  /** MySQL matches column names case-insensitively; PostgreSQL's quoted names match exactly. */
  readonly caseInsensitiveNames: boolean;
  /** Appended to CREATE TABLE, e.g. the storage engine. */
  readonly tableOptions: string;
  /** Rows per insert statement unless the batchSize option says otherwise. */
  readonly defaultBatchSize: number;
  quote(identifier: string): string;
  /** The bind parameter with this 1-based position. */
  param(position: number): string;
  /** Converts one event value into what `insert` sends; throws a TypeError naming the problem. */
  toValue(field: FieldInfo, value: unknown): unknown;
  connect(connection: ResolvedConnection, timeoutMs: number): Promise<SqlSession>;
  /** True when reconnecting and writing the batch again may succeed. */
  isTransient(error: unknown): boolean;
  /** True for bad credentials or a missing database: messages then point at the connection. */
  isAuthError(error: unknown): boolean;
}
