/**
 * The SQL-output core MySQLOutput and PostgresOutput share: connecting, table setup, one
 * transaction per batch, retries with reconnection, and delivery counts. Dialects do the rest.
 */
import { DeepFakerError, describeValue } from '../../errors.js';
import { checkKnownKeys } from '../../util/known-keys.js';
import type { EventBatch, Output, OutputOpenContext, OutputStats } from '../output.js';
import { withRetry, type RetryOptions } from '../retry.js';
import { describeTarget, resolveConnection, type ResolvedConnection, type SqlConnectionOption } from './resolve-connection.js';
import { groupRows, type TableRows } from './group-rows.js';
import type { SqlDialect, SqlSession, SqlTable } from './sql-dialect.js';
import { causeOf, connectFailure, writeFailure } from './sql-failures.js';
import { planTables, prepareTables } from './prepare-tables.js';
import { DeadlineError, withDeadline } from '../../util/time-bounds.js';

/** Options both SQL outputs take. */
const SQL_OPTION_KEYS: ReadonlySet<string> = new Set(['connection', 'tableMapping', 'batchSize', 'alterTables', 'retry', 'schema']);

/**
 * A SQL output's options as given: an options object, or just the connection URI
 * (`new MySQLOutput('mysql://...')`).
 */
export function sqlOptions<O extends SqlOutputOptions>(options: O | string | undefined, outputName: string): O {
  if (typeof options === 'string') return { connection: options } as O;
  if (options === undefined) return {} as O;
  if (options === null || typeof options !== 'object') {
    throw new DeepFakerError('E_OUTPUT_CONFIG', `${outputName}: expected options such as { connection: 'mysql://user@host/db' } or a connection URI, got ${describeValue(options)}.`);
  }
  return options;
}

export interface SqlOutputOptions {
  /** A URI (`mysql://user:password@host:3306/db`) or its parts; defaults to the output's environment variable. */
  connection?: SqlConnectionOption;
  /** Table per event name; other events go to the snake_case of their name. */
  tableMapping?: Readonly<Record<string, string>>;
  /** Rows per insert statement; larger batches take several statements in one transaction. */
  batchSize?: number;
  /** Add missing columns (nullable) to existing tables instead of failing. */
  alterTables?: boolean;
  /** Attempts and backoff for transient failures (lost connection, deadlock). */
  retry?: Pick<RetryOptions, 'attempts' | 'initialDelayMs' | 'maxDelayMs'>;
}

// Leaves room within the Output contract's 10 s for table setup after connecting.
const CONNECT_TIMEOUT_MS = 8000;
const DEFAULT_ATTEMPTS = 8;

export class SqlOutput implements Output {
  readonly name: string;
  /**
   * Batches still go to the database one at a time, in order; the second one waiting lets
   * the engine generate, and this output convert, the next batch while the database works.
   */
  readonly maxInFlight = 2;
  /** Rows are converted from batch.events as write() begins. */
  readonly doneWithBatchOnSettle = true;
  private readonly connection: ResolvedConnection;
  private readonly batchSize: number;
  private context: OutputOpenContext | undefined;
  private session: SqlSession | undefined;
  private tables = new Map<string, SqlTable>();
  // Writes run one after another on the one connection; this never rejects.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly counts: OutputStats = { delivered: 0, failed: 0, inFlight: 0 };
  private skipped = 0;
  private closed = false;
  /** Set by the first failed batch: later batches are refused so nothing lands out of order. */
  private stopped = false;

