import {
  findMariaDbBinaries,
  findMariaDbClientTools,
  serverVersion,
  type MariaDbBinaries,
  type MariaDbClientTools,
} from '../engine/mariadb-binaries';

/** Binaries the caller may pass instead of having them looked up (any missing one is looked up). */
export type RdsBinaries = MariaDbBinaries & Partial<MariaDbClientTools>;

export interface EngineSetup {
  bin: MariaDbBinaries;
  tools: MariaDbClientTools;
  /** The server's version number, reported as EngineVersion. */
  version: string;
}

export type EngineDetection =
  { engine: EngineSetup; problem?: undefined } | { engine?: undefined; problem: string };

/**
 * Finds what DB instances need: the server, its data-dir initialiser, mariadb-dump and the client.
 * Without them the RDS part still answers (describe works, creating says why it cannot), as the design
 * asks: the lab says what is missing and the rest runs.
 */
export async function detectEngine(given?: RdsBinaries): Promise<EngineDetection> {
  try {
    const bin = given ?? findMariaDbBinaries();
    const found = given?.dump && given.client ? { dump: given.dump, client: given.client } : undefined;
    const tools = found ?? findMariaDbClientTools(bin.server);
    return { engine: { bin, tools, version: await serverVersion(bin.server) } };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
