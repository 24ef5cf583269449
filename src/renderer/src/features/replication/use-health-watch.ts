import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { ReplicationSnapshot } from '@shared/models/replication';
import { canNotifyDesktop, describeChange, healthChanges } from './health-changes';
import { appendLag, type LagHistory } from './lag-history';
import { notificationPermission } from './use-notification-permission';

/**
 * Follows the snapshots of one monitor: keeps each node's lag over the session for the charts and
 * tells the user (in the app, and on the desktop when allowed) when a node's health changes.
 */
export function useHealthWatch(snapshot: ReplicationSnapshot | undefined): LagHistory {
  const [history, setHistory] = useState<LagHistory>({});
  const previous = useRef<ReplicationSnapshot | null>(null);
  // The notice shown for each node: a newer change replaces it rather than piling up.
  const shown = useRef(new Map<string, string>());

  useEffect(() => {
    if (!snapshot || previous.current === snapshot) return;
    const changes = healthChanges(previous.current, snapshot);
    previous.current = snapshot;
    setHistory((h) => appendLag(h, snapshot));
    for (const change of changes) {
      const notice = describeChange(change);
      const old = shown.current.get(change.key);
      if (old) notifications.hide(old);
      const id = `replication-${snapshot.monitorId}-${change.key}-${snapshot.takenAt}`;
      shown.current.set(change.key, id);
      notifications.show({
        id,
        color: notice.color,
        title: notice.title,
        message: notice.message,
        autoClose: notice.better ? 5000 : false,
      });
      if (canNotifyDesktop(notificationPermission())) {
        // The same tag replaces the node's previous desktop notification instead of piling up.
        new Notification(notice.title, { body: notice.message, tag: `replication-${change.key}` });
      }
    }
  }, [snapshot]);

  return history;
}
