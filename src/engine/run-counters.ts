/** Counters a run keeps for its summary. */
export interface FlowCounts {
  started: number;
  completed: number;
  dropped: number;
  /** Still running when the window ended. */
  cut: number;
}

export interface SerializedCounters {
  flows: [string, FlowCounts][];
  autoFilled: [string, number][];
  idleInitiations: number;
}

export class RunCounters {
  readonly flows = new Map<string, FlowCounts>();
  /** 'Event.field' or 'Entity.field' → how often a required field was auto-filled. */
  readonly autoFilled = new Map<string, number>();
  /** Initiations at which no flow was eligible (every filtered flow found no free entity). */
  idleInitiations = 0;

  flow(name: string): FlowCounts {
    let counts = this.flows.get(name);
    if (!counts) {
      counts = { started: 0, completed: 0, dropped: 0, cut: 0 };
      this.flows.set(name, counts);
    }
    return counts;
  }

  /** Adds another partition's counts to these. */
  add(other: RunCounters): void {
    for (const [name, c] of other.flows) {
      const mine = this.flow(name);
      mine.started += c.started;
      mine.completed += c.completed;
      mine.dropped += c.dropped;
      mine.cut += c.cut;
    }
    for (const [key, n] of other.autoFilled) this.autoFilled.set(key, (this.autoFilled.get(key) ?? 0) + n);
    this.idleInitiations += other.idleInitiations;
  }

  /** A plain form that crosses threads (see fromJSON). */
  toJSON(): SerializedCounters {
    return { flows: [...this.flows], autoFilled: [...this.autoFilled], idleInitiations: this.idleInitiations };
  }

  static fromJSON(data: SerializedCounters): RunCounters {
    const counters = new RunCounters();
    for (const [name, c] of data.flows) Object.assign(counters.flow(name), c);
    for (const [key, n] of data.autoFilled) counters.autoFilled.set(key, n);
    counters.idleInitiations = data.idleInitiations;
    return counters;
  }

  countAutoFill(key: string): void {
    this.autoFilled.set(key, (this.autoFilled.get(key) ?? 0) + 1);
  }
}
