import type { RawIntegration } from '../design/types';
import { cloneJson } from '../openapi/clone-json';
import type { IntegrationModule } from './types';

/** An integration kept as the model wrote it: rendered back unchanged, granted nothing. */
export const rawIntegration: IntegrationModule<RawIntegration> = {
  kind: 'raw',
  render: (_operation, integration) => cloneJson(integration.integration),
  permissions: () => [],
};
