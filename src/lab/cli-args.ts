import { join } from 'node:path';
import { resolveDataDir } from '../node/data-dir';
import { LAB_DEFAULT_PORT } from '../shared/models/lab';

export type LabCommand =
  | {
      command: 'start';
      port: number;
      host: string;
      dataDir: string;
      seed: 'course' | 'none';
      jarPath?: string;
      backend: 'auto' | 'dynamodb-local' | 'dynalite';
    }
  | { command: 'reset'; dataDir: string }
  | { command: 'fault'; port: number; dataDir: string; kind: string; target?: string; value?: string };

export const LAB_USAGE = `Usage:
  npm run lab [-- --port N] [--host H [--unsafe-listen]] [--data-dir DIR] [--seed course|none] [--dynamodb-local-jar PATH] [--dynamodb auto|dynamodb-local|dynalite]
  npm run lab -- reset [--data-dir DIR]
  npm run lab -- fault KIND [TARGET] [VALUE] [--port N] [--data-dir DIR]
     KIND: stop-instance ID | kill-instance ID | break-replication REPLICA | repair-replication REPLICA
           | replica-delay REPLICA SECONDS
           | throttle SHARE(0..1) | rotate-secret SECRET`;

/** The lab's data lives beside the app's profiles, so the app and `npm run lab` share one lab. */
export function defaultLabDataDir(): string {
  return join(resolveDataDir(), 'lab');
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
// Options that take no value.
const SWITCHES = new Set(['unsafe-listen']);

export function parseLabArgs(argv: readonly string[]): LabCommand {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    if (SWITCHES.has(arg.slice(2))) {
      flags.set(arg.slice(2), 'true');
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, value);
  }
  const known = ['port', 'host', 'unsafe-listen', 'data-dir', 'seed', 'dynamodb-local-jar', 'dynamodb'];
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`Unknown option --${name}`);
  const port = Number(flags.get('port') ?? LAB_DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0-65535');
  const dataDir = flags.get('data-dir') ?? defaultLabDataDir();
  const [command, ...rest] = words;
  if (command === 'reset') return { command: 'reset', dataDir };
  if (command === 'fault') {
    const [kind, target, value] = rest;
    if (!kind) throw new Error('fault needs a KIND');
    return { command: 'fault', port, dataDir, kind, target, value };
  }
  if (command !== undefined) throw new Error(`Unknown command ${command}`);
  const seed = flags.get('seed') ?? 'course';
  if (seed !== 'course' && seed !== 'none') throw new Error('--seed must be course or none');
  const backend = flags.get('dynamodb') ?? 'auto';
  if (backend !== 'auto' && backend !== 'dynamodb-local' && backend !== 'dynalite') {
    throw new Error('--dynamodb must be auto, dynamodb-local or dynalite');
  }
  const host = flags.get('host') ?? '127.0.0.1';
  // As browser mode: the lab's endpoint serves secrets, so other machines reach it only by explicit choice.
  if (!LOOPBACK_HOSTS.has(host) && !flags.has('unsafe-listen')) {
    throw new Error(
      `Refusing to listen on ${host}: only loopback is allowed without --unsafe-listen (anyone who can ` +
        'reach the port can try the lab keys and reads its traffic in clear).',
    );
  }
  return {
    command: 'start',
    port,
    host,
    dataDir,
    seed,
    jarPath: flags.get('dynamodb-local-jar'),
    backend,
  };
}
