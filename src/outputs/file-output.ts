import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeepFakerError, describeValue } from '../errors.js';
import { checkKnownKeys } from '../util/known-keys.js';
import type { EventBatch, EventInfo, OutputOpenContext } from './output.js';
import { csvHeader, csvRows } from './csv.js';
import { StreamOutput } from './stream-output.js';

const FILE_OPTION_KEYS: ReadonlySet<string> = new Set(['format', 'append']);

export interface FileOutputOptions {
  /** 'jsonl' (default) or 'csv'; a path ending in .csv picks csv. */
  format?: 'jsonl' | 'csv';
  /** Append to an existing file instead of replacing it (default false). */
  append?: boolean;
}

/**
 * Writes events to a file: JSON lines, or CSV with one column per field of any event type.
 * Whole batches are written, so the file never ends in a torn line.
 *
 * @example sim.addOutput(new FileOutput('simulation_events.jsonl'));
 */
export class FileOutput extends StreamOutput {
  readonly name: string;
  private readonly format: 'jsonl' | 'csv';
  private columns: string[] = [];

  constructor(readonly path: string, private readonly options: FileOutputOptions = {}) {
    super();
    if (typeof path !== 'string' || path === '') {
      throw new DeepFakerError('E_BAD_OUTPUT', `FileOutput: expected a file path, got ${describeValue(path)}. E.g. new FileOutput('events.jsonl').`);
    }
    if (options === null || typeof options !== 'object') {
      throw new DeepFakerError('E_BAD_OUTPUT', `FileOutput: options must be an object such as { format: 'csv' }, got ${describeValue(options)}.`);
    }
    checkKnownKeys(options, FILE_OPTION_KEYS, 'FileOutput', 'E_BAD_OUTPUT');
    if (options.format !== undefined && options.format !== 'jsonl' && options.format !== 'csv') {
      throw new DeepFakerError('E_BAD_OUTPUT', `FileOutput, format: 'jsonl' or 'csv', got ${describeValue(options.format)}.`);
    }
    this.format = options.format ?? (path.endsWith('.csv') ? 'csv' : 'jsonl');
    this.name = `file ${path}`;
  }

  async open(context: OutputOpenContext): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const stream = createWriteStream(this.path, { flags: this.options.append ? 'a' : 'w', highWaterMark: 1 << 20 });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error) => reject(new DeepFakerError('E_OUTPUT_OPEN', `${this.name}: cannot open for writing (${error.message}). Check the path and permissions.`)));
    });
    this.stream = stream;
    if (this.format === 'csv') {
      this.columns = csvColumns(context.events);
      stream.write(csvHeader(this.columns));
    }
  }

  protected render(batch: EventBatch): string | Uint8Array {
    return this.format === 'csv' ? csvRows(batch.events, this.columns) : batch.jsonBytes();
  }

  async close(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (stream && !stream.destroyed) await new Promise<void>((resolve) => stream.end(() => resolve()));
  }
}

function csvColumns(events: readonly EventInfo[]): string[] {
  const names = new Set<string>(['event_type']);
  for (const event of events) for (const field of event.fields) names.add(field.name);
  return [...names, 'sys__eid', 'sys__ets', 'sys__sid'];
}
