/**
 * Every example runs through the real CLI over two simulated hours and yields a stream that
 * is well-formed, time-ordered, inside the window, reproducible and consistent with its
 * business rules. Needs dist/ (npm test builds it first).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEcommerce, checkIot, checkQuickstart, checkSaas } from './consistency.js';
import { parseJsonLines, parseSummary, readEvents, requireBuild, runCli, type CliResult, type Event } from './run-cli.js';

const START = '2025-01-01T00:00:00Z';
const START_MS = Date.parse(START);
const WINDOW_MS = 2 * 3_600_000;

interface ExampleSpec {
  file: string;
  events: readonly string[];
  check: (events: readonly Event[]) => string[];
  /** Events that break the example's rules when appended to its stream. */
  tamper: (events: readonly Event[]) => Event[];
}

/** A copy of the last event of `type`, moved to the end of the stream, with `changes`. */
const replay = (type: string, changes: Partial<Event> = {}) => (events: readonly Event[]): Event[] => {
  const last = events.findLast((e) => e.event_type === type);
  if (!last) throw new Error(`no ${type} to replay`);
  return [{ ...last, ...changes, sys__ets: events[events.length - 1]!.sys__ets }];
};

const EXAMPLES: readonly ExampleSpec[] = [
  {
    file: 'examples/quickstart.ts',
    events: ['AccountCreated', 'ProductAdded', 'OrderCompleted'],
    check: checkQuickstart,
    tamper: replay('ProductAdded', { user_id: 'no-such-user' }),
  },
  {
    file: 'examples/ecommerce.ts',
    events: [
      'AccountCreated', 'EmailVerified', 'UserLoggedIn', 'UserLoggedOut', 'ProductViewed', 'CartCreated',
      'ItemAddedToCart', 'CheckoutStarted', 'OrderPlaced', 'CartAbandoned', 'OrderShipped', 'OrderDelivered',
      'ProductRestocked',
    ],
    check: checkEcommerce,
    tamper: replay('OrderPlaced'),
  },
  {
    file: 'examples/saas-onboarding.ts',
    events: [
      'AccountSignedUp', 'TrialStarted', 'SeatInvited', 'SeatLimitReached', 'SeatActivated', 'FeatureUsed',
      'PaymentMethodAdded', 'SubscriptionActivated', 'PlanUpgraded', 'SubscriptionCancelled',
    ],
    check: checkSaas,
    tamper: replay('SeatActivated'),
  },
  {
    file: 'examples/iot-telemetry.ts',
    events: [
      'DeviceRegistered', 'TelemetryReported', 'DeviceDisconnected', 'DeviceConnected', 'BatteryReplaced',
      'AlertRaised', 'AlertResolved', 'FirmwareUpdated',
    ],
    check: checkIot,
    tamper: replay('AlertResolved'),
  },
];

let dir: string;

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'deep-faker-examples-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const runArgs = (file: string, seed: number, out: string, duration = '2h') =>
  ['run', file, '--seed', String(seed), '--start', START, '--duration', duration, '--out', out];

