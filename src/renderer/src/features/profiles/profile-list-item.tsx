import { ActionIcon, Badge, Menu, Text, UnstyledButton } from '@mantine/core';
import type { ConnectionProfile } from '@shared/models/profile';
import { ColorDot } from '@renderer/components/color-dot';
import { DotsIcon, EditIcon, TrashIcon } from '@renderer/components/icons';
import { GraphIcon } from '@renderer/components/toolbar-icons';
import classes from './profile-list-item.module.css';

interface ProfileListItemProps {
  profile: ConnectionProfile;
  active: boolean;
  onOpen: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** Opens the replication monitor on this connection. */
  onReplication?: () => void;
}

/** One stored connection. The open button and the menu button sit side by side, never nested. */
export function ProfileListItem({
  profile,
  active,
  onOpen,
  onEdit,
  onDelete,
  onReplication,
}: ProfileListItemProps) {
  return (
    <div
      className={classes.item}
      data-active={active || undefined}
      data-testid="profile-item"
      data-profile-id={profile.id}
    >
      <UnstyledButton className={classes.main} onClick={onOpen} title={`Open a SQL tab on ${profile.name}`}>
        <span className={classes.title}>
          <ColorDot color={profile.color} />
          <Text span size="md" fw={500} truncate data-testid="profile-name">
            {profile.name}
          </Text>
          {profile.readOnly && (
            <Badge size="xs" variant="light" color="gray" radius="sm" className={classes.badge}>
              read-only
            </Badge>
          )}
          {/* Where the password comes from, when it is not a saved one: the user should not have to guess. */}
          {profile.credentials?.source === 'secret' && (
            <Badge
              size="xs"
              variant="light"
              color="grape"
              radius="sm"
              className={classes.badge}
              title={profile.credentials.secretArn}
            >
              secret
            </Badge>
          )}
          {profile.credentials?.source === 'iam' && (
            <Badge size="xs" variant="light" color="indigo" radius="sm" className={classes.badge}>
              IAM
            </Badge>
          )}
        </span>
        <Text span size="xs" c="dimmed" truncate ff="monospace" className={classes.address}>
          {profile.user}@{profile.host}:{profile.port}
        </Text>
      </UnstyledButton>
      <Menu position="bottom-end" withinPortal shadow="md" width={160}>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            className={classes.menuButton}
            aria-label={`Actions for ${profile.name}`}
            data-testid="profile-menu"
          >
            <DotsIcon size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<EditIcon size={14} />} onClick={onEdit} data-testid="profile-edit">
            Edit…
          </Menu.Item>
          {onReplication && (
            <Menu.Item
              leftSection={<GraphIcon size={14} />}
              onClick={onReplication}
              data-testid="profile-replication"
            >
              Replication
            </Menu.Item>
          )}
          <Menu.Item
            color="red"
            leftSection={<TrashIcon size={14} />}
            onClick={onDelete}
            data-testid="profile-delete"
          >
            Delete…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}
