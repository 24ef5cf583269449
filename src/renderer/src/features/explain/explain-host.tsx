import { lazy, Suspense } from 'react';
import { useExplainStore } from './explain-store';

const ExplainDialog = lazy(() => import('./explain-dialog').then((m) => ({ default: m.ExplainDialog })));

/** Mounted once in the workspace; loads the dialog's code only when a plan is first asked for. */
export function ExplainHost() {
  const request = useExplainStore((s) => s.request);
  const close = useExplainStore((s) => s.close);
  if (!request) return null;
  return (
    <Suspense fallback={null}>
      <ExplainDialog key={`${request.profileId}:${request.sql}`} request={request} onClose={close} />
    </Suspense>
  );
}