describe.each(EXAMPLES)('$file', ({ file, events: expectedTypes, check, tamper }) => {
  const name = file.replace(/^examples\/|\.ts$/g, '');
  let first: CliResult;
  let second: CliResult;
  let events: Event[];

  beforeAll(async () => {
    [first, second] = await Promise.all([
      runCli(runArgs(file, 7, join(dir, `${name}-a.jsonl`))),
      runCli(runArgs(file, 7, join(dir, `${name}-b.jsonl`))),
    ]);
    events = first.code === 0 ? readEvents(join(dir, `${name}-a.jsonl`)) : [];
  });

  it('exits 0 and prints the summary on stderr', () => {
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const summary = parseSummary(first.stderr);
    expect(summary).toBeDefined();
    expect(summary!.events).toBe(events.length);
    const counted: Record<string, number> = {};
    for (const e of events) counted[e.event_type] = (counted[e.event_type] ?? 0) + 1;
    expect(summary!.byType).toEqual(counted);
    expect(first.stderr).toContain(`window 2025-01-01T00:00:00.000Z → 2025-01-01T02:00:00.000Z, seed 7, stopped by end`);
  });

  it('writes well-formed events, time-ordered, inside the window', () => {
    expect(events.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    const ids = new Set<string>();
    let previous = -Infinity;
    for (const [i, e] of events.entries()) {
      if (typeof e.event_type !== 'string') problems.push(`line ${i + 1}: no event_type`);
      if (!/^[A-Za-z0-9]{12}$/.test(e.sys__eid)) problems.push(`line ${i + 1}: sys__eid ${e.sys__eid}`);
      // A flow's events share its 8-character session id; initial entities carry 'initial_setup'.
      if (e.sys__sid !== 'initial_setup' && !/^[A-Za-z0-9]{8}$/.test(e.sys__sid)) problems.push(`line ${i + 1}: sys__sid ${e.sys__sid}`);
      if (!Number.isInteger(e.sys__ets)) problems.push(`line ${i + 1}: sys__ets ${e.sys__ets}`);
      if (e.sys__ets < previous) problems.push(`line ${i + 1}: time goes back from ${previous} to ${e.sys__ets}`);
      if (e.sys__ets < START_MS || e.sys__ets >= START_MS + WINDOW_MS) problems.push(`line ${i + 1}: ${e.sys__ets} outside the window`);
      if (ids.has(e.sys__eid)) problems.push(`line ${i + 1}: duplicate sys__eid ${e.sys__eid}`);
      ids.add(e.sys__eid);
      previous = e.sys__ets;
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('emits every event type of the story, and no other', () => {
    expect([...new Set(events.map((e) => e.event_type))].sort()).toEqual([...expectedTypes].sort());
  });

  it('keeps its business rules (referential consistency, state machines, stock)', () => {
    expect(check(events).slice(0, 20)).toEqual([]);
  });

  it('has rules that catch a broken stream', () => {
    // Replaying an event of a one-shot transition (or one with an unknown id) must be flagged.
    expect(check([...events, ...tamper(events)]).length).toBeGreaterThan(0);
  });

  it('is byte-identical for the same seed', () => {
    expect(second.code).toBe(0);
    const a = readFileSync(join(dir, `${name}-a.jsonl`));
    const b = readFileSync(join(dir, `${name}-b.jsonl`));
    expect(a.equals(b)).toBe(true);
  });

  it('changes with the seed', async () => {
    const other = await runCli(runArgs(file, 8, join(dir, `${name}-c.jsonl`), '10m'));
    expect(other.code).toBe(0);
    const c = readFileSync(join(dir, `${name}-c.jsonl`), 'utf8');
    const a = readFileSync(join(dir, `${name}-a.jsonl`), 'utf8');
    expect(c.slice(0, 2000)).not.toBe(a.slice(0, 2000));
    expect(check(parseJsonLines(c)).slice(0, 20)).toEqual([]);
  });

  it('with --out -, writes only JSON lines to stdout and the summary to stderr', async () => {
    const result = await runCli(runArgs(file, 7, '-', '10m'));
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    const streamed = parseJsonLines(result.stdout);
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.every((e) => typeof e.event_type === 'string' && typeof e.sys__eid === 'string')).toBe(true);
    expect(result.stderr).not.toContain('{"event_type"');
    expect(parseSummary(result.stderr)?.events).toBe(streamed.length);
    // The first ten minutes of the two-hour run are the same events.
    const head = events.filter((e) => e.sys__ets < START_MS + 600_000);
    expect(streamed.length).toBe(head.length);
    expect(streamed.map((e) => e.sys__eid)).toEqual(head.map((e) => e.sys__eid));
  });

  it('runs two simulated hours in a few seconds', () => {
    const wall = /events in ([\d.]+) s/.exec(first.stderr);
    expect(wall).not.toBeNull();
    expect(Number(wall![1])).toBeLessThan(10);
  });
});
