// Worker side of indexTree: reads, hashes, scans or summarises each share of files it is sent,
// building its share of the name table from the files it scans, sent back when asked (`tables`).

import { parentPort } from 'node:worker_threads';
import { TableBuilder } from './tree-cache.js';
import { workFiles, type WorkItem } from './tree.js';

let table = new TableBuilder();

parentPort!.on('message', (m: { tables?: true; root: string; items: WorkItem[]; pass: 'defs' | 'summary'; maxFileSize?: number }) => {
  if (m.tables) {
    parentPort!.postMessage({ table: table.empty ? undefined : table.encode() });
    table = new TableBuilder();
    return;
  }
  parentPort!.postMessage(workFiles(m.root, m.items, m.pass, m.maxFileSize, table));
});
