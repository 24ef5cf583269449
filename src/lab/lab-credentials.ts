import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The one key pair the lab's edge accepts: random per lab data dir, readable by its owner only. */
export interface LabCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export const LAB_CREDENTIALS_FILE = 'credentials.json';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const stored = z.object({
  accessKeyId: z.string().regex(/^LKIA[A-Z2-7]{16}$/),
  secretAccessKey: z.string().regex(/^[A-Za-z0-9]{40}$/),
});

/** Where the lab in `dataDir` keeps its keys. */
export function labCredentialsPath(dataDir: string): string {
  return join(dataDir, LAB_CREDENTIALS_FILE);
}

/**
 * The keys of the lab in `dataDir`, made at its first start: `LKIA` + 16 characters (AWS's key id
 * shape) and a 40-character secret. The file is created 0600 and tightened again if someone opened it
 * up, since anyone who reads it can use the lab's secrets.
 */
export async function loadOrCreateLabCredentials(dataDir: string): Promise<LabCredentials> {
  const path = labCredentialsPath(dataDir);
  const existing = await readLabCredentials(dataDir);
  if (existing) {
    await chmod(path, 0o600);
    return existing;
  }
  const fresh = newLabCredentials();
  try {
    await writeFile(path, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (error) {
    // Another process made them between our read and write: theirs are the keys.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = await readLabCredentials(dataDir);
      if (theirs) return theirs;
    }
    throw error;
  }
}

/** The keys already made for `dataDir`, or undefined when there are none yet. */
export async function readLabCredentials(dataDir: string): Promise<LabCredentials | undefined> {
  const path = labCredentialsPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const keys = stored.safeParse(parsed);
  if (!keys.success) {
    throw new Error(
      `The lab's key file ${path} is damaged. Remove it and start the lab again for new keys ` +
        '(update any AWS profile that used the old ones).',
    );
  }
  return keys.data;
}

/** A new random key pair in the lab's shapes (tests start edges with one). */
export function newLabCredentials(): LabCredentials {
  return {
    accessKeyId: `LKIA${randomText(KEY_ID_ALPHABET, 16)}`,
    secretAccessKey: randomText(SECRET_ALPHABET, 40),
  };
}

// Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
function randomText(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let text = '';
  while (text.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && text.length < length) text += alphabet[byte % alphabet.length];
    }
  }
  return text;
}
