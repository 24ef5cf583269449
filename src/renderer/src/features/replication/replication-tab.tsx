import { Alert, Button } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ReplicationNode, ReplicationSnapshot } from '@shared/models/replication';
import { useProfiles } from '@renderer/api/use-profiles';
import { AlertIcon } from '@renderer/components/icons';
import type { ReplicationTabInfo } from '@renderer/stores/workspace-tabs-store';
import { ConsistencyCheckDialog } from './check/consistency-check-dialog';
import { NodeDetail } from './detail/node-detail';
import { ReplicationGraph } from './graph/replication-graph';
import { HeartbeatConsentDialog } from './heartbeat/heartbeat-consent-dialog';
import { ConnectPeerDialog } from './peers/connect-peer-dialog';
import { HEALTH_LABEL } from './replication-format';
import { OpenFailedState, OpeningState } from './replication-states';
import { ReplicationToolbar } from './replication-toolbar';
import { useHealthWatch } from './use-health-watch';
import { useNotificationPermission } from './use-notification-permission';
import { useReplicationActions } from './use-replication-actions';
import { useReplicationMonitor } from './use-replication-monitor';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './replication-tab.module.css';

export interface ReplicationTabProps {
  tab: ReplicationTabInfo;
  /** The tab is the one on screen: only then is the topology read every 2 s. */
  active: boolean;
}

/** "3 nodes · 1 broken" or "3 nodes, all healthy". */
function summarize(snapshot: ReplicationSnapshot): string {
  const nodes = `${snapshot.nodes.length} node${snapshot.nodes.length === 1 ? '' : 's'}`;
  const bad = (['broken', 'unreachable', 'lagging'] as const)
    .map((h) => [h, snapshot.nodes.filter((n) => n.health === h).length] as const)
    .filter(([, count]) => count > 0)
    .map(([h, count]) => `${count} ${HEALTH_LABEL[h].toLowerCase()}`);
  return bad.length === 0 ? `${nodes}, all healthy` : `${nodes} · ${bad.join(' · ')}`;
}

/** The replication topology around one connection profile, kept fresh while on screen. */
export function ReplicationTab({ tab, active }: ReplicationTabProps) {
  const profile = useProfiles().data?.profiles.find((p) => p.id === tab.profileId);
  const name = profile?.name ?? tab.title;
  const { state, snapshot, accept, retry } = useReplicationMonitor(tab.profileId, tab.rds, active);
  const data = snapshot.data;
  const history = useHealthWatch(data);

  if (state.status === 'failed')
    return (
      <div className={frame.tab} data-testid="replication-tab" data-state="failed">
        <OpenFailedState name={name} error={state.error} onRetry={retry} />
      </div>
    );
  if (state.status === 'opening' || !data)
    return (
      <div className={frame.tab} data-testid="replication-tab" data-state="opening">
        <OpeningState name={name} />
      </div>
    );
  return (
    <OpenTab
      snapshot={data}
      history={history}
      paused={!active}
      fetching={snapshot.isFetching}
      refreshError={snapshot.isRefetchError ? snapshot.error : null}
      onRefresh={() => void snapshot.refetch()}
      onReopen={retry}
      accept={accept}
    />
  );
}

interface OpenTabProps {
  snapshot: ReplicationSnapshot;
  history: ReturnType<typeof useHealthWatch>;
  paused: boolean;
  fetching: boolean;
  refreshError: Error | null;
  onRefresh: () => void;
  onReopen: () => void;
  accept: (s: ReplicationSnapshot) => void;
}

function OpenTab({
  snapshot,
  history,
  paused,
  fetching,
  refreshError,
  onRefresh,
  onReopen,
  accept,
}: OpenTabProps) {
  const actions = useReplicationActions(snapshot.monitorId, accept);
  const notify = useNotificationPermission();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [peer, setPeer] = useState<ReplicationNode | null>(null);
  const [checkOpen, setCheckOpen] = useState(false);
  const selected = snapshot.nodes.find((n) => n.key === selectedKey) ?? null;
  const primary = snapshot.nodes.find((n) => n.role === 'primary') ?? null;
  const labels = useMemo(() => new Map(snapshot.nodes.map((n) => [n.key, n.label])), [snapshot.nodes]);
  const heartbeatError =
    actions.configure.error &&
    actions.configure.error.code !== 'CONSENT_REQUIRED' &&
    actions.configure.variables?.heartbeat
      ? actions.configure.error
      : null;

  return (
    <div
      className={frame.tab}
      data-testid="replication-tab"
      data-state="open"
      data-monitor-id={snapshot.monitorId}
      data-taken-at={snapshot.takenAt}
      data-fetching={fetching || undefined}
    >
      <ReplicationToolbar
        snapshot={snapshot}
        summary={summarize(snapshot)}
        fetching={fetching}
        paused={paused}
        permission={notify.permission}
        configuring={actions.configure.isPending}
        heartbeatError={heartbeatError}
        onRefresh={onRefresh}
        onThreshold={actions.setThreshold}
        onHeartbeat={(choice, done) => actions.applyHeartbeat(choice, false, done)}
        onAskPermission={notify.ask}
        onCheck={() => setCheckOpen(true)}
      />
      <div className={classes.body}>
        <div className={classes.main}>
          {refreshError && (
            // Keep the last snapshot on screen; say it may be out of date.
            <div className={classes.banner}>
              <Alert
                color="yellow"
                variant="light"
                icon={<AlertIcon />}
                title="Refresh failed: showing the previous reading"
                data-testid="replication-refresh-error"
              >
                {refreshError.message}{' '}
                <Button size="compact-xs" variant="subtle" onClick={onReopen}>
                  Reconnect
                </Button>
              </Alert>
            </div>
          )}
          <div className={classes.graph}>
            <ReplicationGraph
              nodes={snapshot.nodes}
              edges={snapshot.edges}
              selectedKey={selectedKey}
              onSelect={(key) => setSelectedKey((k) => (k === key ? null : key))}
              onConnect={setPeer}
            />
          </div>
        </div>
        {selected && (
          <div className={classes.detail}>
            <NodeDetail
              key={selected.key}
              node={selected}
              samples={history[selected.key] ?? []}
              onRevoked={actions.reread}
              onClose={() => setSelectedKey(null)}
            />
          </div>
        )}
      </div>
      {peer && (
        <ConnectPeerDialog
          node={peer}
          busy={actions.attach.isPending || actions.approve.isPending}
          error={actions.attach.error ?? actions.approve.error}
          onAttach={(profileId) =>
            actions.attach.mutate({ nodeKey: peer.key, profileId }, { onSuccess: () => setPeer(null) })
          }
          onApprove={(profileId) =>
            actions.approve.mutate({ nodeKey: peer.key, profileId }, { onSuccess: () => setPeer(null) })
          }
          onRevoked={actions.reread}
          onClose={() => {
            actions.attach.reset();
            actions.approve.reset();
            setPeer(null);
          }}
        />
      )}
      {actions.pendingConsent && (
        <HeartbeatConsentDialog
          primary={primary ? `${primary.label} (${primary.host}:${primary.port})` : null}
          schema={actions.pendingConsent.schema}
          busy={actions.configure.isPending}
          onConsent={() => actions.pendingConsent && actions.applyHeartbeat(actions.pendingConsent, true)}
          onCancel={actions.cancelConsent}
        />
      )}
      <ConsistencyCheckDialog
        monitorId={snapshot.monitorId}
        opened={checkOpen}
        replicaLabel={(key) => labels.get(key) ?? key}
        onClose={() => setCheckOpen(false)}
      />
    </div>
  );
}
