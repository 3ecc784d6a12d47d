import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { designPagePath } from '../../app/routes';
import { useLinkClick } from '../../app/use-route';
import { designListQuery } from './queries';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Home: the workspace's designs, each with its size, its completeness and when it last changed. */
export function DesignList() {
  const api = useApi();
  const designs = useQuery(designListQuery(api));

  return (
    <main className="home">
      <h1>Designs</h1>
      {designs.isPending && <p aria-live="polite">Loading the workspace…</p>}
      {designs.isError && <p role="alert">The designs did not load: {designs.error.message}</p>}
      {designs.data?.length === 0 && <p>No designs in this workspace yet.</p>}
      {designs.data && designs.data.length > 0 && (
        <table className="design-table" aria-label="Designs">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Model file</th>
              <th scope="col">Operations</th>
              <th scope="col">Integrated</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {designs.data.map((design) => (
              <tr key={design.id} data-testid="design-row">
                <th scope="row">
                  <DesignLink id={design.id} name={design.name} />
                </th>
                <td>
                  <code>{design.id}</code>
                </td>
                <td>{design.operationCount}</td>
                <td>
                  {design.integratedCount} of {design.operationCount}
                </td>
                <td>
                  <time dateTime={design.modifiedAt}>
                    {dateFormat.format(new Date(design.modifiedAt))}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function DesignLink({ id, name }: { id: string; name: string }) {
  const path = designPagePath(id);
  return (
    <a href={path} onClick={useLinkClick(path)} aria-label={`Open ${name}`}>
      {name}
    </a>
  );
}
