/** Every react-query key in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  profiles: ['profiles'] as const,
  labOverview: ['lab', 'overview'] as const,
};