  constructor(private readonly dialect: SqlDialect, private readonly options: SqlOutputOptions) {
    checkKnownKeys(options, SQL_OPTION_KEYS, dialect.outputName, 'E_OUTPUT_CONFIG');
    for (const [event, table] of Object.entries(options.tableMapping ?? {})) {
      if (typeof table !== 'string' || table === '') {
        throw new DeepFakerError('E_OUTPUT_CONFIG', `${dialect.outputName}, tableMapping.${event}: expected a table name, got ${describeValue(table)}.`);
      }
    }
    this.connection = resolveConnection(options.connection, dialect);
    this.batchSize = options.batchSize ?? dialect.defaultBatchSize;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new DeepFakerError('E_OUTPUT_CONFIG', `${dialect.outputName}: batchSize must be a positive integer, got ${String(options.batchSize)}.`);
    }
    this.name = `${dialect.label} ${describeTarget(this.connection)}`;
  }

  async open(context: OutputOpenContext): Promise<void> {
    const plan = (namespace: string) =>
      planTables(this.dialect, context.events, { tableMapping: this.options.tableMapping ?? {}, namespace });
    // A mistake in the options is reported even when the database is down.
    plan('');
    try {
      this.session = await this.connect();
    } catch (error) {
      throw connectFailure(this.dialect, this.connection, error);
    }
    const namespace = this.session.namespace;
    try {
      if (!namespace) {
        throw new DeepFakerError('E_OUTPUT_CONFIG', `${this.dialect.outputName}: no database selected on ${describeTarget(this.connection)}. Add it to the connection, e.g. ${this.dialect.schemes[0]}://user@host:${this.dialect.defaultPort}/mydb.`);
      }
      const tables = plan(namespace);
      await prepareTables(this.session, this.dialect, tables, this.options.alterTables ?? false, context.log);
      this.tables = new Map(tables.map((table) => [table.event, table]));
    } catch (error) {
      this.discardSession();
      if (error instanceof DeepFakerError) throw error;
      throw new DeepFakerError('E_OUTPUT_SCHEMA', `${this.dialect.outputName}: cannot prepare tables (${causeOf(error, this.connection)}). Check that the user may create and alter tables in ${namespace}.`);
    }
    this.context = context;
  }

  write(batch: EventBatch): Promise<void> {
    const context = this.context;
    if (!context || this.closed) {
      return Promise.reject(new DeepFakerError('E_OUTPUT_STATE', `${this.dialect.outputName}: write() called ${this.closed ? 'after close()' : 'before open()'}.`));
    }
    const size = batch.size;
    if (size === 0) return Promise.resolve();
    this.counts.inFlight += size;
    let groups: TableRows[];
    try {
      groups = groupRows(batch.events, this.tables, this.dialect, this.batchSize);
    } catch (error) {
      this.settle(size, false);
      return Promise.reject(error);
    }
    const run = this.queue.then(() => this.writeGroups(groups, size, context));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async flush(): Promise<void> {
    await this.queue;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (this.skipped > 0) {
      this.context?.log(`${this.dialect.outputName}: ${this.skipped} events were already stored (same sys__eid) and were skipped.`);
    }
    const session = this.session;
    this.session = undefined;
    await session?.close();
  }

  stats(): OutputStats {
    return { ...this.counts };
  }

  private async writeGroups(groups: readonly TableRows[], size: number, context: OutputOpenContext): Promise<void> {
    if (this.stopped) {
      this.settle(size, false);
      throw new DeepFakerError('E_OUTPUT_WRITE', `${this.dialect.outputName}: a batch of ${size} events was not written because an earlier batch failed.`);
    }
    const attemptsAllowed = this.options.retry?.attempts ?? DEFAULT_ATTEMPTS;
    let table: SqlTable | undefined;
    // A COMMIT that failed may still have stored its rows: the retry then finds them, ours.
    let mayHaveCommitted = false;
    let attempts = 0;
    let stored: number;
    try {
      stored = await withRetry(async (attempt) => {
        attempts = attempt;
        const session = await this.currentSession();
        let committing = false;
        try {
          let inserted = 0;
          await session.query('BEGIN');
          for (const group of groups) {
            table = group.table;
            for (const chunk of group.chunks) inserted += await session.insert(group.table, chunk);
          }
          table = undefined;
          committing = true;
          await session.query('COMMIT');
          return inserted;
        } catch (error) {
          mayHaveCommitted ||= committing;
          this.discardSession();
          throw error;
        }
      }, {
        ...this.options.retry,
        attempts: attemptsAllowed,
        signal: context.signal,
        isRetriable: (error) => !(error instanceof DeepFakerError) && this.dialect.isTransient(error),
        onRetry: (error, attempt, delayMs) => context.log(
          `${this.dialect.outputName}: write failed (${causeOf(error, this.connection)}); reconnecting and retrying in ${delayMs} ms (attempt ${attempt + 1} of ${attemptsAllowed}).`),
      });
    } catch (error) {
      this.settle(size, false);
      throw writeFailure(this.dialect, this.connection, { error, table: table?.name, size, attempts, aborted: context.signal.aborted });
    }
    const delivered = mayHaveCommitted ? size : stored;
    if (delivered < size && this.skipped === 0) {
      context.log(`${this.dialect.outputName}: ${size - delivered} events of a batch were already stored (same sys__eid) and were skipped; close() reports the total.`);
    }
    this.skipped += size - delivered;
    this.settle(size, true, delivered);
  }

  private settle(size: number, ok: boolean, delivered = size): void {
    this.counts.inFlight -= size;
    if (ok) this.counts.delivered += delivered;
    else {
      this.counts.failed += size;
      this.stopped = true;
    }
  }

  /** The driver's own timeout, backed by a deadline for a server that accepts but never answers. */
  private async connect(): Promise<SqlSession> {
    const ms = CONNECT_TIMEOUT_MS + 1000;
    try {
      return await withDeadline(ms, () => this.dialect.connect(this.connection, CONNECT_TIMEOUT_MS), (late) => late.destroy());
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      throw Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' });
    }
  }

  private async currentSession(): Promise<SqlSession> {
    if (this.session?.broken) this.discardSession();
    this.session ??= await this.connect();
    return this.session;
  }

  private discardSession(): void {
    this.session?.destroy();
    this.session = undefined;
  }
}
