/**
 * Where in a user's own code an error comes from, read from its stack: the frames of this
 * package (its src/ or dist/, whatever the checkout is called), of Node, of dependencies
 * and of generator plumbing are skipped.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';

const PACKAGE_CODE = new RegExp(`${escapeRegExp(join(PACKAGE_ROOT, '/'))}(dist|src)[\\\\/]`);
const OWN_CODE = new RegExp(`${PACKAGE_CODE.source}|[\\\\/]node_modules[\\\\/]|node:internal|^\\s*at (new )?(Generator|Array)\\.`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first stack frame in the user's own code, as file:line:column, to point at the bug. */
export function userFrame(stack: string | undefined): string | undefined {
  for (const line of frames(stack)) {
    if (OWN_CODE.test(line)) continue;
    const location = /\(?((?:file:\/\/)?[^()\s]+:\d+:\d+)\)?\s*$/.exec(line)?.[1];
    if (location) return location.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
  }
  return undefined;
}

/**
 * Whether an error was thrown outside this package and Node: by the user's code or a
 * package it imports (its top frame), rather than by a bug of ours.
 */
export function thrownOutsidePackage(stack: string | undefined): boolean {
  const top = frames(stack)[0];
  return top !== undefined && !PACKAGE_CODE.test(top) && !/\(node:|at node:/.test(top);
}

/** Whether `text` (a message, a stack) names a file of this package's own code. */
export function namesPackageCode(text: string): boolean {
  return PACKAGE_CODE.test(text);
}

function frames(stack: string | undefined): string[] {
  return (stack ?? '').split('\n').slice(1).filter((line) => /^\s*at /.test(line));
}
