import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ID, SAMPLE_PATH, testApp } from './test-app';

const sleep = (millis: number) =>
  new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), millis));

interface RevisionEvent {
  id: string;
  revision: string | null;
}

/** Reads `event: revision` messages off a server-sent event stream. */
function revisionEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next(): Promise<RevisionEvent> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const message = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (!message.startsWith('event: revision')) continue;
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          return JSON.parse(data) as RevisionEvent;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffered += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

describe('design events', () => {
  it('sends the current revision, then a new one after an edit outside the app', async () => {
    const { call, root, revisionOf } = await testApp();
    const response = await call(`${SAMPLE_PATH}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    const events = revisionEvents(response.body!);
    const first = await events.next();
    expect(first).toEqual({ id: SAMPLE_ID, revision: await revisionOf() });

    // The store's watcher starts in the background: an edit in its first moments
    // may be taken as the starting state, so edit until one is reported.
    const next = events.next();
    let changed: RevisionEvent | undefined;
    for (let attempt = 0; attempt < 10 && !changed; attempt++) {
      appendFileSync(join(root, SAMPLE_ID), `# edited in another editor (${attempt})\n`);
      changed = await Promise.race([next, sleep(1000)]);
    }
    if (!changed) throw new Error('no revision event after 10 external edits');
    expect(changed.id).toBe(SAMPLE_ID);
    expect(changed.revision).not.toBe(first.revision);
    // Every event names a real revision: the last one is what the store reads now.
    let last = changed;
    while (last.revision !== (await revisionOf())) last = await events.next();
    await events.close();
  });

  it('answers 404 for a design that is not there', async () => {
    const { call } = await testApp();
    expect((await call(`/api/designs/${encodeURIComponent('no/such.yaml')}/events`)).status).toBe(
      404,
    );
  });
});
