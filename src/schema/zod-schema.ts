import type { ZodType } from 'zod';
import type { FieldDef } from './field.js';
import { zod } from './zod.js';

/** The zod schema of one field's stored value. */
export function fieldSchema(def: FieldDef): ZodType {
  const z = zod();
  let schema: ZodType;
  switch (def.kind) {
    case 'string': schema = z.string(); break;
    case 'int': schema = z.number().int(); break;
    case 'float': schema = z.number(); break;
    case 'boolean': schema = z.boolean(); break;
    case 'datetime': schema = z.iso.datetime(); break;
    case 'enum': schema = z.enum(def.values as [string, ...string[]]); break;
    case 'json': schema = z.json(); break;
  }
  return def.required ? schema : schema.nullable();
}
