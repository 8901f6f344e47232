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

/** How often one required field ('Event.field' or 'Entity.field') was auto-filled. */
interface FillCount {
  readonly key: string;
  count: number;
}

/** What countAutoFill reads of a field (a ResolvedField). */
export interface AutoFilledField {
  readonly autoFillKey: string;
  readonly autoFillSlot: number;
}

export class RunCounters {
  readonly flows = new Map<string, FlowCounts>();
  /** Auto-fill counts in the order each field was first counted. */
  private readonly fills: FillCount[] = [];
  private readonly fillByKey = new Map<string, FillCount>();
  /** Each field's count by its slot: a field auto-filled on every event is counted without a Map. */
  private readonly fillBySlot: (FillCount | undefined)[] = [];
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
    for (const fill of other.fills) this.fillOf(fill.key).count += fill.count;
    this.idleInitiations += other.idleInitiations;
  }

  /** A plain form that crosses threads (see fromJSON). */
  toJSON(): SerializedCounters {
    return { flows: [...this.flows], autoFilled: [...this.autoFilled], idleInitiations: this.idleInitiations };
  }

  static fromJSON(data: SerializedCounters): RunCounters {
    const counters = new RunCounters();
    for (const [name, c] of data.flows) Object.assign(counters.flow(name), c);
    for (const [key, n] of data.autoFilled) counters.fillOf(key).count = n;
    counters.idleInitiations = data.idleInitiations;
    return counters;
  }

  /** 'Event.field' or 'Entity.field' → how often a required field was auto-filled, in the order first counted. */
  get autoFilled(): Map<string, number> {
    return new Map(this.fills.map((fill) => [fill.key, fill.count]));
  }

  countAutoFill(field: AutoFilledField): void {
    const fill = (this.fillBySlot[field.autoFillSlot] ??= this.fillOf(field.autoFillKey));
    fill.count++;
  }

  private fillOf(key: string): FillCount {
    let fill = this.fillByKey.get(key);
    if (fill === undefined) {
      fill = { key, count: 0 };
      this.fillByKey.set(key, fill);
      this.fills.push(fill);
    }
    return fill;
  }
}
