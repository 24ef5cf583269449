import { useCallback, useMemo, useState } from 'react';
import type { RdsInstance } from '@shared/models/rds';
import { toApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useAwsSelection } from '@renderer/api/use-aws-selection';
import { ActionDialog, type ActionRequest } from './actions/action-dialog';
import type { RdsActionKind } from './actions/action-kinds';
import { ActionsMenu } from './actions/actions-menu';
import { OperationsBar } from './actions/operations-bar';
import { useOperations } from './actions/operations-store';
import { useConnectInstance } from './connect/use-connect-instance';
import { InstanceDetail } from './detail/instance-detail';
import { filterInstances, NO_FILTER, type InstanceFilter } from './filter-instances';
import { findInstance, sameInstance, type InstanceRef } from './instance-key';
import { anyTransitional } from './instance-status';
import { InstanceTable } from './instance-table';
import { LabOffState } from '@renderer/components/lab-off-state';
import { RegionErrors } from '@renderer/components/region-errors';
import { ListingLoader, NoInstances, NoMatch } from './rds-states';
import { RdsToolbar, type RdsView } from './rds-toolbar';
import { LazyTopology } from './topology/lazy-topology';
import { useRdsListing } from './use-rds-listing';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './rds-tab.module.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** RDS instances of the sidebar's AWS profile and regions: table or topology, details, actions. */
export function RdsTab() {
  const { profile, regions, regionOptions } = useAwsSelection();
  const { query, instances, failures, labOff } = useRdsListing(profile, regions);
  const [view, setView] = useState<RdsView>('table');
  const [filter, setFilter] = useState<InstanceFilter>(NO_FILTER);
  const [selected, setSelected] = useState<InstanceRef | null>(null);
  const [action, setAction] = useState<ActionRequest | null>(null);
  const addOperation = useOperations((s) => s.add);
  const connect = useConnectInstance(profile?.name ?? '');
  const connectTo = connect.mutate;

  const shown = useMemo(() => filterInstances(instances, filter), [instances, filter]);
  const taken = useMemo(() => new Set(instances.map((i) => i.id.toLowerCase())), [instances]);
  const current = findInstance(instances, selected);
  const onAction = useCallback(
    (kind: RdsActionKind, instance: RdsInstance) => setAction({ kind, instance }),
    [],
  );
  const renderActions = useCallback(
    (i: RdsInstance) => <ActionsMenu instance={i} onAction={onAction} onConnect={(x) => connectTo(x)} />,
    [onAction, connectTo],
  );
  const select = (ref: InstanceRef) =>
    setSelected(sameInstance(selected, ref) ? null : { id: ref.id, region: ref.region });
  const summary =
    shown.length === instances.length
      ? `${plural(instances.length, 'instance')} · ${plural(regions.length, 'region')}`
      : `${shown.length} of ${plural(instances.length, 'instance')}`;
  const state = labOff ? 'lab-off' : query.isPending ? 'loading' : query.data ? 'ready' : 'error';

  function body() {
    if (labOff) return <LabOffState />;
    if (query.isPending) return <ListingLoader regions={regions} />;
    if (query.error && !query.data)
      return (
        <div style={{ padding: 12 }}>
          <AwsErrorAlert error={toApiError(query.error)} title="Could not list RDS instances" />
        </div>
      );
    if (instances.length === 0)
      return failures.length > 0 ? null : (
        <NoInstances regions={regions} lab={profile?.kind === 'lab'} onRefresh={() => void query.refetch()} />
      );
    if (shown.length === 0) return <NoMatch onClear={() => setFilter(NO_FILTER)} />;
    if (view === 'topology') return <LazyTopology instances={shown} selected={selected} onSelect={select} />;
    return (
      <InstanceTable instances={shown} selected={selected} onSelect={select} renderActions={renderActions} />
    );
  }

  return (
    <div
      className={frame.tab}
      data-testid="rds-tab"
      data-state={state}
      data-profile={profile?.name}
      data-instance-count={instances.length}
      data-fetching={query.isFetching || undefined}
    >
      <RdsToolbar
        view={view}
        onView={setView}
        filter={filter}
        onFilter={setFilter}
        summary={query.data ? summary : ''}
        updatedAt={query.dataUpdatedAt}
        autoRefresh={anyTransitional(instances)}
        fetching={query.isFetching}
        onRefresh={() => void query.refetch()}
      />
      {profile && <OperationsBar profile={profile.name} />}
      <div className={classes.body}>
        <div className={classes.main}>
          {query.isRefetchError && (
            // Keep the last good answer on screen; say that it may be out of date.
            <div style={{ padding: 6 }}>
              <AwsErrorAlert
                error={toApiError(query.error)}
                compact
                title="Refresh failed: showing the previous answer"
              />
            </div>
          )}
          <RegionErrors failures={failures} />
          <div className={classes.content}>{body()}</div>
        </div>
        {current && profile && (
          <div className={classes.detail}>
            <InstanceDetail
              key={`${current.region}/${current.id}`}
              profile={profile.name}
              listed={current}
              listedAt={query.dataUpdatedAt}
              connecting={connect.isPending && sameInstance(connect.variables, current)}
              onConnect={(i) => connectTo(i)}
              onAction={onAction}
              onClose={() => setSelected(null)}
            />
          </div>
        )}
      </div>
      {action && profile && (
        <ActionDialog
          profile={profile.name}
          request={action}
          taken={taken}
          regions={regionOptions.map((r) => r.code)}
          onStarted={(op) => {
            addOperation(op);
            setAction(null);
            void query.refetch();
          }}
          onClose={() => setAction(null)}
        />
      )}
    </div>
  );
}
