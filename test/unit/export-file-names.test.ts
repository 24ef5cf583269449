import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, posix, resolve, sep, win32 } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDisposition, downloadName } from '../../src/main/files/download-name';
import { isInside, PrivateFolders } from '../../src/main/files/private-folders';
import { makeTempDir, type TempDir } from '../support/temp-dir';

// Names as servers may send them: any text, and text built from the pieces that make paths.
const anyName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(fc.constantFrom('..', '.', '/', '\\', 'tmp', 'x', ':', '\u202e', '\n', '\0', 'é', ' '), {
      maxLength: 40,
    })
    .map((parts) => parts.join('')),
);

describe('the file name shown for an export', () => {
  it('is one harmless name with its extension, whatever the server called the table', () => {
    fc.assert(
      fc.property(anyName, (stem) => {
        const name = downloadName(stem, 'csv');
        expect(name.endsWith('.csv')).toBe(true);
        expect(name).not.toMatch(/[/\\\p{Cc}\p{Cf}]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(posix.basename(name)).toBe(name);
        expect(win32.basename(name)).toBe(name);
        expect(Array.from(name).length).toBeLessThanOrEqual(124);
        expect(isInside('/app/folder', join('/app/folder', name))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps an ordinary name as it is and names an empty one', () => {
    expect(downloadName('Users-byEmail', 'jsonl')).toBe('Users-byEmail.jsonl');
    expect(downloadName('café table', 'csv')).toBe('café table.csv');
    expect(downloadName('../../../../tmp/victim/x', 'csv')).toBe('_.._.._.._tmp_victim_x.csv');
    expect(downloadName('...', 'json')).toBe('export.json');
    expect(downloadName('', 'csv')).toBe('export.csv');
    expect(downloadName('nul', 'csv')).toBe('_nul.csv');
  });

  it('travels in Content-Disposition as printable ASCII that decodes back to the name', () => {
    fc.assert(
      fc.property(anyName, (stem) => {
        const name = downloadName(stem, 'csv');
        const header = contentDisposition(name);
        expect(header).toMatch(/^[\x20-\x7e]+$/);
        const match =
          /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
        expect(match).not.toBeNull();
        expect(decodeURIComponent(match![2]!)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('paths inside the app’s folder', () => {
  it('are told apart from paths that leave it, even by a shared prefix', () => {
    expect(isInside('/a/b', '/a/b/export')).toBe(true);
    expect(isInside('/a/b', '/a/b/..x')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
    expect(isInside('/a/b', '/a/b-evil/x')).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        const path = join('/a/b', tail);
        expect(isInside('/a/b', path)).toBe(resolve(path).startsWith(`/a/b${sep}`));
      }),
    );
  });
});

describe('the registry of folders the app created', () => {
  let dir: TempDir;
  let folders: PrivateFolders;
  beforeEach(async () => {
    dir = await makeTempDir('folders');
    folders = new PrivateFolders(join(dir.path, 'transfers'));
  });
  afterEach(async () => {
    await folders.dispose();
    await dir.remove();
  });

  it('makes private folders and deletes only those', async () => {
    const folder = await folders.create();
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const sentinel = join(dir.path, 'sentinel');
    await mkdir(sentinel);
    await writeFile(join(sentinel, 'keep.txt'), 'precious');
    expect(await folders.remove(sentinel)).toBe(false);
    expect(await folders.remove(join(folder, '..'))).toBe(false);
    expect(await readdir(sentinel)).toEqual(['keep.txt']);
    expect(await folders.remove(folder)).toBe(true);
    await expect(stat(folder)).rejects.toThrow(/ENOENT/);
    // Once removed it is forgotten: a second removal (a folder made anew there) deletes nothing.
    await mkdir(folder);
    expect(await folders.remove(folder)).toBe(false);
    expect((await stat(folder)).isDirectory()).toBe(true);
  });

  it('gives out a file path only inside a folder it created', async () => {
    const folder = await folders.create();
    expect(folders.fileIn(folder, 'export.csv')).toBe(join(folder, 'export.csv'));
    expect(() => folders.fileIn(dir.path, 'export.csv')).toThrow(/outside the app’s own folder/);
    fc.assert(
      fc.property(anyName, (name) => {
        let path: string | undefined;
        try {
          path = folders.fileIn(folder, name);
        } catch (err) {
          expect((err as Error).message).toMatch(/outside the app’s own folder/);
          return;
        }
        expect(isInside(folder, path)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
