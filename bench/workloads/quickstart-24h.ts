/** The quick-start workload over 24 simulated hours, as a simulation file for the CLI. */
import { quickstartAtScale } from './quickstart-scale.js';

export default quickstartAtScale({ duration: '24h', nFlows: 12, initialUsers: 1000, history: 'current' });
