import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger, type Logger } from '../../node/logger';
import type { ServiceHandler } from '../edge/types';
import type { RdsFaults } from '../faults';
import type { ManagedSecrets, MasterPasswordSetter } from '../secrets/managed-secrets';
import type { ActionContext } from './action-context';
import { RDS_ACTIONS } from './actions';
import { acquireDataDirLock } from './data-dir-lock';
import { detectEngine, type RdsBinaries } from './engine-setup';
import { JobRunner } from './jobs';
import type { InstanceStatus, NodeRecord } from './model';
import { invalidInstanceState } from './errors';
import { ensureMariaDbTemplate } from '../engine/mariadb-template';
import { createCrashRestarter } from './crash-restart';
import { createQueryHandler } from './query-protocol';
import { RdsState } from './rds-state';
import { recoverInstances } from './recovery';
import { Endpoints } from './runtime/endpoints';
import { createRdsFaults } from './runtime/faults';
import { endLeftovers } from './runtime/leftover-sweep';
import { MariaDbWorkflows } from './runtime/mariadb-workflows';
import { NodeRuntime } from './runtime/node-runtime';
import { Provisioner } from './runtime/provision';
import { loadStateFile } from './state-file';
import { summarise, type RdsInstanceSummary } from './summary';

export type { RdsInstanceSummary } from './summary';

// The states in which the instance's server runs and takes a new master password (rotation).
const PASSWORD_SETTABLE: readonly InstanceStatus[] = [
  'available',
  'backing-up',
  'modifying',
  'resetting-master-credentials',
];
export type { RdsBinaries } from './engine-setup';

export interface RdsServiceOptions {
  /** The lab's data dir; the RDS part keeps everything under `<dataDir>/rds/`. */
  dataDir: string;
  region: string;
  secrets: ManagedSecrets;
  /** Found on PATH and in the usual places when omitted. */
  binaries?: RdsBinaries;
  /** Where the initialised data-dir template is kept (default `<dataDir>/rds/template`). */
  templateDir?: string;
  log?: Logger;
  now?: () => Date;
  /** Bound for one mariadbd to start or a replica to start replicating (default 60 s). */
  startTimeoutMs?: number;
  /** How long after a crash (a killed process) the lab starts it again (default 1.5 s). */
  crashRestartDelayMs?: number;
}

/** What the lab's status display shows about the RDS part. */
export interface RdsStatus {
  engine: { available: true; server: string; version: string } | { available: false; problem: string };
  /** Things the user should know: a state file moved aside, leftovers ended after a crash. */
  warnings: string[];
}

export interface RdsService {
  /** The Query-protocol handler the edge routes `rds` requests to. */
  handler: ServiceHandler;
  /** Changes an instance's real master password (Secrets Manager's rotation calls it). */
  setMasterPassword: MasterPasswordSetter;
  faults: RdsFaults;
  instances(): Promise<RdsInstanceSummary[]>;
  status(): RdsStatus;
  /** Waits for running work, stops every process and endpoint; the records stay for the next start. */
  shutdown(): Promise<void>;
}

/**
 * Starts the RDS emulation on `<dataDir>/rds`: takes the data dir's lock, loads the state, ends what
 * a crashed run left running, and brings back the instances that were running, before it resolves.
 */
