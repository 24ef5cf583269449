import { Icon, type IconProps } from '@renderer/components/icons';

/** Icons only the SQL tab uses, drawn like the shared ones (24-unit box, 2px stroke). */
export const StopIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" />
  </Icon>
);

export const HistoryIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
    <path d="M3 3v5h5M12 7v5l3 2" />
  </Icon>
);

export const FormatIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 6h16M8 12h12M8 18h8M4 12h.01M4 18h.01" />
  </Icon>
);

export const BookmarkIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 4h12v17l-6-4-6 4z" />
  </Icon>
);

export const InsertIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M20 4v7a4 4 0 0 1-4 4H4M9 10l-5 5 5 5" />
  </Icon>
);
