import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors';

/** Files in an app folder are readable by the user alone (exports hold whole tables). */
export const PRIVATE_FILE_MODE = 0o600;

/** Whether `path` lies strictly inside `folder` once both are resolved. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The folders the app made for exports, downloads and uploads, and the only ones it deletes. Each is
 * a fresh `mkdtemp` (mode 0700) under one root; files in it get fixed names. Removing a folder the
 * registry did not create does nothing, so no name or path from elsewhere can steer a deletion.
 */
export class PrivateFolders {
  private readonly created = new Set<string>();

  constructor(private readonly root: string) {}

  async create(): Promise<string> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const folder = await mkdtemp(join(this.root, 'f-'));
    this.created.add(folder);
    return folder;
  }

  /** The path of `name` in a folder this registry created; anything that would leave it is refused. */
  fileIn(folder: string, name: string): string {
    const path = join(folder, name);
    if (!this.created.has(folder) || !isInside(folder, path)) {
      throw new AppError('INTERNAL', 'A file was about to be written outside the app’s own folder.');
    }
    return path;
  }

  /** Deletes a folder this registry created (once); false for any other path. */
  async remove(folder: string): Promise<boolean> {
    if (!this.created.delete(folder)) return false;
    await rm(folder, { recursive: true, force: true });
    return true;
  }

  async dispose(): Promise<void> {
    const folders = [...this.created];
    await Promise.allSettled(folders.map((f) => this.remove(f)));
  }
}
