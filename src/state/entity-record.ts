/** The symbol under which an entity's state object keeps its row (see EntityRecord). */
export const ROW: unique symbol = Symbol('entity row');

/**
 * One entity: its current state, the object itself (key, state fields and flow_name, changed
 * in place; with history its versions keep the old values), with its row in its table's
 * columns under the ROW symbol. A record apart from its state cost every bind a dependent
 * cache miss among many entities. A symbol keeps the row out of everything that reads the
 * state by name: copies (a layout's literal of its named fields), for-in, JSON and
 * conditions. Its flow_name stays null (the table keeps who holds it): read it via
 * stateWithOwner, which copies it.
 */
export type EntityRecord = Record<string, unknown> & { readonly [ROW]: number };

/** A state valid over [validFrom, validTo); validTo is null for the current version. */
export interface EntityVersion<S = Record<string, unknown>> {
  validFrom: number;
  validTo: number | null;
  state: S;
}

/**
 * A copy of `state` (by `copy`) whose flow_name is `owner`: a snapshot of an entity's
 * current state (its record) that later changes will not alter, or a version read back.
 * `owner`: who holds the entity then. `copy`: the state layout's copier (the entity's stateLayout),
 * which stays monomorphic where a spread shared by every entity type would not, and leaves
 * the record's ROW slot out.
 */
export function stateWithOwner(
  state: Record<string, unknown>,
  owner: string | null,
  copy: (state: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const copied = copy(state);
  copied.flow_name = owner;
  return copied;
}

/**
 * A copy of any state's named fields, where no layout is at hand (a table made without one,
 * as in tests). Not a spread: that would copy the ROW symbol too.
 */
export function copyAnyState(state: Record<string, unknown>): Record<string, unknown> {
  const copied: Record<string, unknown> = {};
  for (const field of Object.keys(state)) copied[field] = state[field];
  return copied;
}
