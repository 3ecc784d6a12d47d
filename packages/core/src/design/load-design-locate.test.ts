import { describe, expect, it } from 'vitest';
import { locateInDesignText } from './load-design';

describe('locateInDesignText', () => {
  const text =
    '{\n  "cors": {\n    "enabled": true,\n    "allowOrigins": ["*", "https://a~b/c"]\n  },\n  "x/y": 1\n}\n';

  it('gives the line and column of the value a pointer names, escaped tokens included', () => {
    const locate = locateInDesignText(text);
    expect(locate('/cors/enabled')).toEqual({ line: 3, column: 16 });
    expect(locate('/cors/allowOrigins/1')).toEqual({ line: 4, column: 27 });
    expect(locate('/x~1y')).toEqual({ line: 6, column: 10 });
    expect(locate('')).toEqual({ line: 1, column: 1 });
  });

  it('gives nothing for a pointer to nothing, or for text that is not JSON', () => {
    expect(locateInDesignText(text)('/cors/allowCredentials')).toBeUndefined();
    expect(locateInDesignText('{\n  "cors": {\n')('/cors')).toBeUndefined();
  });
});
