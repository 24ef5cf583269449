import { copyDatabases, loadFile } from '../../engine/dump';
import type { MariaDbClientTools } from '../../engine/mariadb-binaries';
import { startReplica } from '../../engine/replication';
import type { NodeRecord } from '../model';
import {
  finishLoad,
  IMPORT_USER,
  LAB_REPL,
  prepareForLoad,
  secureFreshServer,
  TEMPLATE_ROOT,
  type FreshServerSetup,
} from './accounts';
import type { NodeRuntime, NodeStartOptions } from './node-runtime';

export interface NodeRef {
  instanceId: string;
  node: NodeRecord;
}

export interface ProvisionOptions {
  nodes: NodeRuntime;
  /** Undefined when the client tools were not found: copies fail (actions check this first). */
  tools: MariaDbClientTools | undefined;
  replPassword: string;
  replicationTimeoutMs: number;
}

/** How new nodes come to life: fresh from the template, or as a copy of another node's data. */
export class Provisioner {
  constructor(private readonly opts: ProvisionOptions) {}

  /** A new instance's first server: template data, lab accounts, master user, database. */
  async fresh(target: NodeRef, start: NodeStartOptions, setup: FreshServerSetup): Promise<void> {
    const { nodes } = this.opts;
    await nodes.initData(target.instanceId, target.node);
    await nodes.start(target.instanceId, target.node, { ...start, fresh: true });
    await nodes.withLogin(target.instanceId, target.node, TEMPLATE_ROOT, (c) => secureFreshServer(c, setup));
  }

  /**
   * A consistent copy of `from` (one mariadb-dump transaction at one GTID position), then GTID
   * replication from `replicateFromPort` on 127.0.0.1: the source's endpoint for a read replica, the
   * primary's own port for a Multi-AZ standby. Read-only from its first moment.
   */
  async replicaOf(
    target: NodeRef,
    from: NodeRef,
    replicateFromPort: number,
    start: NodeStartOptions,
  ): Promise<void> {
    const { nodes } = this.opts;
    await this.blank(target, { ...start, readOnly: true });
    await copyDatabases(this.tools(), this.endpoint(from), this.loader(target), { withGtidPosition: true });
    await nodes.withAdmin(target.instanceId, target.node, async (connection) => {
      await finishLoad(connection);
      await startReplica(
        connection,
        { host: '127.0.0.1', port: replicateFromPort, user: LAB_REPL, password: this.opts.replPassword },
        this.opts.replicationTimeoutMs,
      );
    });
  }

  /** A new instance loaded from a snapshot's dump file. */
  async fromDump(target: NodeRef, dumpFile: string, start: NodeStartOptions): Promise<void> {
    const { nodes } = this.opts;
    await this.blank(target, start);
    await loadFile(this.tools(), this.loader(target), dumpFile);
    await nodes.withAdmin(target.instanceId, target.node, finishLoad);
  }

  private tools(): MariaDbClientTools {
    if (!this.opts.tools) throw new Error('mariadb-dump and the mariadb client were not found');
    return this.opts.tools;
  }

  private async blank(target: NodeRef, start: NodeStartOptions): Promise<void> {
    const { nodes } = this.opts;
    await nodes.initData(target.instanceId, target.node);
    await nodes.start(target.instanceId, target.node, { ...start, fresh: true });
    await nodes.withLogin(target.instanceId, target.node, TEMPLATE_ROOT, prepareForLoad);
  }

  private endpoint(ref: NodeRef): { socketPath: string; login: { user: string; password?: string } } {
    return {
      socketPath: this.opts.nodes.layout(ref.instanceId, ref.node).socketPath,
      login: this.opts.nodes.adminLogin,
    };
  }

  private loader(ref: NodeRef): { socketPath: string; login: { user: string } } {
    return {
      socketPath: this.opts.nodes.layout(ref.instanceId, ref.node).socketPath,
      login: { user: IMPORT_USER },
    };
  }
}
