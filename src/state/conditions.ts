/** Filter conditions of Select and query: compiled once, matched against state snapshots. */

export type ConditionOp = 'is' | 'is_not' | 'greater_than' | 'less_than';
export const CONDITION_OPS: readonly ConditionOp[] = ['is', 'is_not', 'greater_than', 'less_than'];

export interface Condition {
  readonly field: string;
  readonly op: ConditionOp;
  readonly value: unknown;
}

export function matches(state: Record<string, unknown>, conditions: readonly Condition[]): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    const actual = state[c.field];
    switch (c.op) {
      case 'is':
        if (actual !== c.value) return false;
        break;
      case 'is_not':
        if (actual === c.value) return false;
        break;
      // A null (or missing) value is not a number: it matches neither comparison (null < 5 is true in JS).
      case 'greater_than':
        if (typeof actual !== 'number' || !(actual > (c.value as number))) return false;
        break;
      case 'less_than':
        if (typeof actual !== 'number' || !(actual < (c.value as number))) return false;
        break;
    }
  }
  return true;
}
