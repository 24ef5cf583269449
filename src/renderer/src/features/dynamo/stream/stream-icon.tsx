import { Icon, type IconProps } from '@renderer/components/icons';

/** Three waves: changes flowing by. */
export const StreamIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 7c3-2 6 2 9 0s6-2 9 0M3 12c3-2 6 2 9 0s6-2 9 0M3 17c3-2 6 2 9 0s6-2 9 0" />
  </Icon>
);
