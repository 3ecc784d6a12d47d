import { DESIGN_FORMAT_VERSION, type DesignDocument } from './types';

/** The schema id written into new design files, so editors can check them. */
export const DESIGN_SCHEMA_ID = 'https://gatewright.dev/schemas/design-v1.json';

/** A design with nothing wired and every setting at its default. */
export function emptyDesign(modelPath: string): DesignDocument {
  return {
    $schema: DESIGN_SCHEMA_ID,
    formatVersion: DESIGN_FORMAT_VERSION,
    model: modelPath,
    backends: {},
    operations: {},
    authorizers: {},
    cors: { enabled: false },
    requestValidation: { enabled: true },
    gatewayResponses: {},
    stage: { name: 'dev' },
    layout: { nodes: {} },
  };
}
