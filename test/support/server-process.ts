import { spawnServer as spawnEngineServer, type ServerProcess } from '../../src/lab/engine/server-process';
import { trackPid } from './cleanup';

export type { ServerProcess } from '../../src/lab/engine/server-process';

/**
 * The engine's server process, also tracked by the test cleanup registry so an interrupted run kills
 * it even where the parent-death signal is not available.
 */
export function spawnServer(command: string, args: readonly string[], cwd?: string): ServerProcess {
  return spawnEngineServer(command, args, { cwd, onSpawn: trackPid });
}
