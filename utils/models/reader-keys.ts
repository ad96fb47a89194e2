/**
 * The reader's keyboard shortcuts, as a pure function of a key event so the
 * mapping is tested without a page. Single keys without modifiers, like
 * Firefox's reader and most reading apps; a modifier means the browser's or
 * the system's shortcut, which the reader must never take over.
 */
export type ReaderAction = 'decrease' | 'increase' | 'help' | 'text' | 'close' | 'highlight';

/** The shortcuts as the help panel lists them: keys shown, action. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: ReaderAction }[] = [
  { keys: ['+', '='], action: 'increase' },
  { keys: ['−'], action: 'decrease' },
  { keys: ['A'], action: 'text' },
  { keys: ['H'], action: 'highlight' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'close' },
];

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Whether the key goes to something that takes typing (a text field, an editable element). */
  typing?: boolean;
}

export function readerShortcut(e: KeyLike): ReaderAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Escape') return 'close';
  if (e.typing) return null;
  switch (e.key) {
    case '-':
    case '_':
    case 'Subtract':
      return 'decrease';
    case '+':
    case '=':
    case 'Add':
      return 'increase';
    case '?':
      return 'help';
    case 'a':
    case 'A':
      return 'text';
    case 'h':
    case 'H':
      return 'highlight';
    default:
      return null;
  }
}

/** Whether keys pressed in `target` are typing (so single-key shortcuts must stay out of the way). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable) return true;
  if (el.localName === 'textarea' || el.localName === 'select') return true;
  if (el.localName === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
}
