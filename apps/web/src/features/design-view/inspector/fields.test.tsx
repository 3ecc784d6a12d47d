import { emptyDesign, type ApiModel, type DesignDocument } from '@gatewright/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useReducer } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { designHistory, designReducer, type DesignHistory } from '../design-store';
import { TextField, parseWholeNumber } from './fields';
import { InspectorContext } from './inspector-context';

const model: ApiModel = {
  text: '',
  format: 'yaml',
  specVersion: '3.0',
  document: { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: {} },
  externalDocuments: {},
  title: 'T',
  version: '1',
  operations: [],
  locate: () => undefined,
};

let history: DesignHistory;

/** A stage-name field over a real design store, as the inspector wires it. */
function Harness() {
  const [state, dispatch] = useReducer(
    designReducer,
    { design: emptyDesign('openapi.yaml'), modelText: '' },
    designHistory,
  );
  history = state;
  const design = state.present.design;
  return (
    <InspectorContext.Provider
      value={{
        model,
        design,
        findings: [],
        edit: (edit) => dispatch({ type: 'edit', edit }),
        select: () => undefined,
      }}
    >
      <TextField
        label="Stage name"
        value={design.stage.name}
        pointer="/stage/name"
        apply={(current: DesignDocument, text) =>
          text === '' ? 'The stage needs a name.' : { ...current, stage: { name: text } }
        }
      />
      <button type="button" onClick={() => dispatch({ type: 'undo' })}>
        Undo
      </button>
    </InspectorContext.Provider>
  );
}

afterEach(cleanup);

describe('TextField', () => {
  it('commits a burst of typing as one undo step, on blur', () => {
    render(<Harness />);
    const field = screen.getByLabelText('Stage name');
    fireEvent.change(field, { target: { value: 'p' } });
    fireEvent.change(field, { target: { value: 'pr' } });
    fireEvent.change(field, { target: { value: 'prod' } });
    expect(history.past).toHaveLength(0);
    fireEvent.blur(field);
    expect(history.present.design.stage.name).toBe('prod');
    expect(history.past).toHaveLength(1);
  });

  it('brings the committed value back into the field on undo', () => {
    render(<Harness />);
    const field = screen.getByLabelText('Stage name');
    fireEvent.change(field, { target: { value: 'prod' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    expect(field).toHaveProperty('value', 'dev');
  });

  it('shows why a draft cannot be committed, keeps it in the field, and commits nothing', () => {
    render(<Harness />);
    const field = screen.getByLabelText('Stage name');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    expect(screen.getByText('The stage needs a name.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field).toHaveProperty('value', '');
    expect(history.past).toHaveLength(0);
  });

  it('gives the committed value back on Escape', () => {
    render(<Harness />);
    const field = screen.getByLabelText('Stage name');
    fireEvent.change(field, { target: { value: 'oops' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field).toHaveProperty('value', 'dev');
  });
});

describe('parseWholeNumber', () => {
  it('reads digits, allows empty for an optional setting, and names bad text', () => {
    expect(parseWholeNumber(' 512 ', 'Memory')).toBe(512);
    expect(parseWholeNumber('', 'Timeout', { optional: true })).toBeUndefined();
    expect(parseWholeNumber('5.5', 'Memory')).toMatch(/Memory "5.5" is not a whole number/);
  });
});
