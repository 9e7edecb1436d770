// Worker side of indexTree: reads, hashes, scans or summarises each share of files it is sent.

import { parentPort } from 'node:worker_threads';
import { workFiles, type WorkItem } from './tree.js';

parentPort!.on('message', (m: { root: string; items: WorkItem[]; pass: 'defs' | 'summary'; maxFileSize?: number }) =>
  parentPort!.postMessage(workFiles(m.root, m.items, m.pass, m.maxFileSize)));
