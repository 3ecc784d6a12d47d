import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context';
import { CodeViewer } from '../../../editors/CodeViewer';
import { openApiQuery } from '../../designs/queries';

export interface OpenApiTabProps {
  designId: string;
  revision: string;
}

/** The OpenAPI document the design renders to, with its API Gateway extensions. */
export function OpenApiTab({ designId, revision }: OpenApiTabProps) {
  const api = useApi();
  const rendered = useQuery(openApiQuery(api, designId, revision, 'yaml'));
  if (rendered.isPending) return <p aria-live="polite">Rendering the OpenAPI document…</p>;
  if (rendered.isError) return <p role="alert">{rendered.error.message}</p>;
  return (
    <CodeViewer
      value={rendered.data}
      language="yaml"
      label="Rendered OpenAPI document (read-only)"
    />
  );
}
