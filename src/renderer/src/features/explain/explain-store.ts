import { create } from 'zustand';

export interface ExplainRequest {
  profileId: string;
  database?: string | null;
  sql: string;
}

interface ExplainStore {
  request: ExplainRequest | null;
  open: (request: ExplainRequest) => void;
  close: () => void;
}

/** The one EXPLAIN dialog; any feature opens it with a statement (the editor, the table editor). */
export const useExplainStore = create<ExplainStore>((set) => ({
  request: null,
  open: (request) => set({ request }),
  close: () => set({ request: null }),
}));

export function openExplain(request: ExplainRequest): void {
  useExplainStore.getState().open(request);
}
