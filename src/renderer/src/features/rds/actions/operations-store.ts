import { create } from 'zustand';
import type { RdsActionKind } from './action-kinds';

export type OperationState = 'running' | 'done' | 'failed';

/** An action sent to AWS, watched until the instance (or snapshot) settles. */
export interface Operation {
  key: string;
  kind: RdsActionKind;
  profile: string;
  /** Where the watched instance lives (the target region of a cross-region replica). */
  region: string;
  instanceId: string;
  /** Snapshots are watched by their own status, not the instance's. */
  snapshotId?: string;
  startedAt: number;
  state: OperationState;
  /** The status RDS reports right now, as it reports it. */
  status: string;
  /** Seen in a transitional status since the action: a settled status now means it finished. */
  sawTransition: boolean;
  /** The last polling error, or why the operation failed. */
  message?: string;
  finishedAt?: number;
}

interface OperationsState {
  operations: Operation[];
  add: (op: Omit<Operation, 'key' | 'state' | 'startedAt'>) => void;
  update: (key: string, patch: Partial<Operation>) => void;
  dismiss: (key: string) => void;
}

let counter = 0;

/** Operations of this run of the app, newest first. */
export const useOperations = create<OperationsState>((set) => ({
  operations: [],
  add: (op) =>
    set((s) => ({
      operations: [
        { ...op, key: `op-${++counter}`, state: 'running', startedAt: Date.now() },
        ...s.operations,
      ],
    })),
  update: (key, patch) =>
    set((s) => ({ operations: s.operations.map((o) => (o.key === key ? { ...o, ...patch } : o)) })),
  dismiss: (key) => set((s) => ({ operations: s.operations.filter((o) => o.key !== key) })),
}));
