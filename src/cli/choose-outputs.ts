import { DeepFakerError } from '../errors.js';
import { FileOutput, StdOutOutput, type Output } from '../index.js';
import type { RunArgs } from './args.js';

/**
 * The outputs of a CLI run: --out replaces the file's own outputs; --kafka, --mysql and
 * --postgres add theirs; with none at all, events go to stdout.
 */
export async function chooseOutputs(args: RunArgs, fileOutputs: readonly Output[]): Promise<Output[]> {
  const extra: Output[] = [];
  if (args.kafka !== undefined) {
    const { KafkaOutput } = await import('../outputs/kafka-output.js');
    extra.push(new KafkaOutput({ brokers: args.kafka, topicPrefix: args.topicPrefix ?? '', topicPerEvent: true }));
  }
  if (args.mysql !== undefined) {
    const { MySQLOutput } = await import('../outputs/mysql-output.js');
    extra.push(new MySQLOutput({ connection: fromEnv(args.mysql, 'DEEP_FAKER_MYSQL_URL', '--mysql') }));
  }
  if (args.postgres !== undefined) {
    const { PostgresOutput } = await import('../outputs/postgres-output.js');
    extra.push(new PostgresOutput({ connection: fromEnv(args.postgres, 'DEEP_FAKER_POSTGRES_URL', '--postgres') }));
  }
  const base = args.out !== undefined ? [args.out === '-' ? new StdOutOutput() : new FileOutput(args.out)] : [...fileOutputs];
  const outputs = [...base, ...extra];
  return outputs.length > 0 ? outputs : [new StdOutOutput()];
}

/** `--mysql env` reads the URI from the environment, so a password never sits in shell history. */
function fromEnv(value: string, variable: string, flag: string): string {
  if (value !== 'env') return value;
  const uri = process.env[variable];
  if (!uri) throw new DeepFakerError('E_USAGE', `${flag} env: ${variable} is not set. Export it (e.g. ${variable}=mysql://user:pass@host:3306/db) or pass the URI.`);
  return uri;
}
