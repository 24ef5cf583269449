import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { firstExecutable, isExecutableFile, pathDirs } from '../engine/find-executable';

export interface DynamoDbLocalJar {
  jar: string;
  /** The sqlite4java native libraries beside the jar; passed as -Djava.library.path. */
  libDir: string;
}

/** Found, or why not, in words for the user (what was looked for, and where). */
export type Found<T> = { ok: true; value: T } | { ok: false; reason: string };

const LIB_DIR_NAME = 'DynamoDBLocal_lib';

/** `java` from the given path, $JAVA_HOME/bin or PATH. */
export function findJava(javaPath?: string): Found<string> {
  if (javaPath !== undefined) {
    return isExecutableFile(javaPath)
      ? { ok: true, value: javaPath }
      : { ok: false, reason: `${javaPath} is not an executable file` };
  }
  const javaHome = process.env.JAVA_HOME ? [join(process.env.JAVA_HOME, 'bin')] : [];
  const name = process.platform === 'win32' ? 'java.exe' : 'java';
  const found = firstExecutable([name], [...javaHome, ...pathDirs()]);
  return found
    ? { ok: true, value: found }
    : {
        ok: false,
        reason:
          'no Java found in $JAVA_HOME/bin or on PATH (Debian: apt-get install openjdk-17-jre-headless)',
      };
}

/**
 * The DynamoDB Local jar: the given path (`--dynamodb-local-jar`), else the copy the test harness keeps
 * in the user cache (`~/.cache/rds-dynamo-explorer/dynamodb-local/<version>/`, newest version first,
 * only once its download was verified).
 */
export function findDynamoDbLocalJar(jarPath?: string): Found<DynamoDbLocalJar> {
  if (jarPath !== undefined) {
    const libDir = join(dirname(jarPath), LIB_DIR_NAME);
    if (!isFile(jarPath)) return { ok: false, reason: `${jarPath} is not a file` };
    if (!isDirectory(libDir)) return { ok: false, reason: `${LIB_DIR_NAME} is missing beside ${jarPath}` };
    return { ok: true, value: { jar: jarPath, libDir } };
  }
  const root = dynamoDbLocalCacheRoot();
  for (const version of listVersions(root)) {
    const found = readVerified(join(root, version));
    if (found) return { ok: true, value: found };
  }
  return {
    ok: false,
    reason: `no DynamoDB Local jar in ${root} (the test harness downloads it there; or pass --dynamodb-local-jar <path>)`,
  };
}

export function dynamoDbLocalCacheRoot(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheRoot, 'rds-dynamo-explorer', 'dynamodb-local');
}

function listVersions(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => /^\d+(\.\d+)*$/.test(name))
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

/** The harness writes `verified.json` ({ jar: relative path }) only after checking the download's sha256. */
function readVerified(dir: string): DynamoDbLocalJar | undefined {
  try {
    const marker: unknown = JSON.parse(readFileSync(join(dir, 'verified.json'), 'utf8'));
    const relative = typeof marker === 'object' && marker !== null ? Reflect.get(marker, 'jar') : undefined;
    if (typeof relative !== 'string') return undefined;
    const jar = join(dir, relative);
    const libDir = join(dirname(jar), LIB_DIR_NAME);
    return isFile(jar) && isDirectory(libDir) ? { jar, libDir } : undefined;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
