import {
  findMariaDbBinaries as findEngineBinaries,
  type MariaDbBinaries,
} from '../../src/lab/engine/mariadb-binaries';

export type { MariaDbBinaries } from '../../src/lab/engine/mariadb-binaries';

/** Finds the MariaDB server and its data-dir initialiser, or says precisely what was looked for. */
export function findMariaDbBinaries(): MariaDbBinaries {
  try {
    return findEngineBinaries();
  } catch (error) {
    throw new Error(`MariaDB server binaries are needed for integration tests: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
