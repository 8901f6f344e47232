import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

let holders = 0;

/**
 * While worker threads keep every core busy, each young-generation collection runs on its
 * own thread: V8's parallel scavenger splits it among helper threads that have no core to
 * run on, and the collecting thread waits for them. With 2 workers on 2 cores this took about
 * 9% off a run (bench/README.md). V8 reads the flag at each scavenge, so it can be set here,
 * for the run, and set back when the last run that asked for it ends.
 * Returns the function that gives the setting back.
 */
export function scavengeOnOneThreadWhileBusy(workers: number): () => void {
  if (workers < availableParallelism()) return () => undefined;
  if (holders++ === 0) setFlagsFromString('--no-parallel-scavenge');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) setFlagsFromString('--parallel-scavenge');
  };
}
