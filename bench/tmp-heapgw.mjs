import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session(); session.connect();
const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
process.prependListener('SIGTERM', async () => { const { profile } = await post('HeapProfiler.stopSampling'); writeFileSync('/tmp/prof/heap.json', JSON.stringify(profile)); process.exit(0); });
await import('./dax-gateway-process.mjs');
