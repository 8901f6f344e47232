/** One pg connection: COPY straight into the table, falling back to a staging table on duplicates. */
import type { Client } from 'pg';
import type { from as copyFromType } from 'pg-copy-streams';
import type { ResolvedConnection } from './resolve-connection.js';
import type { SqlSession, SqlTable } from './sql-dialect.js';
import { closeWithin } from './close-within.js';
import { errorCode } from './sql-errors.js';

export async function connectPostgres(connection: ResolvedConnection, timeoutMs: number, schema: string | undefined): Promise<SqlSession> {
  const [{ Client }, { from }] = await Promise.all([import('pg'), import('pg-copy-streams')]);
  const client = new Client({
    ...(connection.uri !== undefined ? { connectionString: connection.uri } : {}),
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    database: connection.database,
    connectionTimeoutMillis: timeoutMs,
    keepAlive: true,
    application_name: 'deep-faker',
  });
  const session = new PostgresSession(client, from);
  try {
    await client.connect();
    const result = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    session.namespace = schema ?? result.rows[0]?.schema ?? '';
    return session;
  } catch (error) {
    session.destroy();
    throw error;
  }
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Rows of strings (or null) as COPY text format. */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (i > 0) text += '\t';
      if (value === null || value === undefined) text += '\\N';
      else {
        const s = value as string;
        text += COPY_SPECIAL.test(s) ? s.replace(/[\\\n\r\t]/g, (ch) => COPY_ESCAPES[ch]!) : s;
      }
    }
    text += '\n';
  }
  return text;
}

class PostgresSession implements SqlSession {
  namespace = '';
  broken = false;
  /** Tables that recently met duplicates: they take the staging path until a batch is all new. */
  private readonly conflicted = new Set<string>();
  private readonly staging = new Map<string, string>();

  constructor(private readonly client: Client, private readonly copyFrom: typeof copyFromType) {
    // A backend terminated while idle reports here; without a listener it would crash the process.
    client.on('error', () => { this.broken = true; });
    client.on('end', () => { this.broken = true; });
  }

  async query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> {
    const result = await this.client.query(sql, params as unknown[] | undefined);
    return result.rows as Record<string, unknown>[];
  }

  /**
   * COPY into the table is the fast path (no ON CONFLICT in COPY): a duplicate sys__eid
   * aborts it with 23505, and the savepoint lets the same rows go through a staging
   * table and INSERT ... ON CONFLICT DO NOTHING instead.
   */
  async insert(table: SqlTable, rows: readonly (readonly unknown[])[]): Promise<number> {
    const text = copyText(rows);
    if (!this.conflicted.has(table.name)) {
      await this.client.query('SAVEPOINT deep_faker_copy');
      try {
        return await this.copy(`COPY ${table.ref} (${table.columnList}) FROM STDIN`, text);
      } catch (error) {
        if (errorCode(error) !== '23505') throw error;
        await this.client.query('ROLLBACK TO SAVEPOINT deep_faker_copy');
        this.conflicted.add(table.name);
      }
    }
    const stage = await this.stagingTable(table);
    await this.copy(`COPY ${stage} (${table.columnList}) FROM STDIN`, text);
    const result = await this.client.query(
      `INSERT INTO ${table.ref} (${table.columnList}) SELECT ${table.columnList} FROM ${stage} ON CONFLICT (sys__eid) DO NOTHING`);
    await this.client.query(`TRUNCATE ${stage}`);
    const inserted = result.rowCount ?? 0;
    if (inserted === rows.length) this.conflicted.delete(table.name);
    return inserted;
  }

  close(): Promise<void> {
    return closeWithin(() => this.client.end(), () => this.destroy());
  }

  destroy(): void {
    this.broken = true;
    // pg's end() cuts the socket at once when a query is still running or the socket is dead.
    this.client.end().catch(() => undefined);
  }

  private async stagingTable(table: SqlTable): Promise<string> {
    let stage = this.staging.get(table.name);
    if (stage === undefined) {
      const name = `deep_faker_stage_${this.staging.size + 1}`;
      // Session-local and unlogged; created inside the batch's transaction, so a rollback
      // undoes it too, which is fine because a failed attempt discards the whole session.
      await this.client.query(`CREATE TEMPORARY TABLE IF NOT EXISTS ${name} (LIKE ${table.ref} INCLUDING DEFAULTS)`);
      stage = `pg_temp.${name}`;
      this.staging.set(table.name, stage);
    }
    return stage;
  }

  private copy(sql: string, text: string): Promise<number> {
    const stream = this.client.query(this.copyFrom(sql));
    return new Promise((resolve, reject) => {
      stream.on('error', reject);
      // 'finish' comes after the server's ReadyForQuery, so the rows are in the table.
      stream.on('finish', () => resolve(stream.rowCount));
      stream.end(text);
    });
  }
}
