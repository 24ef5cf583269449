/** Monaco maps CtrlCmd to ⌘ on macOS and Ctrl elsewhere; the hint must say the same. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const RUN_SHORTCUT = IS_MAC ? '⌘↵' : 'Ctrl+Enter';
