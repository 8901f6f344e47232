import { mysqlDialect } from './sql/mysql-dialect.js';
import { SqlOutput, sqlOptions, type SqlOutputOptions } from './sql/sql-output.js';

/** MySQLOutput's options: `connection` defaults to DEEP_FAKER_MYSQL_URL; batchSize (rows per INSERT) to 1000. */
export type MySQLOutputOptions = SqlOutputOptions;

/**
 * Writes each event type to its own MySQL or MariaDB table (created when missing, typed
 * from the schema, `sys__eid` as primary key), one transaction per batch. A retried batch
 * never stores an event twice. mysql2 is loaded only when the output opens.
 *
 * Column types: string → VARCHAR(maxLength) when known, VARCHAR(255) for key columns,
 * else TEXT; int → BIGINT; float → DOUBLE; boolean → BOOLEAN; datetime → DATETIME(3)
 * in UTC; json → JSON; enum → VARCHAR of the longest value. Required fields are NOT NULL.
 *
 * @example
 * const output = new MySQLOutput({
 *   connection: 'mysql://root:secret@127.0.0.1:3306/shop',
 *   tableMapping: { OrderPlaced: 'orders' },
 * });
 */
export class MySQLOutput extends SqlOutput {
  constructor(options: MySQLOutputOptions | string = {}) {
    super(mysqlDialect, sqlOptions(options, mysqlDialect.outputName));
  }
}
