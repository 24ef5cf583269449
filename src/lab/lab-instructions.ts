import type { LabCredentials } from './lab-credentials';
import type { LabStatus } from '../shared/models/lab';
import { COURSE_INSTANCE, COURSE_TABLE } from './seed/course-data';

/** What `npm run lab` prints once ready: the endpoint, credentials and the course labs' commands. */
export function labInstructions(
  status: LabStatus,
  credentials: LabCredentials,
  masterSecretArn?: string,
  instancePort?: number,
): string {
  const url = status.endpoint ?? '';
  const aws = `aws --endpoint-url ${url}`;
  const lines = [
    `Local lab ready: ${url} (region ${status.region})`,
    '',
    `Credentials (only this key is accepted; kept in ${status.credentials?.file ?? 'the lab data dir'}):`,
    `  export AWS_ACCESS_KEY_ID=${credentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey} AWS_DEFAULT_REGION=${status.region}`,
    '  or, as an AWS CLI profile:',
    `  aws configure set aws_access_key_id ${credentials.accessKeyId} --profile lab`,
    `  aws configure set aws_secret_access_key ${credentials.secretAccessKey} --profile lab`,
    `  aws configure set region ${status.region} --profile lab`,
    '',
  ];
  if (status.rds.available) {
    lines.push(
      'RDS (course labs 1 and 2):',
      `  ${aws} rds describe-db-instances --query 'DBInstances[].[DBInstanceIdentifier,DBInstanceStatus,Endpoint.Port]'`,
    );
    if (masterSecretArn) {
      lines.push(
        `  ${aws} secretsmanager get-secret-value --secret-id '${masterSecretArn}' --query SecretString`,
      );
    }
    if (instancePort) {
      lines.push(
        `  mariadb -h 127.0.0.1 -P ${instancePort} -u ${COURSE_INSTANCE.masterUsername} -p demo   # password: from the secret above`,
      );
    }
    lines.push(
      `  ${aws} rds create-db-instance-read-replica --db-instance-identifier my-replica --source-db-instance-identifier ${COURSE_INSTANCE.id}`,
    );
  } else {
    lines.push(`RDS is not available: ${status.rds.reason ?? 'unknown reason'}`);
  }
  lines.push(
    '',
    'DynamoDB (course lab 3):',
    `  ${aws} dynamodb scan --table-name ${COURSE_TABLE}`,
    `  ${aws} dynamodb get-item --table-name ${COURSE_TABLE} --key '{"UserID": {"S": "1001"}}'`,
  );
  if (status.dynamodb?.fallbackReason)
    lines.push(`  (backend: dynalite, because ${status.dynamodb.fallbackReason})`);
  if (status.message) lines.push('', status.message);
  lines.push('', 'Faults: npm run lab -- fault KIND ... (see npm run lab -- --help). Stop with Ctrl+C.');
  return lines.join('\n');
}
