import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

const folders = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}${entry.name}/`);

it("README's map of the code names every folder under src/ (two levels, and the renderer's app)", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const map = readme.slice(readme.indexOf('## Map of the code'));
  const named = new Set([...map.matchAll(/`([^`]+\/)`/g)].map((match) => match[1]));
  const renderer = 'src/renderer/src/';
  // Short forms in a row: `src/renderer/src/stores/`, `monaco/` names monaco/ beside stores/.
  for (const line of map.split('\n')) {
    const first = /^\| `(src\/[^`]*\/)[^/`]+\/`/.exec(line)?.[1];
    if (first) for (const short of line.matchAll(/`([a-z-]+\/)`/g)) named.add(first + short[1]);
  }
  const wanted = [...folders('src/'), ...folders('src/').flatMap(folders), ...folders(renderer)];
  expect(wanted.filter((folder) => !named.has(folder))).toEqual([]);
});
