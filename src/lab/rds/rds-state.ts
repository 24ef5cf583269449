import type { EventRecord, EventSourceType, InstanceRecord, RdsStateFile, SnapshotRecord } from './model';
import { instanceNotFound, snapshotNotFound } from './errors';
import { saveStateFile } from './state-file';

// Enough for DescribeEvents' 14 days of a busy lab without the file growing without bound.
const MAX_EVENTS = 2000;

export const ACCOUNT_ID = '000000000000';

/**
 * The RDS emulation's records in memory, written through to the state file. Records are mutated in
 * place by actions and background work, then `save()` writes them; saves are serialised so two
 * quick changes never interleave their writes.
 */
export class RdsState {
  readonly instances = new Map<string, InstanceRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  private events: EventRecord[];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly data: RdsStateFile,
    readonly region: string,
    private readonly now: () => Date,
  ) {
    for (const instance of data.instances) this.instances.set(instance.id, instance);
    for (const snapshot of data.snapshots) this.snapshots.set(snapshot.id, snapshot);
    this.events = data.events;
  }

  get adminPassword(): string {
    return this.data.adminPassword;
  }

  get replPassword(): string {
    return this.data.replPassword;
  }

  /** Server ids are unique across the lab, so any two instances can be put in a replication topology. */
  nextServerId(): number {
    return this.data.nextServerId++;
  }

  instance(id: string): InstanceRecord {
    const found = this.instances.get(id);
    if (!found) throw instanceNotFound(id);
    return found;
  }

  snapshot(id: string): SnapshotRecord {
    const found = this.snapshots.get(id);
    if (!found) throw snapshotNotFound(id);
    return found;
  }

  replicasOf(id: string): InstanceRecord[] {
    return [...this.instances.values()].filter((instance) => instance.sourceId === id);
  }

  instanceArn(id: string): string {
    return `arn:aws:rds:${this.region}:${ACCOUNT_ID}:db:${id}`;
  }

  snapshotArn(id: string): string {
    return `arn:aws:rds:${this.region}:${ACCOUNT_ID}:snapshot:${id}`;
  }

  recordEvent(sourceType: EventSourceType, sourceId: string, message: string, categories: string[]): void {
    const sourceArn = sourceType === 'db-instance' ? this.instanceArn(sourceId) : this.snapshotArn(sourceId);
    this.events.push({
      sourceId,
      sourceType,
      message,
      categories,
      date: this.now().toISOString(),
      sourceArn,
    });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  allEvents(): readonly EventRecord[] {
    return this.events;
  }

  save(): Promise<void> {
    const write = this.queue.then(() =>
      saveStateFile(this.file, {
        ...this.data,
        instances: [...this.instances.values()],
        snapshots: [...this.snapshots.values()],
        events: this.events,
      }),
    );
    // The next save waits for this one whether it worked or not; the caller sees this one's outcome.
    this.queue = write.catch(() => undefined);
    return write;
  }
}
