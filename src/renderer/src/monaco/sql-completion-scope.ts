import type { CompletionSource } from './sql-completion-source';

/** Where completion reads the schema for one SQL tab: its profile and current database. */
export interface CompletionScope {
  profileId: string;
  database: string | null;
  source: CompletionSource;
}

// Keyed by the tab's id (the `data-tab-id` around its editor), so two tabs on different profiles
// complete from their own schema while sharing one provider per Monaco instance.
const scopes = new Map<string, CompletionScope>();

export function setCompletionScope(tabId: string, scope: CompletionScope): void {
  scopes.set(tabId, scope);
}

export function clearCompletionScope(tabId: string): void {
  scopes.delete(tabId);
}

export function completionScope(tabId: string): CompletionScope | undefined {
  return scopes.get(tabId);
}
