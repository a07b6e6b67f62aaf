import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packagesDir = new URL('../packages/', import.meta.url).pathname;

/** The allowed imports between our packages (docs/architecture.md). */
const allowed: Record<string, readonly string[]> = {
  protocol: [],
  evidence: [],
  core: ['protocol'],
  guards: ['core', 'protocol'],
  providers: ['core', 'protocol'],
  store: ['core', 'evidence', 'protocol'],
  runtime: ['core', 'evidence', 'guards', 'providers', 'store', 'protocol'],
  server: ['core', 'evidence', 'guards', 'providers', 'runtime', 'store', 'protocol'],
  cli: ['server', 'runtime', 'core', 'evidence', 'guards', 'protocol', 'store'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('dependency direction', () => {
  const packages = readdirSync(packagesDir).filter((name) => !name.startsWith('.'));

  it('knows every package', () => {
    expect(packages.sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const name of packages) {
    it(`${name} imports only what it may`, () => {
      const imported = new Set<string>();
      for (const file of sourceFiles(join(packagesDir, name, 'src'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/from '@dax\/([a-z-]+)'|import\('@dax\/([a-z-]+)'\)/g)) {
          imported.add(match[1] ?? match[2]!);
        }
      }
      imported.delete(name);
      expect([...imported].filter((dependency) => !allowed[name]!.includes(dependency))).toEqual([]);
      const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      const declared = Object.keys(manifest.dependencies ?? {}).filter((dependency) => dependency.startsWith('@dax/')).map((dependency) => dependency.slice(5));
      for (const dependency of imported) expect(declared, `${name} must declare @dax/${dependency}`).toContain(dependency);
    });
  }
});
