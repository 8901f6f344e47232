/**
 * Records of one layout (an event type, an entity type's state) made by copying a template.
 * A literal grown field by field keeps all but its first field in a separate property array,
 * reallocated as it grows: three garbage arrays per event. JSON.parse makes an object with
 * every field in the object itself, and a spread copy keeps that layout: one allocation.
 */
export class RecordLayout {
  private readonly template: Record<string, unknown>;

  /** `keys` in the order a record's fields are written: JSON output follows it. */
  constructor(keys: readonly string[]) {
    this.template = JSON.parse(`{${keys.map((key) => `${JSON.stringify(key)}:null`).join(',')}}`) as Record<string, unknown>;
  }

  /** A new record with every key set to null, to be filled in the keys' order. */
  create(): Record<string, unknown> {
    return { ...this.template };
  }
}
