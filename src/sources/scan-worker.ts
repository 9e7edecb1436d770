// Worker side of scanTree: lists and scans each share of directories it is sent, posts the result.

import { parentPort } from 'node:worker_threads';
import { scanDirs } from './scan.js';

parentPort!.on('message', (dirs: string[]) => parentPort!.postMessage(scanDirs(dirs)));
