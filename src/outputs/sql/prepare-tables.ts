/** Plans one table per event type and brings the database in line: create, compare, alter. */
import { ProblemList } from '../../errors.js';
import type { EventInfo, FieldInfo } from '../output.js';
import { columnType, tableColumns, tableName } from './column-types.js';
import type { SqlDialect, SqlSession, SqlTable } from './sql-dialect.js';

export interface TablePlanOptions {
  readonly tableMapping: Readonly<Record<string, string>>;
  /** The database or schema the tables live in. */
  readonly namespace: string;
}

/**
 * The table of every event type, checked before anything is created.
 *
 * @example planTables(dialect, [orderPlaced], { tableMapping: {}, namespace: 'test' })[0].name // 'order_placed'
 */
export function planTables(dialect: SqlDialect, events: readonly EventInfo[], options: TablePlanOptions): SqlTable[] {
  const problems = new ProblemList('E_OUTPUT_CONFIG');
  const known = new Set(events.map((event) => event.name));
  for (const event of Object.keys(options.tableMapping)) {
    if (!known.has(event)) {
      problems.add(`${dialect.outputName}: tableMapping names event ${event}, which the simulation does not emit. Known events: ${[...known].join(', ') || 'none'}.`);
    }
  }
  const owners = new Map<string, string>();
  const tables = events.map((event) => {
    const name = options.tableMapping[event.name] ?? tableName(event.name);
    const key = dialect.caseInsensitiveNames ? name.toLowerCase() : name;
    const owner = owners.get(key);
    if (owner !== undefined) {
      problems.add(`${dialect.outputName}: events ${owner} and ${event.name} both map to table ${name}. Give each event its own table in tableMapping.`);
    }
    owners.set(key, event.name);
    if (name === '' || name.length > dialect.maxIdentifierLength) {
      problems.add(`${dialect.outputName}, event ${event.name}: table name must have 1 to ${dialect.maxIdentifierLength} characters, got "${name}". Set a shorter one in tableMapping.`);
    }
    const columns = tableColumns(event);
    return {
      event: event.name,
      name,
      ref: `${dialect.quote(options.namespace)}.${dialect.quote(name)}`,
      columns,
      columnList: columns.map((column) => dialect.quote(column.name)).join(', '),
      keyField: event.keyField,
    };
  });
  problems.throwIfAny();
  return tables;
}

/** CREATE TABLE IF NOT EXISTS with typed columns, NOT NULL where required, sys__eid as key. */
export function createTableSql(dialect: SqlDialect, table: SqlTable): string {
  const columns = table.columns.map((field) => `${columnDefinition(dialect, table, field)}${field.required ? ' NOT NULL' : ''}`);
  return `CREATE TABLE IF NOT EXISTS ${table.ref} (${columns.join(', ')}, PRIMARY KEY (${dialect.quote('sys__eid')}))${dialect.tableOptions}`;
}

/** Adds columns as nullable: rows already in the table have no value for them. */
export function addColumnsSql(dialect: SqlDialect, table: SqlTable, columns: readonly FieldInfo[]): string {
  const actions = columns.map((field) => `ADD COLUMN ${columnDefinition(dialect, table, field)}`);
  return `ALTER TABLE ${table.ref} ${actions.join(', ')}`;
}

function columnDefinition(dialect: SqlDialect, table: SqlTable, field: FieldInfo): string {
  return `${dialect.quote(field.name)} ${columnType(field, dialect.types, field.primaryKey || field.name === table.keyField)}`;
}

/**
 * Creates missing tables; for existing ones, adds missing columns when `alterTables` is
 * set and otherwise reports them, all tables at once.
 */
export async function prepareTables(
  session: SqlSession, dialect: SqlDialect, tables: readonly SqlTable[], alterTables: boolean, log: (message: string) => void,
): Promise<void> {
  const problems = new ProblemList('E_OUTPUT_SCHEMA');
  const fold = (name: string) => (dialect.caseInsensitiveNames ? name.toLowerCase() : name);
  for (const table of tables) {
    const existing = new Set((await existingColumns(session, dialect, table)).map(fold));
    if (existing.size === 0) {
      await session.query(createTableSql(dialect, table));
      log(`${dialect.outputName}: created table ${table.name} (${table.columns.length} columns).`);
      continue;
    }
    const missing = table.columns.filter((column) => !existing.has(fold(column.name)));
    if (missing.length === 0) continue;
    const names = missing.map((column) => column.name).join(', ');
    if (alterTables) {
      await session.query(addColumnsSql(dialect, table, missing));
      log(`${dialect.outputName}: added column(s) ${names} to table ${table.name}.`);
    } else {
      problems.add(`${dialect.outputName}, table ${table.name}: the existing table lacks column(s) ${names}. Drop the table so it is created again, or pass alterTables: true to add them.`);
    }
  }
  problems.throwIfAny();
}

async function existingColumns(session: SqlSession, dialect: SqlDialect, table: SqlTable): Promise<string[]> {
  const rows = await session.query(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ${dialect.param(1)} AND table_name = ${dialect.param(2)}`,
    [session.namespace, table.name]);
  return rows.map((row) => String(row.name));
}
