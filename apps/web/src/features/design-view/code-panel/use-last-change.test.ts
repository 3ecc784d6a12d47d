import { emptyDesign, type ApiModel, type DesignDocument } from '@gatewright/core';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLastChange, type OutputInputs } from './use-last-change';

// The hook compares by identity only: stand-ins do for the model.
const model = () => ({ title: 'm' }) as unknown as ApiModel;
const design = (apiName: string): DesignDocument => ({ ...emptyDesign('m.yaml'), apiName });

describe('useLastChange', () => {
  it('is undefined until something changes, then holds the inputs before the last change', () => {
    const first = { model: model(), design: design('a') };
    const { result, rerender } = renderHook(
      ({ inputs, text }: { inputs: OutputInputs; text: string }) => useLastChange(inputs, text),
      { initialProps: { inputs: first, text: 'v1' } },
    );
    expect(result.current).toBeUndefined();

    const second = { model: first.model, design: design('b') };
    rerender({ inputs: second, text: 'v1' });
    expect(result.current).toBe(first);

    const third = { model: first.model, design: design('c') };
    rerender({ inputs: third, text: 'v1' });
    expect(result.current).toBe(second);
  });

  it('does not take the model read again after a save, with the same text, for a change', () => {
    const first = { model: model(), design: design('a') };
    const { result, rerender } = renderHook(
      ({ inputs, text }: { inputs: OutputInputs; text: string }) => useLastChange(inputs, text),
      { initialProps: { inputs: first, text: 'v1' } },
    );
    const edited = { model: first.model, design: design('b') };
    rerender({ inputs: edited, text: 'v1' });
    rerender({ inputs: { model: model(), design: edited.design }, text: 'v1' });
    expect(result.current).toBe(first);

    const retyped = { model: model(), design: edited.design };
    rerender({ inputs: retyped, text: 'v2' });
    expect(result.current?.design).toBe(edited.design);
  });
});
