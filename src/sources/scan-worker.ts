// Worker side of scanTree: waits for its share of the tree, scans it, posts the result.

import { parentPort } from 'node:worker_threads';
import { scanUnit, type WorkUnit } from './scan.js';

parentPort!.once('message', (u: WorkUnit) => parentPort!.postMessage(scanUnit(u)));
