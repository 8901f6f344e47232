/** The one-line DeepFakerErrors a SQL output reports, with passwords redacted. */
import { DeepFakerError } from '../../errors.js';
import { describeTarget, redact, type ResolvedConnection } from './resolve-connection.js';
import type { SqlDialect } from './sql-dialect.js';
import { describeCause, errorCode } from './sql-errors.js';

/** The driver's error as `CODE: message`, without the password. */
export function causeOf(error: unknown, connection: ResolvedConnection): string {
  return redact(describeCause(error), connection.password);
}

/** Why open() could not connect, and what to check. */
export function connectFailure(dialect: SqlDialect, connection: ResolvedConnection, error: unknown): DeepFakerError {
  const { outputName, envVar } = dialect;
  if (dialect.isAuthError(error)) {
    return new DeepFakerError('E_OUTPUT_CONNECT',
      `${outputName}: cannot connect to ${describeTarget(connection)} as ${connection.user ?? 'the default user'} (${causeOf(error, connection)}). Check the user, password and database in the connection option or ${envVar}.`);
  }
  return new DeepFakerError('E_OUTPUT_CONNECT',
    `${outputName}: cannot connect to ${connection.host}:${connection.port} (${errorCode(error) ?? causeOf(error, connection)}). Is the database running? Check the connection option or ${envVar}.`);
}

export interface WriteFailure {
  readonly error: unknown;
  /** The table being written when the last attempt failed, if any. */
  readonly table: string | undefined;
  readonly size: number;
  readonly attempts: number;
  readonly aborted: boolean;
}

/** Why write() gave up: bad credentials, retries exhausted, or rows the database refused. */
export function writeFailure(dialect: SqlDialect, connection: ResolvedConnection, failure: WriteFailure): DeepFakerError {
  const { error } = failure;
  if (error instanceof DeepFakerError) return error;
  const where = failure.table !== undefined ? `${dialect.outputName}, table ${failure.table}` : dialect.outputName;
  const cause = causeOf(error, connection);
  if (dialect.isAuthError(error)) {
    return new DeepFakerError('E_OUTPUT_WRITE',
      `${where}: ${cause}. Check the user, password and database in the connection option or ${dialect.envVar}.`);
  }
  if (dialect.isTransient(error)) {
    const why = failure.aborted ? 'the run was stopped while retrying' : `gave up after ${failure.attempts} attempts`;
    return new DeepFakerError('E_OUTPUT_WRITE',
      `${where}: a batch of ${failure.size} events was not written, ${why} (${cause}). Check that the database is reachable; earlier batches stay stored.`);
  }
  return new DeepFakerError('E_OUTPUT_WRITE',
    `${where}: a batch of ${failure.size} events was rejected (${cause}). Fix the table to match the events, or drop it so it is created again.`);
}
