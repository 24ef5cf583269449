/** Faults on demand, for tests and for learning; each is observable from outside with the real SDK. */
export interface RdsFaults {
  /** Stops the instance's process cleanly (as a crash the lab did not ask for: status stays). */
  stopProcess(instanceId: string): Promise<void>;
  /** SIGKILLs the instance's process. */
  killProcess(instanceId: string): Promise<void>;
  /** Writes a conflicting row on the replica so its SQL thread stops with an error. */
  breakReplication(replicaId: string): Promise<void>;
  /** Undoes `breakReplication`: removes the conflicting row on the replica and restarts its SQL thread. */
  repairReplication(replicaId: string): Promise<void>;
  /** MASTER_DELAY on the replica, in seconds (0 clears it). */
  setReplicaDelay(replicaId: string, seconds: number): Promise<void>;
}

export interface DynamoFaults {
  /** Share of DynamoDB calls (0..1) answered with ProvisionedThroughputExceededException. */
  setThrottle(share: number): void;
}

export interface SecretFaults {
  /** Rotates a secret now (for RDS master secrets: the real password changes). */
  rotateNow(secretId: string): Promise<void>;
}
