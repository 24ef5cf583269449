import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import type { LabInstanceSummary, LabOverview, LabStatus } from '../../shared/models/lab';
import type { Lab, LabOptions } from '../../lab/lab';
import { awsClientConfig, type LabTarget } from '../aws/client-config';
import type { EventHub } from '../events';
import { createLogger } from '../../node/logger';

const log = createLogger('lab');

export interface LabServiceOptions {
  dataDir: string;
  port: number;
  startLab: (opts: LabOptions) => Promise<Lab>;
  events: Pick<EventHub, 'emit'>;
}

const OFF: LabStatus = { state: 'off', region: 'us-east-1', rds: { available: false }, seed: 'pending' };

/** The embedded lab inside the app: started on demand or at launch, its state pushed to the renderer. */
export class LabService {
  private lab: Lab | undefined;
  private starting: Promise<void> | undefined;
  private current: LabStatus = OFF;
  private autoStart = { started: false, reason: 'not decided yet' };

  constructor(private readonly opts: LabServiceOptions) {}

  /** Called once at launch with the reason, so the UI can tell why the lab is (not) running. */
  decideAutoStart(start: boolean, reason: string): void {
    this.autoStart = { started: start, reason };
    if (start)
      void this.start().catch((err: unknown) => log.warn('lab did not start', { error: String(err) }));
  }

  /** Where the lab's AWS endpoint answers, while it runs: the "Local lab" AWS profile. */
  awsTarget(): LabTarget | undefined {
    if (!this.lab) return undefined;
    const { endpoint, region, credentials } = this.lab;
    return { kind: 'lab', endpoint, region, credentials };
  }

  async overview(): Promise<LabOverview> {
    return { status: this.current, instances: await this.instances(), autoStart: this.autoStart };
  }

  start(): Promise<void> {
    if (this.lab) return Promise.resolve();
    this.starting ??= this.opts
      .startLab({ dataDir: this.opts.dataDir, port: this.opts.port, onStatus: (s) => this.publish(s) })
      .then((lab) => {
        this.lab = lab;
      })
      .finally(() => {
        this.starting = undefined;
      });
    return this.starting;
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const lab = this.lab;
    this.lab = undefined;
    await lab?.stop();
    this.publish(OFF);
  }

  private publish(status: LabStatus): void {
    this.current = status;
    this.opts.events.emit('lab.status', status);
  }

  // Read through the SDK and the same client configuration real AWS profiles use.
  private async instances(): Promise<LabInstanceSummary[]> {
    if (!this.lab || !this.current.rds.available) return [];
    const { endpoint, region, credentials } = this.lab;
    const rds = new RDSClient(awsClientConfig({ kind: 'lab', endpoint, region, credentials }));
    try {
      const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({}));
      return DBInstances.map((db) => ({
        id: db.DBInstanceIdentifier ?? '?',
        status: db.DBInstanceStatus ?? 'unknown',
        engine: db.Engine ?? 'unknown',
        port: db.Endpoint?.Port,
        role: db.ReadReplicaSourceDBInstanceIdentifier
          ? 'replica'
          : db.ReadReplicaDBInstanceIdentifiers?.length
            ? 'primary'
            : 'standalone',
      }));
    } catch (err) {
      log.warn('could not list lab instances', { error: String(err) });
      return [];
    } finally {
      rds.destroy();
    }
  }
}
