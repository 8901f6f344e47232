/**
 * The quick-start workload (bench/workloads/quickstart-scale.ts) in this process for the
 * given simulated minutes; prints `events N`. What bench/instructions.ts counts.
 * Run: node --import tsx bench/workloads/engine-minutes.ts [minutes]
 *
 * Its output renders each batch's bytes, as the file output does, and writes them nowhere, at
 * once (CountingOutput 'bytes'): when a real write completes varies from run to run, and with
 * it how many buffers a run allocates and the collections they cause.
 */
import { CountingOutput } from '../counting-output.js';
import { quickstartAtScale } from './quickstart-scale.js';

const minutes = Number(process.argv[2] ?? 30);
const sim = quickstartAtScale({ duration: `${minutes}m`, nFlows: 12, initialUsers: 1000, history: 'current' });
const summary = await sim.run({ outputs: [new CountingOutput('bytes')], log: () => {} });
console.log(`events ${summary.events}`);
