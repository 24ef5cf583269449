import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The small capitals heading of a sidebar section ("Connections", "AWS"). */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
      {children}
    </Text>
  );
}
