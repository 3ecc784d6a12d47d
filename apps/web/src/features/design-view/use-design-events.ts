import { useEffect, useRef } from 'react';
import { designParam, type ApiClient } from '../../api/client';

/** The first wait before connecting again after the server closed the stream; doubled each time. */
export const RECONNECT_MILLIS = 1000;
const RECONNECT_MAX_MILLIS = 30_000;

/**
 * The revision in a `revision` event's data; null when the design is gone,
 * undefined for data that is not such an event.
 */
export function revisionOf(data: string): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    const revision = (parsed as { revision?: unknown } | null)?.revision;
    return typeof revision === 'string' || revision === null ? revision : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Follows the server's events for a design (`GET /api/designs/{id}/events`):
 * `onRevision` hears the revision of its files now and after each change, made
 * in the app or outside it (null once the design is gone). Connects again when
 * the stream drops; closes on unmount.
 */
export function useDesignEvents(
  api: ApiClient,
  designId: string,
  onRevision: (revision: string | null) => void,
): void {
  const onRevisionRef = useRef(onRevision);
  onRevisionRef.current = onRevision;

  useEffect(() => {
    // Where there is no EventSource (jsdom in unit tests), the editor works without live updates.
    if (typeof EventSource === 'undefined') return;
    const url = api.api.designs[':id'].events.$url({ param: designParam(designId) }).toString();
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = RECONNECT_MILLIS;
    let closed = false;

    const connect = () => {
      source = new EventSource(url);
      source.addEventListener('open', () => {
        wait = RECONNECT_MILLIS;
      });
      source.addEventListener('revision', (event) => {
        const revision = revisionOf(String((event as MessageEvent).data));
        if (revision !== undefined) onRevisionRef.current(revision);
      });
      source.addEventListener('error', () => {
        // The browser retries a dropped stream itself; one the server refused stays closed.
        if (closed || source?.readyState !== EventSource.CLOSED) return;
        timer = setTimeout(connect, wait);
        wait = Math.min(wait * 2, RECONNECT_MAX_MILLIS);
      });
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [api, designId]);
}
