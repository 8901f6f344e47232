/** Counters a run keeps for its summary. */
export interface FlowCounts {
  started: number;
  completed: number;
  dropped: number;
  /** Still running when the window ended. */
  cut: number;
}

export class RunCounters {
  readonly eventsByType = new Map<string, number>();
  readonly flows = new Map<string, FlowCounts>();
  /** 'Event.field' or 'Entity.field' → how often a required field was auto-filled. */
  readonly autoFilled = new Map<string, number>();
  /** Initiations at which no flow was eligible (every filtered flow found no free entity). */
  idleInitiations = 0;
  events = 0;

  flow(name: string): FlowCounts {
    let counts = this.flows.get(name);
    if (!counts) {
      counts = { started: 0, completed: 0, dropped: 0, cut: 0 };
      this.flows.set(name, counts);
    }
    return counts;
  }

  countAutoFill(key: string): void {
    this.autoFilled.set(key, (this.autoFilled.get(key) ?? 0) + 1);
  }
}
