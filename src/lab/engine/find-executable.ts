import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The first of `names` found on PATH or in `extraDirs` (server binaries such as mariadbd live in
 * /usr/sbin, which is often not on a normal user's PATH). Throws naming every name and directory tried,
 * so a missing prerequisite is obvious from the test output.
 */
export function findExecutable(names: readonly string[], extraDirs: readonly string[] = []): string {
  const pathDirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const dirs = [...new Set([...pathDirs, ...extraDirs])];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new Error(
    `none of ${names.join(', ')} was found on PATH or in ${extraDirs.join(', ') || '(no extra dirs)'}`,
  );
}

/** Like findExecutable, but undefined instead of an error (for optional helpers). */
export function findOptionalExecutable(
  names: readonly string[],
  extraDirs: readonly string[] = [],
): string | undefined {
  try {
    return findExecutable(names, extraDirs);
  } catch {
    return undefined;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
