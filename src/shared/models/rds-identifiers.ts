import { z } from 'zod';

// RDS's naming rule for instance and snapshot identifiers: a letter first, then ASCII letters, digits
// and hyphens, never a hyphen at the end or two in a row. Checked here so a typo is reported at the
// form (and by the main process) before any AWS call; RDS stores identifiers in lowercase.
const IDENTIFIER = /^[A-Za-z](?!.*--)(?!.*-$)[A-Za-z0-9-]*$/;
const RULE =
  'must begin with a letter, contain only ASCII letters, digits and hyphens, and not end with a hyphen or contain two consecutive hyphens';

function identifierSchema(what: string, max: number): z.ZodString {
  return z
    .string()
    .min(1, `The ${what} is required`)
    .max(max, `The ${what} is at most ${max} characters`)
    .regex(IDENTIFIER, `The ${what} ${RULE}`);
}

/** A DB instance identifier: 1 to 63 characters. */
export const rdsInstanceIdSchema = identifierSchema('DB instance identifier', 63);

/** A DB snapshot identifier: the same rule, up to 255 characters as RDS allows for snapshots. */
export const rdsSnapshotIdSchema = identifierSchema('DB snapshot identifier', 255);

/** `db.<family>.<size>`, e.g. `db.t3.micro`, `db.r6g.2xlarge`. */
export const rdsInstanceClassSchema = z
  .string()
  .regex(/^db\.[a-z0-9-]+\.[a-z0-9-]+$/, 'Not a DB instance class (like db.t3.micro)');

/** A zone of a region (`eu-west-1b`) or a Local Zone (`us-east-1-bos-1a`). */
export const availabilityZoneSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z0-9]+)+[a-z]$/, 'Not an availability zone (like us-east-1a)');
