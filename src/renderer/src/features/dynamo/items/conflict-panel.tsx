import { Alert, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { AlertIcon } from '@renderer/components/icons';
import type { ConflictView } from './conflict-model';
import { valueText } from './editor-model';
import classes from './item-editor.module.css';

interface ConflictPanelProps {
  view: ConflictView;
  /** The editor was creating an item: the conflict is an item already there. */
  creating: boolean;
}

/** A refused conditional write: the item as stored now beside the editor's version. */
export function ConflictPanel({ view, creating }: ConflictPanelProps) {
  const title = view.theirsDeleted
    ? 'The item was deleted meanwhile'
    : creating
      ? 'An item with this key already exists'
      : 'The item changed since you loaded it';
  const detail = view.theirsDeleted
    ? 'Someone removed it after you opened it. Nothing was written.'
    : `Nothing was written. ${
        view.clashes.length
          ? `Both of you changed ${view.clashes.map((c) => `“${c}”`).join(', ')}.`
          : 'Your changes and theirs touch different attributes.'
      }`;
  return (
    <div
      className={classes.frame}
      data-testid="dynamo-conflict"
      data-deleted={view.theirsDeleted || undefined}
    >
      <Alert
        color="orange"
        variant="light"
        radius={0}
        p="xs"
        icon={<AlertIcon size={16} />}
        title={
          <Text size="sm" fw={600} span>
            {title}
          </Text>
        }
      >
        <Text size="xs">{detail}</Text>
      </Alert>
      <div className={classes.scroll}>
        <table className={classes.conflictTable}>
          <colgroup>
            <col style={{ width: '26%' }} />
            <col style={{ width: '37%' }} />
            <col style={{ width: '37%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>Attribute</th>
              <th>Stored now</th>
              <th>Yours</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr
                key={row.name}
                data-testid="dynamo-conflict-row"
                data-attribute={row.name}
                data-change={row.change}
                data-clash={view.clashes.includes(row.name) || undefined}
              >
                <td>
                  <Stack gap={2}>
                    <Text size="xs" fw={500} className={classes.mono}>
                      {row.name}
                    </Text>
                    {view.clashes.includes(row.name) && (
                      <Text size="xs" c="red" fw={500} lh={1.2}>
                        both changed
                      </Text>
                    )}
                  </Stack>
                </td>
                <td
                  data-changed={(row.change !== 'same' && row.changedByThem) || undefined}
                  data-side="theirs"
                >
                  <Cell text={valueText(row.before)} />
                </td>
                <td data-changed={(row.change !== 'same' && row.changedByMe) || undefined} data-side="mine">
                  <Cell text={valueText(row.after)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface ConflictActionsProps {
  view: ConflictView;
  busy: boolean;
  onKeepEditing: () => void;
  onOverwrite: () => void;
  onReload: () => void;
}

/** The way on from a conflict, in the drawer's footer: nothing is written without a deliberate click. */
export function ConflictActions({ view, busy, onKeepEditing, onOverwrite, onReload }: ConflictActionsProps) {
  const gone = view.theirsDeleted;
  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip
        label="Back to your text; the next save is checked against what is stored now"
        multiline
        w={240}
        openDelay={600}
      >
        <Button size="xs" variant="default" onClick={onKeepEditing} data-testid="dynamo-conflict-keep">
          Keep editing
        </Button>
      </Tooltip>
      <Tooltip
        label={gone ? 'Write your version as a new item' : 'Replace what is stored now with your version'}
        openDelay={600}
      >
        <Button
          size="xs"
          color="orange"
          loading={busy}
          onClick={onOverwrite}
          data-testid="dynamo-conflict-overwrite"
        >
          {gone ? 'Write mine' : 'Overwrite'}
        </Button>
      </Tooltip>
      <Tooltip
        label={gone ? 'Drop your edit and close' : 'Drop your edit and load what is stored now'}
        openDelay={600}
      >
        <Button size="xs" variant="subtle" onClick={onReload} data-testid="dynamo-conflict-reload">
          {gone ? 'Discard mine' : 'Reload'}
        </Button>
      </Tooltip>
    </Group>
  );
}

function Cell({ text }: { text: string }) {
  return text === '' ? (
    <Text size="xs" className={classes.absent}>
      absent
    </Text>
  ) : (
    <Text size="xs" className={classes.mono}>
      {text}
    </Text>
  );
}
