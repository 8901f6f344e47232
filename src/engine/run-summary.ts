import type { OutputStats } from '../outputs/output.js';
import type { EntityCounts } from '../state/entity-store.js';
import type { FlowCounts } from './run-counters.js';
import { groupDigits as n } from '../util/group-digits.js';

/** What a run did, returned by run() and printed by the CLI. */
export interface RunSummary {
  readonly seed: number | string;
  /** The window, ISO-8601. */
  readonly start: string;
  readonly end: string | null;
  /** Why the run stopped. */
  readonly stoppedBy: 'end' | 'maxEvents' | 'signal' | 'error';
  readonly events: number;
  readonly eventsByType: Record<string, number>;
  readonly flows: Record<string, FlowCounts>;
  /** 'Event.field' → how often a required field was filled by its type's generator. */
  readonly autoFilled: Record<string, number>;
  /** Initiations at which no flow was eligible (filters found no free entity). */
  readonly idleInitiations: number;
  readonly entities: EntityCounts;
  readonly outputs: Record<string, OutputStats>;
  readonly wallMs: number;
  readonly eventsPerSecond: number;
}

export { type FlowCounts };

/** The summary as text lines for stderr. */
export function formatSummary(summary: RunSummary): string {
  const lines = [
    `deep-faker: ${n(summary.events)} events in ${(summary.wallMs / 1000).toFixed(2)} s (${n(Math.round(summary.eventsPerSecond))} events/s), window ${summary.start} → ${summary.end ?? '∞'}, seed ${summary.seed}, stopped by ${summary.stoppedBy}`,
  ];
  for (const [type, count] of Object.entries(summary.eventsByType)) lines.push(`  event ${type}: ${n(count)}`);
  for (const [flow, c] of Object.entries(summary.flows)) {
    lines.push(`  flow ${flow}: started ${n(c.started)}, completed ${n(c.completed)}, dropped ${n(c.dropped)}, cut at end ${n(c.cut)}`);
  }
  if (summary.idleInitiations > 0) lines.push(`  initiations with no eligible flow: ${n(summary.idleInitiations)}`);
  for (const [field, count] of Object.entries(summary.autoFilled)) lines.push(`  ${field} auto-filled ${n(count)} times`);
  for (const [entity, c] of Object.entries(summary.entities)) lines.push(`  entity ${entity}: ${n(c.total)} (${n(c.available)} available at the end)`);
  for (const [output, s] of Object.entries(summary.outputs)) {
    lines.push(`  output ${output}: delivered ${n(s.delivered)}, failed ${n(s.failed)}, in flight ${n(s.inFlight)}`);
  }
  return lines.join('\n');
}
