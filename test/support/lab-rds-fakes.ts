import { randomUUID } from 'node:crypto';
import type { ManagedSecrets } from '../../src/lab/secrets/managed-secrets';

/** Secrets Manager's part for ManageMasterUserPassword, in memory (the real one is tested on its own). */
export class MemorySecrets implements ManagedSecrets {
  readonly passwords = new Map<string, string>();

  constructor(private readonly region: string) {}

  async createRdsMasterSecret(input: { instanceId: string; password: string }): Promise<{ arn: string }> {
    const arn = `arn:aws:secretsmanager:${this.region}:000000000000:secret:rds!db-${randomUUID()}`;
    this.passwords.set(arn, input.password);
    return { arn };
  }

  async currentPassword(arn: string): Promise<string> {
    const password = this.passwords.get(arn);
    if (password === undefined) throw new Error(`no secret ${arn}`);
    return password;
  }

  async deleteSecret(arn: string): Promise<void> {
    this.passwords.delete(arn);
  }
}
