// Worker side of scanTree: lists and scans each share of directories it is sent, posts the result.

import { parentPort } from 'node:worker_threads';
import { scanDirs, type ScanMode } from './scan.js';

parentPort!.on('message', (m: { dirs: string[]; mode: ScanMode }) => parentPort!.postMessage(scanDirs(m.dirs, m.mode)));
