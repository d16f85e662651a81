// Imported first by the CLI's entry: the heap is sized before any other module of the bundle loads,
// so the young generation never grows while they do (src/node/batchHeap.ts).
import { sizeHeapForBatchAudits } from '../node/batchHeap';

sizeHeapForBatchAudits();
