import { Stack } from '@mantine/core';
import type { AwsPartError } from '@shared/models/aws';
import { ApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';

export interface RegionFailure {
  region: string;
  error: AwsPartError;
}

function asApiError(error: AwsPartError): ApiError {
  return new ApiError({
    name: 'AwsError',
    code: error.code,
    message: error.message,
    ...(error.awsCode ? { details: { awsCode: error.awsCode } } : {}),
  });
}

/** One banner per region that could not be listed; the other regions' instances show below. */
export function RegionErrors({ failures }: { failures: RegionFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <Stack gap={4} p={6} style={{ flex: 'none' }}>
      {failures.map(({ region, error }) => (
        <div key={region} data-region={region}>
          <AwsErrorAlert
            error={asApiError(error)}
            compact
            title={`${region} could not be listed`}
            testId="region-error"
          />
        </div>
      ))}
    </Stack>
  );
}
