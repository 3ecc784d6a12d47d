import { describe, expect, it } from 'vitest';
import { commandFor, platformKeys, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const canvas = { editsText: false, onCanvas: true };
const elsewhere = { editsText: false, onCanvas: false };
const text = { editsText: true, onCanvas: true };

describe('commandFor', () => {
  it('maps Ctrl or Cmd with C, V, D and A to the clipboard and selection on the canvas', () => {
    expect(commandFor(press('c', { ctrlKey: true }), canvas)).toBe('copy');
    expect(commandFor(press('v', { metaKey: true }), canvas)).toBe('paste');
    expect(commandFor(press('d', { ctrlKey: true }), canvas)).toBe('duplicate');
    expect(commandFor(press('A', { ctrlKey: true }), canvas)).toBe('select-all');
    expect(commandFor(press('Delete'), canvas)).toBe('delete');
    expect(commandFor(press('Backspace'), canvas)).toBe('delete');
  });

  it('leaves the browser its meaning of those keys away from the canvas', () => {
    expect(commandFor(press('c', { ctrlKey: true }), elsewhere)).toBeUndefined();
    expect(commandFor(press('Backspace'), elsewhere)).toBeUndefined();
  });

  it('opens help with ? and lays out with Shift+L anywhere but in text', () => {
    expect(commandFor(press('?', { shiftKey: true }), elsewhere)).toBe('help');
    expect(commandFor(press('L', { shiftKey: true }), elsewhere)).toBe('auto-layout');
    expect(commandFor(press('l'), canvas)).toBeUndefined();
  });

  it('never fires in a text field or the code editor', () => {
    for (const key of [press('?'), press('L', { shiftKey: true }), press('Backspace')])
      expect(commandFor(key, text)).toBeUndefined();
    expect(commandFor(press('a', { ctrlKey: true }), text)).toBeUndefined();
  });

  it('leaves Shift+Mod and Alt combinations (redo, other tools) alone', () => {
    expect(commandFor(press('z', { ctrlKey: true, shiftKey: true }), canvas)).toBeUndefined();
    expect(commandFor(press('c', { ctrlKey: true, altKey: true }), canvas)).toBeUndefined();
  });
});

describe('platformKeys', () => {
  it('writes Mod as the platform does', () => {
    expect(platformKeys('Shift+Mod+Z', true)).toBe('Shift+⌘+Z');
    expect(platformKeys('Mod+C', false)).toBe('Ctrl+C');
  });
});
