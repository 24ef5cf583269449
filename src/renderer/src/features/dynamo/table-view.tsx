import { Center, Loader, Tabs } from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { TableDetails } from './details/table-details';
import { ExplorePanel } from './explore/explore-panel';
import { PartiqlPanel } from './partiql/partiql-panel';
import { StreamPanel } from './stream/stream-panel';
import { TableHeader } from './table-header';
import { DeleteTableDialog } from './tables/delete-table-dialog';
import { useDynamoEndpoint, useTableDetail } from './use-dynamo';

interface TableViewProps {
  profile: string;
  region: string;
  table: string;
  onDeleted: () => void;
}

/** One table: its header, and the Items (explorer), PartiQL, Stream and Details sub-tabs. */
export function TableView({ profile, region, table, onDeleted }: TableViewProps) {
  const detail = useTableDetail(profile, region, table);
  const endpoint = useDynamoEndpoint(profile, region);
  const [tab, setTab] = useState<string>('items');
  // PartiQL (Monaco) and the stream tail mount on first visit and then stay, keeping text and tail.
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(['items']));
  const show = (value: string) => {
    setTab(value);
    if (!visited.has(value)) setVisited(new Set([...visited, value]));
  };
  const [deleting, setDeleting] = useState(false);

  if (detail.isPending)
    return (
      <Center h="100%" data-testid="dynamo-table-loading">
        <Loader size="sm" />
      </Center>
    );
  if (!detail.data)
    return (
      <div style={{ padding: 12 }}>
        <AwsErrorAlert error={toApiError(detail.error)} title={`Could not describe ${table}`} />
      </div>
    );
  const d = detail.data;
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}
      data-testid="dynamo-table-view"
      data-table={d.name}
      data-status={d.status}
    >
      <TableHeader profile={profile} detail={d} onDelete={() => setDeleting(true)} />
      <Tabs
        value={tab}
        onChange={(v) => v && show(v)}
        keepMounted
        keepMountedMode="display-none"
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        styles={{ panel: { flex: 1, minHeight: 0 } }}
      >
        <Tabs.List px="sm">
          <Tabs.Tab value="items" data-testid="dynamo-subtab-items">
            Items
          </Tabs.Tab>
          <Tabs.Tab value="partiql" data-testid="dynamo-subtab-partiql">
            PartiQL
          </Tabs.Tab>
          <Tabs.Tab value="stream" data-testid="dynamo-subtab-stream">
            Stream
          </Tabs.Tab>
          <Tabs.Tab value="details" data-testid="dynamo-subtab-details">
            Details
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="items">
          <ExplorePanel profile={profile} region={region} detail={d} endpoint={endpoint.data} />
        </Tabs.Panel>
        <Tabs.Panel value="partiql">
          {visited.has('partiql') && (
            <PartiqlPanel profile={profile} region={region} detail={d} endpoint={endpoint.data} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="stream">
          {visited.has('stream') && (
            <StreamPanel
              profile={profile}
              region={region}
              detail={d}
              endpoint={endpoint.data}
              onOpenDetails={() => show('details')}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="details" style={{ overflow: 'auto' }}>
          <TableDetails profile={profile} detail={d} endpoint={endpoint.data} />
        </Tabs.Panel>
      </Tabs>
      {deleting && (
        <DeleteTableDialog
          profile={profile}
          region={region}
          table={d.name}
          protectedFromDelete={d.deletionProtection}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            onDeleted();
          }}
        />
      )}
    </div>
  );
}
