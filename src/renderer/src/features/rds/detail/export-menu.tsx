import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import type { RdsInstance } from '@shared/models/rds';
import { ChevronDownIcon } from '@renderer/components/toolbar-icons';
import { CodeModal } from '@renderer/components/code-modal';
import { instanceCliCommand } from './instance-cli';
import { instanceCloudFormation } from './instance-cloudformation';

type Shown = { title: string; note: string; code: string } | null;

async function copied(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard (permission refused, insecure origin): the dialog still shows the text.
    return false;
  }
}

/** "Copy as AWS CLI" and "View as CloudFormation": the instance's settings as code, no secrets. */
export function ExportMenu({ instance }: { instance: RdsInstance }) {
  const [shown, setShown] = useState<Shown>(null);

  async function copyCli(): Promise<void> {
    const code = instanceCliCommand(instance);
    const ok = await copied(code);
    setShown({
      title: 'AWS CLI',
      note: `${ok ? 'Copied to the clipboard. ' : ''}Makes an instance with the settings of ${instance.id}. No password is included.`,
      code,
    });
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            rightSection={<ChevronDownIcon size={12} />}
            data-testid="detail-export"
          >
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void copyCli()} data-testid="copy-cli">
            Copy as AWS CLI
          </Menu.Item>
          <Menu.Item
            onClick={() =>
              setShown({
                title: 'CloudFormation',
                note: 'An AWS::RDS::DBInstance resource with the settings of this instance. No secrets: the password is managed by RDS or passed as a NoEcho parameter.',
                code: instanceCloudFormation(instance),
              })
            }
            data-testid="view-cloudformation"
          >
            View as CloudFormation
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CodeModal
        title={shown?.title ?? ''}
        note={shown?.note ?? ''}
        code={shown?.code ?? null}
        onClose={() => setShown(null)}
      />
    </>
  );
}
