import { openMemoryStore } from './open-sqlite-store.js';
import { describeRunStoreContract } from './run-store-contract.js';

describeRunStoreContract('memory', async () => {
  const store = await openMemoryStore();
  return { store, cleanup: () => store.close() };
});
