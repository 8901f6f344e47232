/** One entity: its current state and, in full history mode, where its versions are. */
export interface EntityRecord {
  readonly key: string | number;
  /**
   * The current state: key, state fields and flow_name, changed in place (with history its
   * versions keep the old values). Its flow_name stays null (the table keeps who holds it):
   * read it via snapshotOf, which copies it.
   */
  state: Record<string, unknown>;
  /** The entity's latest version in its table's VersionLog (full history), or -1 without history. */
  version: number;
  /** The entity's row in its table's columns (timestamps, index positions). */
  readonly row: number;
}

/** A state valid over [validFrom, validTo); validTo is null for the current version. */
export interface EntityVersion<S = Record<string, unknown>> {
  validFrom: number;
  validTo: number | null;
  state: S;
}

/**
 * The current state as a snapshot that later changes will not alter. `owner`: who holds the
 * entity now (its table's ownerOf, or the flow asking about its own entity), for flow_name.
 * `copy`: the state layout's copier (stateLayoutOf), which stays monomorphic where a spread
 * shared by every entity type would not.
 */
export function snapshotOf(
  record: EntityRecord,
  owner: string | null,
  copy: (state: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  return stateWithOwner(record.state, owner, copy);
}

/** A copy of `state` (by `copy`) whose flow_name is `owner`: a snapshot, or a version read back. */
export function stateWithOwner(
  state: Record<string, unknown>,
  owner: string | null,
  copy: (state: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const copied = copy(state);
  copied.flow_name = owner;
  return copied;
}

/** A copy of any state, where no layout is at hand (a table made without one, as in tests). */
export function copyAnyState(state: Record<string, unknown>): Record<string, unknown> {
  return { ...state };
}
