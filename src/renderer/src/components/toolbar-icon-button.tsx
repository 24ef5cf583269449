import { ActionIcon, Tooltip, type ActionIconProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

type ButtonProps = ActionIconProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ActionIconProps | 'children'> & { 'data-testid'?: string };

interface ToolbarIconButtonProps extends ButtonProps {
  /** Said on hover; also the button's accessible name unless `aria-label` says it more fully. */
  tooltip: string;
  icon: ReactNode;
  openDelay?: number;
  withArrow?: boolean;
}

/** The icon-only button of toolbars and headers (refresh, add, close…): quiet until hovered, its tooltip after a pause. */
export function ToolbarIconButton({
  tooltip,
  icon,
  openDelay = 400,
  withArrow,
  ...button
}: ToolbarIconButtonProps) {
  return (
    <Tooltip label={tooltip} openDelay={openDelay} withArrow={withArrow}>
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={tooltip} {...button}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}
