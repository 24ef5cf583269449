import { Badge } from '@mantine/core';
import type { AwsProfile, AwsProfileKind } from '@shared/models/aws';

const KINDS: Record<AwsProfileKind, { label: string; color: string }> = {
  lab: { label: 'lab', color: 'teal' },
  env: { label: 'env', color: 'blue' },
  'assume-role': { label: 'assume-role', color: 'grape' },
  static: { label: 'static', color: 'gray' },
  'web-identity': { label: 'web identity', color: 'indigo' },
  process: { label: 'process', color: 'cyan' },
  sso: { label: 'SSO', color: 'violet' },
  login: { label: 'console login', color: 'violet' },
  none: { label: 'no credentials', color: 'red' },
};

/** How a profile gets its credentials, as a small tag ("SSO", "assume-role", "static · temporary"). */
export function ProfileKindBadge({ profile }: { profile: Pick<AwsProfile, 'kind' | 'temporary'> }) {
  const kind = KINDS[profile.kind];
  return (
    <Badge
      size="xs"
      variant="light"
      color={kind.color}
      tt="none"
      fw={500}
      style={{ flex: 'none' }}
      data-testid="aws-profile-kind"
      data-kind={profile.kind}
    >
      {profile.temporary ? `${kind.label} · temporary` : kind.label}
    </Badge>
  );
}
