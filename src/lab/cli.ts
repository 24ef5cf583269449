import { rm } from 'node:fs/promises';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { LAB_USAGE, parseLabArgs, type LabCommand } from './cli-args';
import { startLab, type Lab } from './lab';
import { ADMIN_KEY_HEADER } from './edge/admin-routes';
import { readLabCredentials } from './lab-credentials';
import { labInstructions } from './lab-instructions';
import { runningLabPid } from './lab-pid';
import type { LabStatus } from '../shared/models/lab';
import { COURSE_INSTANCE } from './seed/course-data';

/** `npm run lab`: the lab alone, with the endpoint and ready-to-paste commands; `reset`; `fault`. */
async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) return void console.log(LAB_USAGE);
  const cmd = parseLabArgs(argv);
  if (cmd.command === 'reset') return reset(cmd.dataDir);
  if (cmd.command === 'fault') return fault(cmd);
  return start(cmd);
}

async function start(cmd: Extract<LabCommand, { command: 'start' }>): Promise<void> {
  let last = '';
  const lab = await startLab({
    dataDir: cmd.dataDir,
    host: cmd.host,
    port: cmd.port,
    seed: cmd.seed,
    dynamodb: { jarPath: cmd.jarPath, backend: cmd.backend },
    onStatus: (s: LabStatus) => {
      const line = `lab: ${s.state}${s.seed === 'pending' || s.state !== 'seeding' ? '' : ' the course labs (an instance and its replica take a few seconds)'}`;
      if (line !== last) console.log((last = line));
    },
  });
  const stop = async (): Promise<void> => {
    console.log('lab: stopping');
    await lab.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await lab.seeded;
  const course = await courseInstance(lab);
  console.log(`\n${labInstructions(lab.status(), lab.credentials, course?.secretArn, course?.port)}`);
}

async function courseInstance(lab: Lab): Promise<{ secretArn?: string; port?: number } | undefined> {
  const rds = new RDSClient({ endpoint: lab.endpoint, region: lab.region, credentials: lab.credentials });
  try {
    const { DBInstances } = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: COURSE_INSTANCE.id }),
    );
    const db = DBInstances?.[0];
    return { secretArn: db?.MasterUserSecret?.SecretArn, port: db?.Endpoint?.Port };
  } catch {
    return undefined;
  } finally {
    rds.destroy();
  }
}

async function reset(dataDir: string): Promise<void> {
  const pid = runningLabPid(dataDir);
  if (pid) throw new Error(`A lab (pid ${pid}) is running on ${dataDir}; stop it before reset.`);
  await rm(dataDir, { recursive: true, force: true });
  console.log(`lab: removed ${dataDir}`);
}

async function fault(cmd: Extract<LabCommand, { command: 'fault' }>): Promise<void> {
  const body: Record<string, unknown> = { kind: cmd.kind };
  if (cmd.kind === 'throttle') body.share = Number(cmd.target);
  else body.target = cmd.target;
  if (cmd.kind === 'replica-delay') body.seconds = Number(cmd.value);
  const keys = await readLabCredentials(cmd.dataDir);
  if (!keys) throw new Error(`No lab keys in ${cmd.dataDir}. Start the lab first, or pass its --data-dir.`);
  const res = await fetch(`http://127.0.0.1:${cmd.port}/_lab/fault`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [ADMIN_KEY_HEADER]: keys.secretAccessKey },
    body: JSON.stringify(body),
  }).catch(() => {
    throw new Error(`No lab answers on port ${cmd.port}. Start it with npm run lab, or pass --port.`);
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`The lab refused the fault (${res.status}): ${text}`);
  console.log(`lab: ${text}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`lab: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
