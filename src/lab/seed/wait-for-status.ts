import { DescribeDBInstancesCommand, type RDSClient } from '@aws-sdk/client-rds';

/** Polls DescribeDBInstances until the instance reaches `status`; fails on `failed` or the deadline. */
export async function waitForInstanceStatus(
  rds: Pick<RDSClient, 'send'>,
  id: string,
  status: string,
  { timeoutMs = 180_000, intervalMs = 250 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { DBInstances } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    const current = DBInstances?.[0]?.DBInstanceStatus;
    if (current === status) return;
    if (current === 'failed') throw new Error(`Instance ${id} failed while waiting for ${status}`);
    if (Date.now() > deadline)
      throw new Error(`Instance ${id} is still ${current} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
