/** Maps schema field kinds to SQL column types and event names to table names, per dialect. */
import type { EventInfo, FieldInfo } from '../output.js';
import { SYSTEM_FIELDS } from '../output.js';

/** The type names one dialect uses for each field kind. */
export interface ColumnTypeNames {
  readonly int: string;
  readonly float: string;
  readonly boolean: string;
  readonly datetime: string;
  readonly json: string;
  readonly text: string;
  varchar(length: number): string;
  /** Longer maxLengths become `text`: very wide VARCHARs hit MySQL's 64 KiB row limit. */
  readonly maxVarcharLength: number;
  /**
   * Length for string key columns whose maxLength is unknown, or undefined to use `text`.
   * MySQL cannot index TEXT without a prefix, so its keys get a VARCHAR users can index.
   */
  readonly keyVarcharLength: number | undefined;
}

/**
 * The column type of one field.
 *
 * @example columnType({ name: 'total', kind: 'float', required: true, primaryKey: false }, names, false) // 'DOUBLE'
 */
export function columnType(field: FieldInfo, names: ColumnTypeNames, isKey: boolean): string {
  switch (field.kind) {
    case 'int': return names.int;
    case 'float': return names.float;
    case 'boolean': return names.boolean;
    case 'datetime': return names.datetime;
    case 'json': return names.json;
    case 'enum': {
      const length = Math.max(field.maxLength ?? 0, ...(field.enumValues ?? []).map((value) => value.length));
      if (length === 0) return names.varchar(255);
      return length <= names.maxVarcharLength ? names.varchar(length) : names.text;
    }
    case 'string': {
      if (field.maxLength !== undefined && field.maxLength > 0 && field.maxLength <= names.maxVarcharLength) {
        return names.varchar(field.maxLength);
      }
      if (field.maxLength === undefined && isKey && names.keyVarcharLength !== undefined) {
        return names.varchar(names.keyVarcharLength);
      }
      return names.text;
    }
  }
}

/** The columns of an event's table: the system fields first, then the event's own fields. */
export function tableColumns(event: EventInfo): FieldInfo[] {
  const system = new Set(SYSTEM_FIELDS.map((field) => field.name));
  return [...SYSTEM_FIELDS, ...event.fields.filter((field) => !system.has(field.name))];
}

/**
 * The default table name of an event: snake_case of its name.
 *
 * @example tableName('HTTPRequestSent') // 'http_request_sent'
 */
export function tableName(eventName: string): string {
  return eventName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
