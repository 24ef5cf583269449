import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Server } from 'node:http';
import dynalite from 'dynalite';

export interface DynaliteServer {
  endpoint: string;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * dynalite in this process on a free loopback port, with its LevelDB under `path` (in memory without).
 * Tables become ACTIVE at once, as on DynamoDB Local, so course scripts that put items right after
 * CreateTable work on either backend.
 */
export async function startDynalite(path: string | undefined): Promise<DynaliteServer> {
  if (path !== undefined) {
    await mkdir(path, { recursive: true });
    await checkNotLocked(path);
  }
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('dynalite has no TCP address'));
      else resolve(address.port);
    });
  });
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => stop(server) };
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dynalite did not stop within ${STOP_TIMEOUT_MS} ms`)),
      STOP_TIMEOUT_MS,
    );
    // dynalite's close() also closes LevelDB, and waits for open connections: end the idle ones now.
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

interface LevelDb {
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * dynalite opens its LevelDB lazily and throws the open error from a callback, which would end the
 * whole lab with an uncaught exception. Opening the directory once here, with the same `level` module
 * dynalite uses, turns a data dir held by another lab into a clear error instead.
 */
async function checkNotLocked(path: string): Promise<void> {
  const requireFromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { Level } = requireFromDynalite('level') as { Level: new (location: string) => LevelDb };
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const reason = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
    throw new Error(
      `dynalite cannot open its data in ${path}: ${reason.trim()}. Is another lab using the same data dir (${dirname(path)})?`,
      { cause: error },
    );
  }
  await db.close();
}
