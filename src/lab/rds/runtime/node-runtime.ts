import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { getFreePort, isPortFree } from '../../engine/free-port';
import { endLeftoverServer, type LeftoverOutcome } from '../../engine/leftovers';
import type { MariaDbBinaries } from '../../engine/mariadb-binaries';
import { mariaDbLayout, type MariaDbLayout } from '../../engine/mariadb-layout';
import { startMariaDb, type MariaDbProcess } from '../../engine/mariadb-process';
import { ensureMariaDbTemplate } from '../../engine/mariadb-template';
import { connectSocket, withConnection, type SocketLogin } from '../../engine/sql-connection';
import type { NodeRecord } from '../model';
import { LAB_ADMIN, TEMPLATE_ROOT } from './accounts';

export interface NodeRuntimeOptions {
  /** `<dataDir>/rds`: instances live in `instances/<id>/<node>/`. */
  rdsDir: string;
  /** Undefined when no MariaDB server was found: nothing can start (actions check this first). */
  bin: MariaDbBinaries | undefined;
  templateRoot: string;
  adminPassword: string;
  startTimeoutMs: number;
  /** A process ended without the lab asking (killed, crashed). */
  onUnexpectedExit(instanceId: string, node: NodeRecord, reason: string): void;
}

export interface NodeStartOptions {
  readOnly: boolean;
  report?: { host: string; port: number };
  /**
   * First start of a data dir fresh from the template: the template's passwordless TCP root accounts
   * are dropped before the server accepts any connection, and root proves readiness through the socket.
   */
  fresh?: boolean;
}

// Runs as the server's init file, before networking: nothing can use these accounts in the meantime.
const TEMPLATE_LOCKDOWN_SQL = `DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');
DELETE FROM mysql.proxies_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');
FLUSH PRIVILEGES;
`;

/** The mariadbd processes of all instances: one per node, each in its own folder, children of the lab. */
export class NodeRuntime {
  private readonly running = new Map<string, MariaDbProcess>();
  private readonly stopping = new Set<MariaDbProcess>();

  constructor(private readonly opts: NodeRuntimeOptions) {}

  get adminLogin(): SocketLogin {
    return { user: LAB_ADMIN, password: this.opts.adminPassword };
  }

  instanceDir(instanceId: string): string {
    return join(this.opts.rdsDir, 'instances', instanceId);
  }

  layout(instanceId: string, node: NodeRecord): MariaDbLayout {
    return mariaDbLayout(join(this.instanceDir(instanceId), node.name));
  }

  process(instanceId: string, node: NodeRecord): MariaDbProcess | undefined {
    return this.running.get(key(instanceId, node));
  }

  isRunning(instanceId: string, node: NodeRecord): boolean {
    return this.process(instanceId, node) !== undefined;
  }

  /** Fills the node's data dir with a copy of the freshly initialised template. */
  async initData(instanceId: string, node: NodeRecord): Promise<void> {
    const layout = this.layout(instanceId, node);
    await rm(layout.dir, { recursive: true, force: true });
    // Owner-only: until the lab secures it, root logs in through the socket in here without a password.
    await mkdir(layout.dir, { recursive: true, mode: 0o700 });
    await cp(await ensureMariaDbTemplate(this.bin(), this.opts.templateRoot), layout.dataDir, {
      recursive: true,
    });
  }

  async start(instanceId: string, node: NodeRecord, opts: NodeStartOptions): Promise<MariaDbProcess> {
    const existing = this.process(instanceId, node);
    if (existing) return existing;
    // The node keeps its port across restarts (replicas point at it); a new one only if it was taken.
    if (node.port === 0 || !(await isPortFree(node.port))) node.port = await getFreePort();
    const layout = this.layout(instanceId, node);
    const initFile = opts.fresh ? join(layout.dir, 'template-lockdown.sql') : undefined;
    if (initFile) await writeFile(initFile, TEMPLATE_LOCKDOWN_SQL, { mode: 0o600 });
    const proc = await startMariaDb({
      bin: this.bin(),
      layout,
      port: node.port,
      serverId: node.serverId,
      readOnly: opts.readOnly,
      report: opts.report,
      initFile,
      login: opts.fresh ? TEMPLATE_ROOT : this.adminLogin,
      startTimeoutMs: this.opts.startTimeoutMs,
      label: `${instanceId} ${node.name}`,
    });
    if (initFile) await rm(initFile, { force: true }); // done its job; later starts must not repeat it
    const id = key(instanceId, node);
    this.running.set(id, proc);
    void proc.exited.then((reason) => {
      if (this.running.get(id) === proc) this.running.delete(id);
      if (!this.stopping.delete(proc)) this.opts.onUnexpectedExit(instanceId, node, reason);
    });
    return proc;
  }

  async stop(instanceId: string, node: NodeRecord): Promise<void> {
    const proc = this.process(instanceId, node);
    if (!proc) return;
    this.stopping.add(proc);
    await proc.stop();
    this.running.delete(key(instanceId, node));
  }

  /** SIGKILL, as a crash: the exit is reported as unexpected. */
  async kill(instanceId: string, node: NodeRecord): Promise<void> {
    const proc = this.process(instanceId, node);
    if (!proc) return;
    proc.kill();
    await proc.exited;
  }

  /** Runs `use` on an admin connection through the node's socket. */
  async withAdmin<T>(
    instanceId: string,
    node: NodeRecord,
    use: (connection: Connection) => Promise<T>,
  ): Promise<T> {
    return this.withLogin(instanceId, node, this.adminLogin, use);
  }

  async withLogin<T>(
    instanceId: string,
    node: NodeRecord,
    login: SocketLogin,
    use: (connection: Connection) => Promise<T>,
  ): Promise<T> {
    if (!this.isRunning(instanceId, node)) {
      throw new Error(`the database process of ${instanceId} (${node.name}) is not running`);
    }
    return withConnection(connectSocket(this.layout(instanceId, node).socketPath, login), use);
  }

  async remove(instanceId: string, node: NodeRecord): Promise<void> {
    await this.stop(instanceId, node);
    await rm(this.layout(instanceId, node).dir, { recursive: true, force: true, maxRetries: 3 });
  }

  async removeInstanceDir(instanceId: string): Promise<void> {
    await rm(this.instanceDir(instanceId), { recursive: true, force: true, maxRetries: 3 });
  }

  endLeftover(instanceId: string, nodeName: string): Promise<LeftoverOutcome> {
    return endLeftoverServer(mariaDbLayout(join(this.instanceDir(instanceId), nodeName)));
  }

  private bin(): MariaDbBinaries {
    if (!this.opts.bin) throw new Error('no MariaDB server binaries were found');
    return this.opts.bin;
  }

  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    for (const proc of all) this.stopping.add(proc);
    await Promise.allSettled(all.map((proc) => proc.stop()));
    this.running.clear();
  }
}

function key(instanceId: string, node: NodeRecord): string {
  return `${instanceId}/${node.name}`;
}
