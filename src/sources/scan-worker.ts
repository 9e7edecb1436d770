// Worker side of scanTree: lists and scans each share of directories it is sent, posts the result.

import { parentPort } from 'node:worker_threads';
import type { ReadLimits } from './read.js';
import { scanDirs, type ScanMode } from './scan.js';

parentPort!.on('message', (m: { dirs: string[]; mode: ScanMode; limits: ReadLimits }) => parentPort!.postMessage(scanDirs(m.dirs, m.mode, m.limits)));
