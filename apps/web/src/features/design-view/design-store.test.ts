import { emptyDesign, type DesignDocument } from '@gatewright/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  designHistory,
  designReducer,
  HISTORY_TEXT_BUDGET,
  TYPING_BURST_MILLIS,
  type DesignAction,
  type Workbench,
} from './design-store';

const start: Workbench = { design: emptyDesign('openapi.yaml'), modelText: 'openapi: 3.0.3\n' };
const rename =
  (apiName: string) =>
  (design: DesignDocument): DesignDocument => ({ ...design, apiName });
const type = (modelText: string, at: number): DesignAction => ({ type: 'text', modelText, at });
const UNDO: DesignAction = { type: 'undo' };
const REDO: DesignAction = { type: 'redo' };

function run(actions: DesignAction[]) {
  return actions.reduce(designReducer, designHistory(start));
}

describe('designReducer', () => {
  it('undoes every edit back to the start, then redoes them to the end', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (names) => {
        const edited = run(names.map((name) => ({ type: 'edit', edit: rename(name) })));
        const undone = names.reduce((state) => designReducer(state, UNDO), edited);
        expect(undone.present).toBe(start);
        const redone = names.reduce((state) => designReducer(state, REDO), undone);
        expect(redone.present).toBe(edited.present);
      }),
    );
  });

  it('records nothing for an edit that returns the design it was given', () => {
    const state = run([{ type: 'edit', edit: (design) => design }]);
    expect(state.past).toHaveLength(0);
    expect(designReducer(state, UNDO)).toBe(state);
  });

  it('forgets what was undone once a new edit is made', () => {
    const state = run([
      { type: 'edit', edit: rename('a') },
      UNDO,
      { type: 'edit', edit: rename('b') },
    ]);
    expect(state.present.design.apiName).toBe('b');
    expect(designReducer(state, REDO)).toBe(state);
  });

  it('starts the history again when another workbench is loaded', () => {
    const theirs: Workbench = { design: rename('theirs')(start.design), modelText: 'theirs' };
    const state = run([
      { type: 'edit', edit: rename('mine') },
      type('mine', 0),
      { type: 'load', workbench: theirs },
    ]);
    expect(state).toEqual(designHistory(theirs));
    expect(state.present).toBe(theirs);
  });
});

describe('designReducer with model text', () => {
  it('makes one step of a burst of keystrokes, undone at once', () => {
    const state = run([type('a', 1000), type('ab', 1500), type('abc', 2400)]);
    expect(state.present.modelText).toBe('abc');
    expect(state.past).toEqual([start]);
    expect(designReducer(state, UNDO).present).toBe(start);
  });

  it('starts a new step after a pause in the typing', () => {
    const state = run([type('a', 1000), type('ab', 1000 + TYPING_BURST_MILLIS)]);
    expect(state.past.map((workbench) => workbench.modelText)).toEqual([start.modelText, 'a']);
    expect(designReducer(state, UNDO).present.modelText).toBe('a');
  });

  it('ends the burst at another kind of edit: text typed after it is a step of its own', () => {
    const state = run([type('a', 1000), { type: 'edit', edit: rename('x') }, type('ab', 1100)]);
    expect(state.past).toHaveLength(3);
    const undone = designReducer(state, UNDO);
    expect(undone.present.modelText).toBe('a');
    expect(undone.present.design.apiName).toBe('x');
  });

  it('keeps the text when the design is edited, and the design when the text is', () => {
    const state = run([{ type: 'edit', edit: rename('x') }, type('new text', 5000)]);
    expect(state.present).toEqual({ design: rename('x')(start.design), modelText: 'new text' });
  });

  it('undoes and redoes across canvas and text edits in the order they were made', () => {
    const state = run([
      { type: 'edit', edit: rename('one') },
      type('two', 1000),
      { type: 'edit', edit: rename('three') },
    ]);
    const once = designReducer(state, UNDO);
    expect(once.present).toEqual({ design: rename('one')(start.design), modelText: 'two' });
    const twice = designReducer(once, UNDO);
    expect(twice.present.modelText).toBe(start.modelText);
    expect(twice.present.design.apiName).toBe('one');
    const back = designReducer(designReducer(twice, REDO), REDO);
    expect(back.present).toBe(state.present);
  });

  it('does not join typing after an undo to the step that was undone', () => {
    const state = run([type('a', 1000), UNDO, type('b', 1100)]);
    expect(state.past).toEqual([start]);
    expect(state.future).toEqual([]);
    expect(designReducer(state, UNDO).present).toBe(start);
  });

  it('records nothing for text that is what the present already holds', () => {
    const state = run([type(start.modelText, 1000)]);
    expect(state).toEqual(designHistory(start));
  });
});

describe('designReducer memory', () => {
  it('forgets the oldest text steps once their copies pass the budget', () => {
    const big = (mark: string) => mark.repeat(HISTORY_TEXT_BUDGET / 3);
    const state = run([
      type(big('a'), 0),
      type(big('b'), 2000),
      type(big('c'), 4000),
      type(big('d'), 6000),
      type(big('e'), 8000),
    ]);
    // Kept: what undo can reach without holding more than the budget in old texts.
    expect(state.past.map((step) => step.modelText[0])).toEqual(['b', 'c', 'd']);
    expect(designReducer(state, UNDO).present.modelText[0]).toBe('d');
  });

  it('counts a text once however many design edits share it', () => {
    const text = 'x'.repeat(HISTORY_TEXT_BUDGET / 2);
    const edits: DesignAction[] = Array.from({ length: 10 }, (_, index) => ({
      type: 'edit',
      edit: rename(String(index)),
    }));
    const state = run([type(text, 0), ...edits]);
    expect(state.past).toHaveLength(11);
  });
});
