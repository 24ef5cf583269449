import type { SecretSummary } from '@shared/models/aws';

/** Secrets whose name, description, owning instance or region contain every word of `search`. */
export function filterSecrets(secrets: readonly SecretSummary[], search: string): SecretSummary[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...secrets];
  return secrets.filter((s) => {
    const text = [s.name, s.description, s.rdsOwner?.id, s.region].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
