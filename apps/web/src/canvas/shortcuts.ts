/** What a key press on the design view can ask of the canvas. */
export type CanvasCommand =
  'copy' | 'paste' | 'duplicate' | 'delete' | 'select-all' | 'auto-layout' | 'help';

/** The parts of a keyboard event that decide a command. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where the key was pressed. */
export interface KeyTarget {
  /** A text field or the code editor, whose own keys win. */
  editsText: boolean;
  /** The canvas or nothing in particular (the page itself), where selection keys mean the canvas. */
  onCanvas: boolean;
}

const MOD_COMMANDS: Record<string, CanvasCommand> = {
  c: 'copy',
  v: 'paste',
  d: 'duplicate',
  a: 'select-all',
};

/**
 * The command a key press means, if any. Nothing fires in a text field or
 * the code editor; copy, paste, duplicate, delete and select all fire only on
 * the canvas (elsewhere they keep their browser meaning); help (`?`) and
 * auto-layout (Shift+L) fire anywhere else.
 */
export function commandFor(press: KeyPress, target: KeyTarget): CanvasCommand | undefined {
  if (target.editsText || press.altKey) return undefined;
  const mod = press.ctrlKey || press.metaKey;
  if (!mod) {
    if (press.key === '?') return 'help';
    if (press.shiftKey && press.key.toLowerCase() === 'l') return 'auto-layout';
    if (!press.shiftKey && (press.key === 'Delete' || press.key === 'Backspace'))
      return target.onCanvas ? 'delete' : undefined;
    return undefined;
  }
  if (press.shiftKey || !target.onCanvas) return undefined;
  return MOD_COMMANDS[press.key.toLowerCase()];
}

/** One line of the shortcuts help sheet. */
export interface ShortcutHelp {
  /** Each alternative, as key names joined by `+` (`Mod` is Ctrl, or ⌘ on a Mac). */
  keys: string[];
  description: string;
}

/** Every shortcut of the design view, by section, as the help sheet lists them. */
export const SHORTCUT_SECTIONS: readonly { title: string; shortcuts: readonly ShortcutHelp[] }[] = [
  {
    title: 'History',
    shortcuts: [
      { keys: ['Mod+Z'], description: 'Undo' },
      { keys: ['Shift+Mod+Z'], description: 'Redo' },
    ],
  },
  {
    title: 'Canvas',
    shortcuts: [
      { keys: ['Mod+K', '/'], description: 'Search operations by path or name' },
      { keys: ['Shift+L'], description: 'Auto-layout, then fit the view' },
      { keys: ['Mod+A'], description: 'Select all' },
      { keys: ['Shift+Click', 'Shift+Drag'], description: 'Add to the selection, select a box' },
      { keys: ['Mod+C'], description: 'Copy the selected backends or integrations' },
      {
        keys: ['Mod+V'],
        description:
          'Paste backends as new ones; paste an integration onto the selected operations',
      },
      { keys: ['Mod+D'], description: 'Duplicate the selected backends' },
      {
        keys: ['Delete', 'Backspace'],
        description: 'Delete the selected backends, or the selected operations’ integrations',
      },
    ],
  },
  {
    title: 'Palette',
    shortcuts: [
      {
        keys: ['Enter'],
        description:
          'On a kind: create it at the centre of the view, or wire the selected operations to it',
      },
    ],
  },
  {
    title: 'Help',
    shortcuts: [
      { keys: ['?'], description: 'Show these shortcuts' },
      { keys: ['Escape'], description: 'Close this sheet or the search' },
    ],
  },
];

/** A key combination as this platform writes it: `Mod` becomes ⌘ on a Mac, Ctrl elsewhere. */
export function platformKeys(keys: string, mac: boolean): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl');
}
