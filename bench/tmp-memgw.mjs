import v8 from 'node:v8';
const mb = (x) => (x / 1048576).toFixed(0);
setInterval(() => { globalThis.gc?.(); const m = process.memoryUsage(); const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace('_space','')}:${mb(s.space_size)}`).join(' '); process.stderr.write(`rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} used ${mb(m.heapUsed)} ext ${mb(m.external)} | ${spaces}\n`); }, 2000).unref();
await import('./dax-gateway-process.mjs');
