// A Dax process that starts one run and reports its events as JSON lines on stdout.
// The scripted provider (DAX_PROVIDER=scripted:<file>) keeps it mid-run, so a test can
// kill it with SIGKILL while its run is `running`.
import { createDax } from '@dax/runtime';

const dax = createDax({ env: process.env });
await dax.run({
  input: 'Refund order #5512 to the customer who paid $120.',
  onEvent: (event) => {
    process.stdout.write(`${JSON.stringify({ type: event.type, runId: event.runId, layer: event.layer })}\n`);
  },
});
process.stdout.write('{"type":"finished"}\n');
