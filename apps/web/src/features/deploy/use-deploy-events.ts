import { useEffect, useState } from 'react';
import { addDeployEvent, EMPTY_LOG, parseDeployEvent, type DeployLog } from './deploy-log';

const EVENT_KINDS = ['stack-event', 'note', 'done'] as const;

/**
 * Follows a deploy's server-sent events at `url` while `runId` is set (a new
 * id starts a fresh log) and until the `done` event. The server replays a run
 * from its start to every subscriber, so a dropped stream the browser
 * reconnects loses nothing and repeats nothing (see `addDeployEvent`).
 */
export function useDeployEvents(url: string, runId: number | undefined): DeployLog {
  const [log, setLog] = useState<{ runId?: number; log: DeployLog }>({ log: EMPTY_LOG });

  useEffect(() => {
    // Where there is no EventSource (jsdom in unit tests), nothing is followed.
    if (runId === undefined || typeof EventSource === 'undefined') return;
    setLog({ runId, log: EMPTY_LOG });
    const source = new EventSource(url);
    const onMessage = (message: Event) => {
      const event = parseDeployEvent(String((message as MessageEvent).data));
      if (!event) return;
      if (event.kind === 'done') source.close();
      setLog((current) => ({ runId, log: addDeployEvent(current.log, event) }));
    };
    for (const kind of EVENT_KINDS) source.addEventListener(kind, onMessage);
    return () => source.close();
  }, [url, runId]);

  return log.runId === runId ? log.log : EMPTY_LOG;
}
