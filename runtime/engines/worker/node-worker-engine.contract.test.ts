import { engineContract } from '../engine-contract';
import { NodeWorkerEngine } from './node-worker-engine';

// The embedded engine's runtime (the same code the sandboxed worker runs), in-process.
engineContract('worker (in-process)', () => new NodeWorkerEngine());
