/**
 * Reachability of the real services the integration tests use. Under CI=true a missing
 * service fails the suite; elsewhere the suite skips with one line saying how to start it.
 */
import { connect } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';

export interface ServiceStatus {
  available: boolean;
  /** Why not, and how to start it, when unavailable. */
  reason?: string;
}

export function portOpen(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const HOW_TO_START: Record<string, string> = {
  mysql: 'start it with ../shared/services/mysql-local.sh start',
  postgres: 'start it with ../shared/services/pg-local.sh start',
  kafka: 'start it with KAFKA_MOCK_PROXY_PORT=19092 ../shared/services/kafka-mock.sh start (needs apt-get install -y kcat)',
};

export const MYSQL_URL = process.env.DEEP_FAKER_TEST_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306/test';
export const POSTGRES_URL = process.env.DEEP_FAKER_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The Kafka mock's bootstrap list, from .kafka-bootstrap (written by kafka-mock.sh). */
export function kafkaBrokers(): string[] | undefined {
  const file = process.env.KAFKA_MOCK_BOOTSTRAP_FILE ?? '.kafka-bootstrap';
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  return text ? text.split(',') : undefined;
}

/**
 * Checks a service; outside CI prints one line when it is missing. Use with
 * `describe.runIf(status.available)` or `describe.skipIf(!status.available)`.
 */
export async function checkService(name: 'mysql' | 'postgres' | 'kafka'): Promise<ServiceStatus> {
  let available = false;
  if (name === 'mysql') available = await portOpen('127.0.0.1', 3306);
  else if (name === 'postgres') available = await portOpen('127.0.0.1', 5432);
  else {
    const brokers = kafkaBrokers();
    if (brokers) {
      const [host, port] = brokers[0]!.split(':');
      available = await portOpen(host!, Number(port));
    }
  }
  if (available) return { available };
  const reason = `${name} is not reachable: ${HOW_TO_START[name]}`;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${reason}`);
  console.warn(`[skip] ${reason}`);
  return { available, reason };
}
