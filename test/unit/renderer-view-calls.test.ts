import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = join(import.meta.dirname, '../../src/renderer/src/features');

function views(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return views(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('renderer views', () => {
  it('reach the server only through hooks (use-*.ts), never the api client', () => {
    const calling = views(FEATURES)
      .filter((path) => /\buseApi\(\)|\bapi\.(call|on)\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(FEATURES, path).split('\\').join('/'));
    expect(calling).toEqual([]);
  });

  it('finds the views it checks', () => {
    expect(views(FEATURES).length).toBeGreaterThan(100);
  });
});
