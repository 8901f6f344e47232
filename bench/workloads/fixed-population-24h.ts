/** The fixed-population workload as a simulation file: 10,000 members, a long window. */
import { fixedPopulation } from './fixed-population.js';

export default fixedPopulation({ users: 10_000, duration: '30d', nFlows: 40, history: 'current' });
