import { afterEach, describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { describeTarget, redact, resolveConnection } from '../../../src/outputs/sql/resolve-connection.js';
import { mysqlDialect } from '../../../src/outputs/sql/mysql-dialect.js';
import { createPostgresDialect } from '../../../src/outputs/sql/postgres-dialect.js';
import { MySQLOutput } from '../../../src/outputs/mysql-output.js';

const postgres = createPostgresDialect();

describe('resolveConnection', () => {
  afterEach(() => { delete process.env.DEEP_FAKER_MYSQL_URL; });

  it('reads host, port, credentials and database from a URI', () => {
    const resolved = resolveConnection('mysql://app:p%40ss@db.local:3307/shop?ssl=true', mysqlDialect);
    expect(resolved).toMatchObject({ host: 'db.local', port: 3307, user: 'app', password: 'p@ss', database: 'shop' });
    expect(resolveConnection('postgresql://u@[::1]/x', postgres)).toMatchObject({ host: '::1', port: 5432, database: 'x' });
  });

  it('takes an object and fills in defaults', () => {
    expect(resolveConnection({ user: 'root', database: 'test' }, mysqlDialect))
      .toMatchObject({ host: '127.0.0.1', port: 3306, user: 'root', database: 'test', uri: undefined });
  });

  it('falls back to the environment variable', () => {
    process.env.DEEP_FAKER_MYSQL_URL = 'mysql://root@h:1234/db';
    expect(resolveConnection(undefined, mysqlDialect).port).toBe(1234);
  });

  it('says how to give a connection when there is none', () => {
    expect(() => resolveConnection(undefined, mysqlDialect)).toThrow(/MySQLOutput: no connection given.*DEEP_FAKER_MYSQL_URL/);
  });

  it('rejects a wrong scheme without showing the password', () => {
    const attempt = () => resolveConnection('postgres://u:topsecret@h/db', mysqlDialect);
    expect(attempt).toThrow(DeepFakerError);
    expect(attempt).toThrow(/must start with mysql:\/\/ or mariadb:\/\/, got "postgres:\/\/u:\*\*\*@h\/db"/);
  });
});

describe('redact', () => {
  it('hides passwords in URIs and the literal password', () => {
    expect(redact('mysql://root:secret@host:3306/db failed')).toBe('mysql://root:***@host:3306/db failed');
    expect(redact('postgres://u:p%40ss@h/db and postgres://v@h/db')).toBe('postgres://u:***@h/db and postgres://v@h/db');
    expect(redact('auth failed for hunter22', 'hunter22')).toBe('auth failed for ***');
  });

  it('leaves text alone for very short passwords', () => {
    expect(redact('a table', 'a')).toBe('a table');
  });
});

describe('output name', () => {
  it('shows host, port and database, never the password', () => {
    const output = new MySQLOutput({ connection: 'mysql://root:hunter22@db:3306/shop' });
    expect(output.name).toBe('mysql db:3306/shop');
    expect(describeTarget(resolveConnection({ host: '::1', port: 1, database: 'x' }, postgres))).toBe('[::1]:1/x');
  });

  it('rejects a bad batchSize', () => {
    expect(() => new MySQLOutput({ connection: 'mysql://r@h/d', batchSize: 0 })).toThrow(/batchSize must be a positive integer, got 0/);
  });
});
