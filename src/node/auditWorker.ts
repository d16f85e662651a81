// The entry of a pool's worker thread (bundled to dist/auditWorker.js; run through tsx from source).
import { parentPort, workerData } from 'node:worker_threads';
import { serveAudits, type AuditWorkerData } from './auditWorkerService';
import { setHeapFlags } from './batchHeap';

const data = workerData as AuditWorkerData;
setHeapFlags(data.heapFlags ?? []);
if (parentPort) serveAudits(parentPort, data);
