import type { RdsResourceRef } from '../../shared/models/aws';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** `db:mydb` → type `db`, id `mydb`; `secret:name-AbCdEf` → type `secret`. */
  resourceType: string;
  resourceId: string;
}

/** Splits an ARN; RDS resources are `type:id`, others may be `type/id`. Undefined for anything else. */
export function parseArn(value: string): Arn | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  const sep = resource.search(/[:/]/);
  const resourceType = sep < 0 ? '' : resource.slice(0, sep);
  const resourceId = sep < 0 ? resource : resource.slice(sep + 1);
  return { partition, service, region, account, resourceType, resourceId };
}

/**
 * An RDS instance named by an identifier or an ARN. RDS uses plain identifiers within a region and
 * ARNs across regions (a cross-region replica's source, a primary's replicas elsewhere).
 */
export function rdsRef(idOrArn: string, defaultRegion: string): RdsResourceRef {
  const arn = parseArn(idOrArn);
  if (!arn || arn.service !== 'rds') return { id: idOrArn, region: defaultRegion };
  return { id: arn.resourceId, region: arn.region || defaultRegion, arn: idOrArn };
}
