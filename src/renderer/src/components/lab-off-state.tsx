import { Button, Loader } from '@mantine/core';
import { useLabAction, useLabOverview } from '@renderer/api/use-lab';
import { ServerIcon } from '@renderer/components/toolbar-icons';
import { CenteredEmptyState } from './empty-state';

/** The lab profile with the lab not running: what it would give, and the button to start it. */
export function LabOffState() {
  const state = useLabOverview().data?.status.state;
  const start = useLabAction('lab.start');
  const starting = state === 'starting' || state === 'seeding' || start.isPending;
  return (
    <CenteredEmptyState
      data-testid="rds-lab-off"
      data-lab-state={state}
      icon={starting ? <Loader size="sm" /> : <ServerIcon size={26} />}
      title={
        starting
          ? 'The local lab is starting…'
          : state === 'failed'
            ? 'The local lab failed to start'
            : 'The local lab is off'
      }
      description={
        starting
          ? 'It starts MariaDB instances on this computer and creates myrdslab and its replica; the list appears when it is ready.'
          : 'Start it to explore RDS without an AWS account: real MariaDB instances behind an RDS-compatible API, on this computer.'
      }
      actions={
        !starting && (
          <Button size="xs" onClick={() => start.mutate()} data-testid="rds-start-lab">
            Start lab
          </Button>
        )
      }
    />
  );
}
