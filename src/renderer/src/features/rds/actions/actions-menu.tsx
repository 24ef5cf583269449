import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import { DotsIcon, PlayIcon, TrashIcon } from '@renderer/components/icons';
import { ACTION_TEXT, canConnect, menuActions, unavailableReason, type RdsActionKind } from './action-kinds';

interface ActionsMenuProps {
  instance: RdsInstance;
  onAction: (kind: RdsActionKind, instance: RdsInstance) => void;
  onConnect: (instance: RdsInstance) => void;
  /** The button: the row's "…" or the detail panel's "Actions". */
  target?: React.ReactElement;
}

function Item({
  kind,
  instance,
  onAction,
}: { kind: RdsActionKind } & Pick<ActionsMenuProps, 'instance' | 'onAction'>) {
  const reason = unavailableReason(kind, instance);
  const item = (
    <Menu.Item
      color={kind === 'delete' ? 'red' : undefined}
      leftSection={kind === 'delete' ? <TrashIcon size={14} /> : undefined}
      disabled={reason !== null}
      onClick={() => onAction(kind, instance)}
      data-testid={`rds-action-${kind}`}
    >
      {ACTION_TEXT[kind].menu}
    </Menu.Item>
  );
  // A disabled item says why on hover, instead of just being grey.
  return reason ? (
    <Tooltip label={reason} position="left" openDelay={200} withinPortal>
      <div>{item}</div>
    </Tooltip>
  ) : (
    item
  );
}

/** The instance's actions; each opens its confirmation dialog, none runs from the menu itself. */
export function ActionsMenu({ instance, onAction, onConnect, target }: ActionsMenuProps) {
  const actions = menuActions(instance);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={220}>
      <Menu.Target>
        {target ?? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`Actions for ${instance.id}`}
            onClick={(e) => e.stopPropagation()}
            data-testid="rds-row-menu"
          >
            <DotsIcon size={14} />
          </ActionIcon>
        )}
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        <Menu.Item
          leftSection={<PlayIcon size={12} />}
          disabled={!canConnect(instance)}
          onClick={() => onConnect(instance)}
          data-testid="rds-action-connect"
        >
          Connect
        </Menu.Item>
        <Menu.Divider />
        {actions.slice(0, -1).map((kind) => (
          <Item key={kind} kind={kind} instance={instance} onAction={onAction} />
        ))}
        <Menu.Divider />
        <Item kind="delete" instance={instance} onAction={onAction} />
      </Menu.Dropdown>
    </Menu>
  );
}
