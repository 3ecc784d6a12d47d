import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CATALOGUE } from '../diagnostics';
import { loadDesign } from './load-design';
import { DESIGN_SCHEMA, resolveRef } from './design-schema';

/** docs/design-format.md, the format's documentation; CI has the whole repository. */
const DOC = readFileSync(new URL('../../../../docs/design-format.md', import.meta.url), 'utf8');
const jsonBlocks = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/design-format.md', () => {
  it('shows a complete example that loads without findings', () => {
    const designs = jsonBlocks.filter((block) => block.includes('"formatVersion"'));
    expect(designs.length).toBeGreaterThan(0);
    for (const text of designs)
      expect(loadDesign(text, 'design-format.md').diagnostics).toEqual([]);
  });

  it('documents every field of the schema', () => {
    const fields = new Set<string>();
    const collect = (node: typeof DESIGN_SCHEMA): void => {
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        fields.add(name);
        if (child.$ref === undefined) collect(child);
      }
    };
    collect(DESIGN_SCHEMA);
    for (const def of Object.values(DESIGN_SCHEMA.$defs ?? {})) collect(resolveRef(def));
    expect([...fields].filter((f) => !DOC.includes(`\`${f}\``) && !DOC.includes(`"${f}"`))).toEqual(
      [],
    );
  });

  it('explains every design finding code', () => {
    const codes = Object.keys(DIAGNOSTIC_CATALOGUE).filter((c) => c.startsWith('design.'));
    expect(codes.filter((c) => !DOC.includes(`\`${c}\``))).toEqual([]);
  });
});
