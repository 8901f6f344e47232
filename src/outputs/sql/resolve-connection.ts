/** Resolves the `connection` option of a SQL output and keeps its password out of messages. */
import { DeepFakerError } from '../../errors.js';

/** A connection URI such as `mysql://user:password@host:3306/db`, or its parts. */
export type SqlConnectionOption =
  | string
  | { host?: string; port?: number; user?: string; password?: string; database?: string };

export interface ResolvedConnection {
  readonly host: string;
  readonly port: number;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly database: string | undefined;
  /** The URI as given, so drivers still see its query parameters (ssl and the like). */
  readonly uri: string | undefined;
}

export interface ConnectionDefaults {
  readonly outputName: string;
  readonly envVar: string;
  readonly schemes: readonly string[];
  readonly defaultPort: number;
}

/**
 * The connection option, else the environment variable, as host, port and credentials.
 *
 * @example resolveConnection('mysql://root:pw@db:3306/test', mysqlDialect).port // 3306
 */
export function resolveConnection(option: SqlConnectionOption | undefined, defaults: ConnectionDefaults): ResolvedConnection {
  const given = option ?? process.env[defaults.envVar];
  if (given === undefined || given === '') {
    throw new DeepFakerError('E_OUTPUT_CONFIG',
      `${defaults.outputName}: no connection given. Pass connection: '${defaults.schemes[0]}://user:password@host:${defaults.defaultPort}/database' or set ${defaults.envVar}.`);
  }
  if (typeof given !== 'string') {
    return {
      host: given.host ?? '127.0.0.1',
      port: given.port ?? defaults.defaultPort,
      user: given.user,
      password: given.password,
      database: given.database,
      uri: undefined,
    };
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new DeepFakerError('E_OUTPUT_CONFIG',
      `${defaults.outputName}: connection is not a valid URI, got "${redact(given)}". Use the form ${defaults.schemes[0]}://user:password@host:${defaults.defaultPort}/database.`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!defaults.schemes.includes(scheme)) {
    throw new DeepFakerError('E_OUTPUT_CONFIG',
      `${defaults.outputName}: connection URI must start with ${defaults.schemes.map((s) => `${s}://`).join(' or ')}, got "${redact(given)}".`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : defaults.defaultPort,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database || undefined,
    uri: given,
  };
}

/**
 * Hides passwords: in any URI (`mysql://root:***@host`) and, when known, the literal one.
 *
 * @example redact('mysql://root:secret@db/test') // 'mysql://root:***@db/test'
 */
export function redact(text: string, password?: string): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@\s]*@/gi, '$1***@');
  // Very short passwords would blank out unrelated letters; drivers never echo them anyway.
  if (password && password.length >= 4) {
    for (const secret of new Set([password, encodeURIComponent(password)])) out = out.split(secret).join('***');
  }
  return out;
}

/** `host:port/database`, for the output's name and its messages. */
export function describeTarget(connection: ResolvedConnection): string {
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  return `${host}:${connection.port}${connection.database ? `/${connection.database}` : ''}`;
}
