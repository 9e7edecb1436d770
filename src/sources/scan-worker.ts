// Worker side of scanTree: scans each batch of paths it is sent and posts the result back.

import { parentPort } from 'node:worker_threads';
import { scanFiles } from './scan.js';

parentPort!.on('message', (files: string[]) => parentPort!.postMessage(scanFiles(files)));
