import { useCallback, useState } from 'react';

export type PermissionState = NotificationPermission | 'unsupported';

export function notificationPermission(): PermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The desktop notification permission, asked only when the user presses the toolbar's button. */
export function useNotificationPermission() {
  const [permission, setPermission] = useState<PermissionState>(notificationPermission);
  const ask = useCallback(() => {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then(setPermission, () => setPermission(notificationPermission()));
  }, []);
  return { permission, ask };
}
