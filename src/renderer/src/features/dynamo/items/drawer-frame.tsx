import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CloseIcon } from '@renderer/components/toolbar-icons';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import classes from './item-editor.module.css';

interface DrawerFrameProps {
  title: string;
  /** Beside the title: a badge (edited, new…). */
  aside?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  state: string;
}

/** The item drawer's frame: a heading with a close button, the body, and a footer of actions. */
export function DrawerFrame({ title, aside, onClose, children, footer, state }: DrawerFrameProps) {
  return (
    <div className={classes.frame} data-testid="dynamo-item-editor" data-state={state}>
      <div className={classes.header}>
        <Text size="sm" fw={600} className={classes.title} title={title} data-testid="dynamo-item-title">
          {title}
        </Text>
        {aside}
        <ToolbarIconButton
          tooltip="Close (an unsaved edit is kept for next time)"
          aria-label="Close the item editor"
          onClick={onClose}
          data-testid="dynamo-item-close"
          icon={<CloseIcon size={14} />}
        />
      </div>
      <div className={classes.body}>{children}</div>
      <div className={classes.footer}>{footer}</div>
    </div>
  );
}
