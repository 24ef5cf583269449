import { Divider, Stack } from '@mantine/core';
import { AwsSection } from '@renderer/features/aws/aws-section';
import { ConnectionsSidebar } from '@renderer/features/profiles/connections-sidebar';

/** Stored connections above (they scroll), the AWS profile and regions below (always in view). */
export function Sidebar() {
  return (
    <Stack gap={0} h="100%">
      <div style={{ flex: 1, minHeight: 0 }}>
        <ConnectionsSidebar />
      </div>
      <Divider />
      <AwsSection />
    </Stack>
  );
}
