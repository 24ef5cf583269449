import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './support/import-graph';

const ROOT = resolve(import.meta.dirname, '../..');

describe('Import graph of src/', () => {
  it('has no cycles, type-only imports included', () => {
    const graph = importGraph(ROOT);
    expect(graph.size).toBeGreaterThan(500);
    const cycles = findCycles(graph).map((loop) => loop.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('resolves the @shared and @renderer aliases', () => {
    const graph = importGraph(ROOT);
    expect(graph.get('src/renderer/src/api/use-aws-selection.ts')).toEqual(
      expect.arrayContaining([
        'src/renderer/src/api/use-aws.ts',
        'src/renderer/src/stores/aws-selection-store.ts',
      ]),
    );
    expect(graph.get('src/renderer/src/api/use-secrets.ts')).toEqual(
      expect.arrayContaining(['src/renderer/src/api/api-provider.tsx']),
    );
  });
});

describe('Cycle finder', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function project(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'rdx-import-graph-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, 'src', path, '..'), { recursive: true });
      await writeFile(join(dir, 'src', path), text);
    }
    return dir;
  }

  it('names a loop made by a type-only import and a re-export', async () => {
    const root = await project({
      'a/panel.tsx': "import type { Actions } from './list';\nexport const panel = 1;\n",
      'a/list.tsx': "export { panel } from './panel';\nexport interface Actions { run(): void }\n",
      'b/leaf.ts': "import { panel } from '../a/panel';\nexport const leaf = panel;\n",
    });
    expect(findCycles(importGraph(root))).toEqual([['src/a/list.tsx', 'src/a/panel.tsx', 'src/a/list.tsx']]);
  });

  it('counts import() and ignores packages and styles', async () => {
    const root = await project({
      'tab.tsx':
        "import { lazy } from 'react';\nimport './tab.module.css';\nexport const Tab = lazy(() => import('./view'));\n",
      'view.tsx': "import { Tab } from './tab';\nexport default Tab;\n",
      'tab.module.css': '.x {}\n',
    });
    expect(findCycles(importGraph(root))).toEqual([['src/tab.tsx', 'src/view.tsx', 'src/tab.tsx']]);
  });

  it('finds nothing in a graph without loops', async () => {
    const root = await project({
      'one.ts': "import { two } from './two';\nexport const one = two;\n",
      'two.ts': 'export const two = 2;\n',
    });
    expect(findCycles(importGraph(root))).toEqual([]);
  });
});
