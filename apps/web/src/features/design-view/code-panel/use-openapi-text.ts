import { useEffect, useReducer } from 'react';
import {
  isQuickToSerialize,
  openApiText,
  type OpenApiFormat,
  type RenderedOpenApi,
} from './rendered-openapi';
import type { SerializeRequest, SerializeResponse } from './serialize.worker';
import SerializeWorker from './serialize.worker?worker';

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (text: string) => void>();

/** The text of a large rendering, written by the one shared worker. */
function serializeInWorker(rendered: RenderedOpenApi, format: OpenApiFormat): Promise<string> {
  if (!worker) {
    worker = new SerializeWorker();
    worker.onmessage = (event: MessageEvent<SerializeResponse>) => {
      waiting.get(event.data.id)?.(event.data.text);
      waiting.delete(event.data.id);
    };
  }
  const id = nextId++;
  const request: SerializeRequest = { id, document: rendered.document, format };
  worker.postMessage(request);
  return new Promise((resolve) => waiting.set(id, resolve));
}

/**
 * A rendering's text in `format`: at once when it is quick to make (JSON, a
 * small API) or already made; else undefined while a worker writes it, then
 * the text. Undefined also for no rendering.
 */
export function useOpenApiText(
  rendered: RenderedOpenApi | undefined,
  format: OpenApiFormat,
): string | undefined {
  const [, update] = useReducer((count: number) => count + 1, 0);
  const ready =
    rendered &&
    (rendered.texts.get(format) ??
      (isQuickToSerialize(rendered, format) || typeof Worker === 'undefined'
        ? openApiText(rendered, format)
        : undefined));

  useEffect(() => {
    if (!rendered || ready !== undefined) return;
    let live = true;
    void serializeInWorker(rendered, format).then((text) => {
      rendered.texts.set(format, text);
      if (live) update();
    });
    return () => {
      live = false;
    };
  }, [rendered, format, ready]);

  return ready;
}
