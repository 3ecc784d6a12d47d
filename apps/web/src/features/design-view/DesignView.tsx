import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useLinkClick } from '../../app/use-route';
import { designQuery } from '../designs/queries';
import { DesignEditor } from './DesignEditor';
import { designOrEmpty, useProject } from './use-project';

/** One design: loads it, then hands it to the editor (canvas, inspector, code panel). */
export function DesignView({ designId }: { designId: string }) {
  const api = useApi();
  const stored = useQuery(designQuery(api, designId));
  // The model is read here once per design, as it opens; the editor reads its text from
  // then on. Read again at every save, a large model would stall the page each time.
  const [opened, setOpened] = useState(stored.data);
  if (stored.data && stored.data.id !== opened?.id) setOpened(stored.data);
  const project = useProject(opened);
  const home = useLinkClick('/');

  const model = project.data?.model;
  const design = project.data?.design;

  return (
    <div className="design-view">
      <header className="design-header">
        <a href="/" onClick={home}>
          ← Designs
        </a>
        <h1>{design?.apiName ?? model?.title ?? designId}</h1>
      </header>
      {stored.isPending && <p aria-live="polite">Loading the design…</p>}
      {stored.isError && <p role="alert">The design did not load: {stored.error.message}</p>}
      {stored.data && project.data?.id === designId && (
        // Keyed by design: another design starts another history. A model text
        // that does not read opens too, so that it can be fixed here. The design and
        // text are the latest read; the model may be older, and is then read again.
        <DesignEditor
          key={designId}
          stored={stored.data}
          imported={project.data}
          initialDesign={designOrEmpty(stored.data)}
        />
      )}
    </div>
  );
}