export async function createRdsService(opts: RdsServiceOptions): Promise<RdsService> {
  const log = opts.log ?? createLogger('lab.rds');
  const now = opts.now ?? (() => new Date());
  const rdsDir = join(opts.dataDir, 'rds');
  await mkdir(rdsDir, { recursive: true, mode: 0o700 });
  const lock = await acquireDataDirLock(rdsDir);
  try {
    const loaded = await loadStateFile(join(rdsDir, 'state.json'), now());
    const warnings = loaded.warning === undefined ? [] : [loaded.warning];
    const state = new RdsState(join(rdsDir, 'state.json'), loaded.state, opts.region, now);
    const detected = await detectEngine(opts.binaries);
    const timeoutMs = opts.startTimeoutMs ?? 60_000;
    const templateRoot = opts.templateDir ?? join(rdsDir, 'template');
    let closing = false;
    const jobs = new JobRunner(log);
    // Restarts run after a crash, long after `workflows` below exists.
    const crashes = createCrashRestarter({
      state,
      jobs,
      isRunning: (instanceId, node) => nodes.isRunning(instanceId, node),
      restart: (instance) => workflows.restartCrashed(instance),
      delayMs: opts.crashRestartDelayMs ?? 1500,
      closing: () => closing,
    });
    const onUnexpectedExit = (instanceId: string, node: NodeRecord, reason: string): void => {
      if (!state.instances.has(instanceId)) return;
      state.recordEvent(
        'db-instance',
        instanceId,
        `The database process (${node.name}) stopped unexpectedly: ${reason}`,
        ['failure'],
      );
      void state
        .save()
        .catch((error: unknown) => log.warn('could not save the state', { error: String(error) }));
      crashes.schedule(instanceId, node);
    };
    const nodes = new NodeRuntime({
      rdsDir,
      bin: detected.engine?.bin,
      templateRoot,
      adminPassword: state.adminPassword,
      startTimeoutMs: timeoutMs,
      onUnexpectedExit,
    });
    const tools = detected.engine?.tools;
    const workflows = new MariaDbWorkflows({
      state,
      nodes,
      endpoints: new Endpoints(),
      provisioner: new Provisioner({
        nodes,
        tools,
        replPassword: state.replPassword,
        replicationTimeoutMs: timeoutMs,
      }),
      tools,
      snapshotsDir: join(rdsDir, 'snapshots'),
      replicationTimeoutMs: timeoutMs,
    });
    const context: ActionContext = {
      state,
      workflows,
      jobs,
      secrets: opts.secrets,
      log,
      now,
      engineVersion: detected.engine?.version ?? 'unknown',
      engineProblem: detected.problem,
    };
    if (detected.engine) {
      // Built now (1-2 s the first time) so the first CreateDBInstance does not wait for it.
      void ensureMariaDbTemplate(detected.engine.bin, templateRoot).catch((error: unknown) =>
        log.warn('could not prepare the MariaDB data-dir template', { error: String(error) }),
      );
      for (const report of await endLeftovers(nodes, [...state.instances.keys()])) {
        const message = `A database process left by an earlier run (pid ${report.outcome.pid}, ${report.node}) was ${report.outcome.kind === 'ended' ? `ended with ${report.outcome.signal}` : `not ended: ${report.outcome.kind}`}`;
        warnings.push(`${report.instanceId}: ${message}`);
        if (state.instances.has(report.instanceId))
          state.recordEvent('db-instance', report.instanceId, message, ['recovery']);
      }
      await recoverInstances(context);
    } else {
      log.warn('the RDS part cannot run DB instances', { problem: detected.problem });
    }
    return {
      handler: createQueryHandler({ actions: RDS_ACTIONS, context, log, closing: () => closing }),
      setMasterPassword: async (instanceId, password) => {
        const instance = state.instance(instanceId);
        if (!PASSWORD_SETTABLE.includes(instance.status)) {
          throw invalidInstanceState(
            `Instance ${instance.id} is ${instance.status}: its master password cannot be changed now.`,
          );
        }
        await workflows.setMasterPassword(instance, password);
      },
      faults: createRdsFaults(state, nodes),
      instances: async () => summarise(state, nodes),
      status: () => ({
        engine: detected.engine
          ? { available: true, server: detected.engine.bin.server, version: detected.engine.version }
          : { available: false, problem: detected.problem },
        warnings: [...warnings],
      }),
      shutdown: async () => {
        if (closing) return;
        closing = true;
        crashes.cancelAll();
        await jobs.idle();
        await workflows.shutdown();
        await state.save();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
