import { Select, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSecrets, type SecretSummary } from '@renderer/api/use-secrets';

/** The last part of an ARN (`rds!db-1234…`), which is what people recognise a secret by. */
function secretName(arn: string): string {
  return arn.startsWith('arn:') ? arn.split(':').slice(6).join(':') : arn;
}

function ownerText(secret: SecretSummary | undefined): string | undefined {
  return secret?.rdsOwner ? `Master secret of ${secret.rdsOwner.id}` : secret?.description;
}

interface SecretSelectProps {
  awsProfile: string;
  region: string;
  value: string;
  onChange: (arn: string) => void;
  onBlur: () => void;
  error: string | undefined;
}

/**
 * The secrets of one profile and region by name and owning instance; an ARN pasted into the search box
 * is offered as it is (a secret in another account, or one the profile may read but not list).
 */
export function SecretSelect({ awsProfile, region, value, onChange, onBlur, error }: SecretSelectProps) {
  const listing = useSecrets(awsProfile || null, region ? [region] : []);
  const [search, setSearch] = useState('');
  const byArn = useMemo(() => new Map(listing.secrets.map((s) => [s.arn, s])), [listing.secrets]);

  const data = listing.secrets.map((s) => ({ value: s.arn, label: s.name }));
  // A saved choice the listing does not show (yet) must still read as chosen.
  if (value && !byArn.has(value)) data.push({ value, label: secretName(value) });
  const pasted = search.trim();
  if (pasted.startsWith('arn:') && !data.some((d) => d.value === pasted))
    data.push({ value: pasted, label: pasted });

  const failure = listing.failures[0];
  return (
    <Select
      label="Secret"
      withAsterisk
      searchable
      allowDeselect={false}
      placeholder={listing.pending && awsProfile ? 'Loading secrets…' : 'Choose, or paste an ARN'}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      onSearchChange={setSearch}
      onBlur={onBlur}
      nothingFoundMessage={listing.pending ? 'Loading…' : 'No secret here; paste its ARN'}
      renderOption={({ option }) => (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {option.label}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {ownerText(byArn.get(option.value)) ?? (byArn.has(option.value) ? '' : 'Pasted ARN')}
          </Text>
        </div>
      )}
      description={ownerText(byArn.get(value))}
      // Below the input, so that it stays level with the region beside it.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error ?? (failure ? `Could not list secrets: ${failure.error.message}` : undefined)}
      style={{ flex: 1, minWidth: 0 }}
      comboboxProps={{ withinPortal: true }}
      data-testid="field-credentials-secretArn"
      errorProps={{ 'data-testid': 'error-credentials-secretArn' }}
    />
  );
}
