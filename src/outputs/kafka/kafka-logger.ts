/**
 * Routes kafkajs' own log lines to the run's diagnostic log (stderr): its default logger
 * writes to the console, and stdout may be the event stream.
 */
import type { logCreator, LogEntry } from 'kafkajs';

/** kafkajs' logLevel.WARN: warnings and errors reach the log creator. */
export const KAFKAJS_WARN = 2;
const KAFKAJS_ERROR = 1;

// We cap kafkajs' retries on purpose (see resend-gate.ts); its warning about that is noise.
const EXPECTED = /Limiting retries for the idempotent producer/;
// kafkajs also logs our own ResendBlockedError; the error before it is the cause.
const BLOCKED = /resend blocked/;

export class KafkaLog {
  /** kafkajs' last error line: the real cause when a send failed and its retry was blocked. */
  lastError: string | undefined;
  private readonly lastShown = new Map<string, number>();

  constructor(private readonly log: (message: string) => void) {}

  /**
   * Errors are kept, not printed: during an outage they repeat for every partition and
   * attempt, and each one that matters reaches us as a rejected send, reported once with
   * context. Warnings are printed, a repeated one at most once a minute.
   */
  readonly logCreator: logCreator = () => (entry: LogEntry) => {
    const message = String(entry.log.message);
    if (entry.level === KAFKAJS_ERROR) {
      if (!BLOCKED.test(message)) this.lastError = message;
      return;
    }
    if (entry.level !== KAFKAJS_WARN || EXPECTED.test(message)) return;
    const text = `KafkaOutput: kafkajs ${entry.namespace ? `[${entry.namespace}] ` : ''}${message}`;
    const now = Date.now();
    if ((this.lastShown.get(text) ?? -Infinity) > now - 60_000) return;
    this.lastShown.set(text, now);
    this.log(text);
  };
}
