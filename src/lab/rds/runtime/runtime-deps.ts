import type { MariaDbClientTools } from '../../engine/mariadb-binaries';
import type { RdsState } from '../rds-state';
import type { Endpoints } from './endpoints';
import type { NodeRuntime } from './node-runtime';
import type { Provisioner } from './provision';

/** What the real workflows share: records, processes, endpoints and the copy tools. */
export interface RuntimeDeps {
  state: RdsState;
  nodes: NodeRuntime;
  endpoints: Endpoints;
  provisioner: Provisioner;
  tools: MariaDbClientTools | undefined;
  snapshotsDir: string;
  replicationTimeoutMs: number;
}
