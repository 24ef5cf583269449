import type { LabOverview } from '@shared/models/lab';

export type LabTone = 'green' | 'yellow' | 'red' | 'gray';

/** The status bar's words and colour for the lab, from its overview. */
export function describeLab(overview: LabOverview): { tone: LabTone; label: string; detail?: string } {
  const { status, autoStart } = overview;
  switch (status.state) {
    case 'off':
    case 'stopped':
      return {
        tone: 'gray',
        label: 'Local lab off',
        detail: autoStart.started ? undefined : autoStart.reason,
      };
    case 'starting':
      return { tone: 'yellow', label: 'Local lab starting…' };
    case 'seeding':
      return { tone: 'yellow', label: 'Local lab: creating the course labs…', detail: status.endpoint };
    case 'failed':
      return { tone: 'red', label: 'Local lab failed', detail: status.message };
    case 'ready': {
      const missing = !status.rds.available || status.seed === 'failed';
      return { tone: missing ? 'yellow' : 'green', label: 'Local lab ready', detail: status.endpoint };
    }
  }
}

/** What is missing, with how to get it: shown beside the state. */
export function labWarnings(overview: LabOverview): string[] {
  const { status } = overview;
  const warnings: string[] = [];
  if (status.state === 'off' || status.state === 'stopped') return warnings;
  if (!status.rds.available && status.rds.reason) warnings.push(`RDS unavailable: ${status.rds.reason}`);
  if (status.dynamodb?.fallbackReason)
    warnings.push(`DynamoDB on dynalite (${status.dynamodb.fallbackReason})`);
  if (status.seed === 'failed' && status.message) warnings.push(status.message);
  return warnings;
}
