import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * A V8 flag a run turns on for its duration. V8 reads these flags as it goes (at each
 * scavenge, at each pretenuring decision), so a run can set them and set them back; a count
 * of the runs holding each keeps concurrent runs in one process from undoing each other.
 */
class RunFlag {
  private holders = 0;

  constructor(private readonly on: string, private readonly off: string) {}

  hold(): () => void {
    if (this.holders++ === 0) setFlag(this.on);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holders === 0) setFlag(this.off);
    };
  }
}

/** A runtime that refuses flag changes runs as it is: these flags are for speed only. */
function setFlag(flag: string): void {
  try {
    setFlagsFromString(flag);
  } catch {
    // Nothing to do: the run is as correct without the flag.
  }
}

/**
 * Allocation-site pretenuring: after a full collection that happens while many flows are
 * alive (right after a million entities are created, say), V8 judged their allocation sites
 * long-lived and allocated flow objects straight in the old generation. They die within
 * milliseconds, but as old garbage they keep every young object they point to alive through
 * scavenges: a quarter of each scavenge survived, the old generation grew by 7 MB a scavenge
 * and the run lost a third of its speed. One forced collection at the first batch reproduced
 * it every time; without pretenuring it did not happen (bench/README.md, "Garbage collector
 * modes").
 */
const noPretenuring = new RunFlag('--no-allocation-site-pretenuring', '--allocation-site-pretenuring');

/**
 * While worker threads keep every core busy, each young-generation collection runs on its
 * own thread: V8's parallel scavenger splits it among helper threads that have no core to
 * run on, and the collecting thread waits for them (2 workers on 2 cores: about 9%).
 * Single-thread runs keep it: there the helpers use an idle core.
 */
const oneScavengerThread = new RunFlag('--no-parallel-scavenge', '--parallel-scavenge');

/** Sets the run's garbage-collector flags; returns the function that sets them back. */
export function holdRunGcSettings(workers: number): () => void {
  const releases = [noPretenuring.hold()];
  if (workers > 0 && workers >= availableParallelism()) releases.push(oneScavengerThread.hold());
  return () => {
    for (const release of releases) release();
  };
}
