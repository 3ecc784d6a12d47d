// Writes rendered OpenAPI documents as text off the main thread: YAML for an
// API of hundreds of operations takes seconds, which would freeze the page.
import { serializeOpenApi, type JsonObject } from '@gatewright/core';

/** A document to write, with the id its answer carries. */
export interface SerializeRequest {
  id: number;
  document: JsonObject;
  format: 'json' | 'yaml';
}

/** The text of the document the request with `id` sent. */
export interface SerializeResponse {
  id: number;
  text: string;
}

self.onmessage = (event: MessageEvent<SerializeRequest>) => {
  const { id, document, format } = event.data;
  const response: SerializeResponse = { id, text: serializeOpenApi(document, format) };
  self.postMessage(response);
};
