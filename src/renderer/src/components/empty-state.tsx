import { Center, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface CenteredEmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons under the text: the way out of the empty state. */
  actions?: ReactNode;
  /** Longer descriptions read better a little wider. */
  maw?: number;
  /** No circle behind the icon: for the lighter "nothing matches" kind of state. */
  plain?: boolean;
  'data-testid'?: string;
  [data: `data-${string}`]: string | undefined;
}

/** Nothing to show yet, centred in the space it fills: an icon, what is missing, and what to do. */
export function CenteredEmptyState({
  icon,
  title,
  description,
  actions,
  maw = 420,
  plain = false,
  ...data
}: CenteredEmptyStateProps) {
  return (
    <Center h="100%" p="xl">
      <EmptyState
        icon={icon}
        withIndicatorBackground={!plain}
        size="sm"
        maw={maw}
        title={title}
        description={description}
        {...data}
      >
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Center>
  );
}
