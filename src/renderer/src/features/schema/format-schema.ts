/** Short, human numbers for the schema tree: estimated rows and on-disk size. */

export function formatRowEstimate(rows: number | null): string {
  if (rows === null) return '';
  if (rows < 1000) return `${rows} ${rows === 1 ? 'row' : 'rows'}`;
  // InnoDB's count is an estimate: a rounded figure with `~` says so.
  return `~${compact(rows)} rows`;
}

function compact(n: number): string {
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) {
      const value = n / size;
      return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)}${unit}`;
    }
  }
  return String(n);
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value) : Number(value.toFixed(1));
  return `${shown} ${units[unit]}`;
}
