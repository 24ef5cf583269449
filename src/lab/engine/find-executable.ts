import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The first of `names` found on PATH or in `extraDirs` (server binaries such as mariadbd live in
 * /usr/sbin, which is often not on a normal user's PATH). Throws naming every name and directory tried,
 * so a missing prerequisite is obvious from the test output.
 */
export function findExecutable(names: readonly string[], extraDirs: readonly string[] = []): string {
  const found = findOptionalExecutable(names, extraDirs);
  if (found !== undefined) return found;
  throw new Error(
    `none of ${names.join(', ')} was found on PATH or in ${extraDirs.join(', ') || '(no extra dirs)'}`,
  );
}

/** Like findExecutable, but undefined instead of an error (for optional helpers). */
export function findOptionalExecutable(
  names: readonly string[],
  extraDirs: readonly string[] = [],
): string | undefined {
  return firstExecutable(names, [...pathDirs(), ...extraDirs]);
}

/** The first of `names` in the first of `dirs` that has it, in that order of precedence. */
export function firstExecutable(names: readonly string[], dirs: readonly string[]): string | undefined {
  for (const name of names) {
    for (const dir of new Set(dirs)) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The directories on PATH, in order. */
export function pathDirs(): string[] {
  return (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
