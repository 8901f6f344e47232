/**
 * `deep-faker merge`: the JSON-lines outputs of a run's shards (`--shard K/N`), merged into
 * the stream one process would have written. The run merges its partitions by (sys__ets,
 * partition), and every sys__eid of a run with partitions starts with its partition's tag,
 * two characters that sort as the partition numbers do; each shard's file is in that order
 * already, so a merge of the files' heads gives the whole stream.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DeepFakerError } from '../errors.js';

/** Lines written at once: one write per line costs more than the merge itself. */
const LINES_PER_WRITE = 1024;

/** One input file's next line, read ahead. */
interface Head {
  readonly file: string;
  readonly batches: AsyncIterator<string[]>;
  batch: string[];
  index: number;
  line: string;
  number: number;
  ets: number;
  tag: string;
}

/** Merges `files` into `out`; resolves with the number of lines written. */
export async function mergeFiles(files: readonly string[], out: Writable): Promise<number> {
  const heads: Head[] = [];
  for (const file of files) {
    const head: Head = { file, batches: linesOf(file), batch: [], index: 0, line: '', number: 0, ets: -Infinity, tag: '' };
    if (await advance(head)) heads.push(head);
  }
  let written = 0;
  let pending: string[] = [];
  const flush = async () => {
    if (!out.write(`${pending.join('\n')}\n`)) await once(out, 'drain');
    pending = [];
  };
  while (heads.length > 0) {
    let best = 0;
    for (let i = 1; i < heads.length; i++) if (comesBefore(heads[i]!, heads[best]!)) best = i;
    const head = heads[best]!;
    pending.push(head.line);
    written++;
    if (pending.length === LINES_PER_WRITE) await flush();
    if (!(await advance(head))) heads.splice(best, 1);
  }
  if (pending.length > 0) await flush();
  return written;
}

/** Equal keys keep the order of the files: one partition is never in two shards. */
function comesBefore(a: Head, b: Head): boolean {
  return a.ets < b.ets || (a.ets === b.ets && a.tag < b.tag);
}

/** A file's lines, a chunk's worth at a time. */
async function* linesOf(file: string): AsyncGenerator<string[]> {
  let rest = '';
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      if (lines.length > 0) yield lines;
    }
  } catch (error) {
    throw new DeepFakerError('E_MERGE', `merge, ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path.`);
  }
  if (rest !== '') yield [rest];
}

/** Moves the head to its file's next non-empty line and reads its key; false at the end of the file. */
async function advance(head: Head): Promise<boolean> {
  const previous = head.ets;
  for (;;) {
    if (head.index === head.batch.length) {
      const next = await head.batches.next();
      if (next.done === true) return false;
      head.batch = next.value;
      head.index = 0;
    }
    head.number++;
    const line = head.batch[head.index++]!;
    if (line.trim() === '') continue;
    head.line = line.endsWith('\r') ? line.slice(0, -1) : line;
    break;
  }
  // The last occurrences: the system fields end every line, and a JSON field's object may
  // hold keys of the same names before them.
  const ets = /^"sys__ets":(-?\d+(?:\.\d+)?)/.exec(head.line.slice(head.line.lastIndexOf('"sys__ets":')))?.[1];
  const eid = /^"sys__eid":"([^"]*)"/.exec(head.line.slice(head.line.lastIndexOf('"sys__eid":')))?.[1];
  if (ets === undefined || eid === undefined) {
    throw new DeepFakerError('E_MERGE', `merge, ${head.file}, line ${head.number}: no sys__ets or sys__eid. merge takes the JSON lines deep-faker run writes (--out events.jsonl).`);
  }
  head.ets = Number(ets);
  // The partition's tag (a run of one partition has none, and no shards either).
  head.tag = eid.slice(0, 2);
  if (head.ets < previous) {
    throw new DeepFakerError('E_MERGE', `merge, ${head.file}, line ${head.number}: out of time order (sys__ets ${head.ets} after ${previous}). merge takes each file as deep-faker run wrote it.`);
  }
  return true;
}
