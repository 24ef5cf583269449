/**
 * What the RDS emulation needs of Secrets Manager for `ManageMasterUserPassword`: the `rds!db-…`
 * secret holding `{"username","password"}`, as RDS creates it.
 */
export interface ManagedSecrets {
  createRdsMasterSecret(input: {
    instanceId: string;
    instanceArn: string;
    username: string;
    password: string;
  }): Promise<{ arn: string }>;
  /** The AWSCURRENT value's password. */
  currentPassword(arn: string): Promise<string>;
  deleteSecret(arn: string): Promise<void>;
}

/** Provided by the RDS emulation: changes an instance's real master password (for RotateSecret). */
export type MasterPasswordSetter = (instanceId: string, newPassword: string) => Promise<void>;
