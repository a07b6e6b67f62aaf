// Type-checks every package with its tests and fixtures (the build leaves tests out)
// and the repository-level tests. Exits non-zero on the first package with errors.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = [...readdirSync('packages').map((name) => `packages/${name}/tsconfig.json`), 'test/tsconfig.json'];
for (const project of projects) {
  const outcome = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: 'inherit' });
  if (outcome.status !== 0) {
    console.error(`typecheck failed: ${project}`);
    process.exit(outcome.status ?? 1);
  }
}
