import { emptyDesign, type DesignDocument } from '@gatewright/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designHistory, designReducer, type DesignAction } from './design-store';

const start = emptyDesign('openapi.yaml');
const rename =
  (apiName: string) =>
  (design: DesignDocument): DesignDocument => ({ ...design, apiName });

function run(actions: DesignAction[]) {
  return actions.reduce(designReducer, designHistory(start));
}

describe('designReducer', () => {
  it('undoes every edit back to the start, then redoes them to the end', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (names) => {
        const edited = run(names.map((name) => ({ type: 'edit', edit: rename(name) })));
        const undone = names.reduce((state) => designReducer(state, { type: 'undo' }), edited);
        expect(undone.present).toBe(start);
        const redone = names.reduce((state) => designReducer(state, { type: 'redo' }), undone);
        expect(redone.present).toBe(edited.present);
      }),
    );
  });

  it('records nothing for an edit that returns the design it was given', () => {
    const state = run([{ type: 'edit', edit: (design) => design }]);
    expect(state.past).toHaveLength(0);
    expect(designReducer(state, { type: 'undo' })).toBe(state);
  });

  it('forgets what was undone once a new edit is made', () => {
    const state = run([
      { type: 'edit', edit: rename('a') },
      { type: 'undo' },
      { type: 'edit', edit: rename('b') },
    ]);
    expect(state.present.apiName).toBe('b');
    expect(designReducer(state, { type: 'redo' })).toBe(state);
  });

  it('starts the history again when another design is loaded', () => {
    const theirs = rename('theirs')(start);
    const state = run([
      { type: 'edit', edit: rename('mine') },
      { type: 'load', design: theirs },
    ]);
    expect(state).toEqual(designHistory(theirs));
  });
});
