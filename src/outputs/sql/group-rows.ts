/** Turns a batch into per-table chunks of converted rows, ready for the dialect's insert. */
import { DeepFakerError } from '../../errors.js';
import type { EventRecord } from '../output.js';
import type { SqlDialect, SqlTable } from './sql-dialect.js';

export interface TableRows {
  readonly table: SqlTable;
  readonly chunks: (readonly unknown[])[][];
}

// Keeps each statement well under MySQL's default max_allowed_packet (16 MiB; 4 MiB before 8.0).
const MAX_CHUNK_CHARS = 2 * 1024 * 1024;

/**
 * Groups events by table in order of first appearance; within a table, events keep their
 * batch order and are cut into chunks of at most `batchSize` rows (and ~2 MiB of text).
 * Conversion happens once per batch, not once per retry.
 */
export function groupRows(
  events: readonly EventRecord[], tables: ReadonlyMap<string, SqlTable>, dialect: SqlDialect, batchSize: number,
): TableRows[] {
  const groups = new Map<string, { table: SqlTable; chunks: (readonly unknown[])[][]; chars: number }>();
  for (const event of events) {
    let group = groups.get(event.event_type);
    if (group === undefined) {
      const table = tables.get(event.event_type);
      if (table === undefined) {
        throw new DeepFakerError('E_OUTPUT_STATE',
          `${dialect.outputName}: event type ${event.event_type} was not among the events given to open(), so it has no table. Pass every event type in the open context.`);
      }
      group = { table, chunks: [[]], chars: 0 };
      groups.set(event.event_type, group);
    }
    const { table } = group;
    const row: unknown[] = new Array(table.columns.length);
    let chars = 0;
    for (let i = 0; i < table.columns.length; i++) {
      const field = table.columns[i]!;
      const raw = event[field.name];
      let value: unknown;
      try {
        value = raw === undefined || (raw === null && !(field.kind === 'json' && field.required)) ? null : dialect.toValue(field, raw);
      } catch (error) {
        throw new DeepFakerError('E_OUTPUT_VALUE',
          `${dialect.outputName}, table ${table.name}, column ${field.name}: ${(error as Error).message}.`);
      }
      row[i] = value;
      chars += typeof value === 'string' ? value.length : 8;
    }
    let chunk = group.chunks[group.chunks.length - 1]!;
    if (chunk.length >= batchSize || (chunk.length > 0 && group.chars + chars > MAX_CHUNK_CHARS)) {
      chunk = [];
      group.chunks.push(chunk);
      group.chars = 0;
    }
    chunk.push(row);
    group.chars += chars;
  }
  return [...groups.values()].map(({ table, chunks }) => ({ table, chunks }));
}
