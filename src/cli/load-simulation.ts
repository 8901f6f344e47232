import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import type { Simulation } from '../index.js';

/**
 * Imports a simulation file (TypeScript through tsx) and returns its default export, or its
 * `sim` export. Checked by shape, not instanceof, so a file may use another copy of the package.
 */
export async function loadSimulation(file: string): Promise<Simulation> {
  const path = resolve(file);
  if (!existsSync(path)) throw new DeepFakerError('E_NO_FILE', `${file}: no such file. Check the path.`);
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    if (isDeepFakerError(error)) throw error;
    const err = error as Error;
    // esbuild reports syntax errors with their location; the user needs that, not our stack.
    if (err?.name === 'TransformError' || /Transform failed/.test(err?.message ?? '')) {
      throw new DeepFakerError('E_LOAD', `${file}: cannot compile: ${err.message.split('\n').slice(0, 3).join(' ')}`);
    }
    throw error;
  } finally {
    await unregister();
  }
  const candidate = (isSimulation(module.default) ? module.default : module.sim) as unknown;
  if (!isSimulation(candidate)) {
    throw new DeepFakerError('E_NO_SIMULATION', `${file}: exports no Simulation. Add "export default sim;" (or "export const sim = new Simulation(...)").`);
  }
  return candidate;
}

function isSimulation(value: unknown): value is Simulation {
  return typeof value === 'object' && value !== null && typeof (value as Simulation).run === 'function' && Array.isArray((value as Simulation).flowNames);
}
