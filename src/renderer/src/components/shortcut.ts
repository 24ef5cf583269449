/** Monaco maps CtrlCmd to ⌘ on macOS and Ctrl elsewhere; the hints must say the same. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const RUN_SHORTCUT = IS_MAC ? '⌘↵' : 'Ctrl+Enter';
export const RUN_SCRIPT_SHORTCUT = IS_MAC ? '⇧⌘↵' : 'Ctrl+Shift+Enter';
export const FORMAT_SHORTCUT = IS_MAC ? '⇧⌥F' : 'Shift+Alt+F';
