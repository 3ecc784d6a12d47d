/**
 * A request to show a place in the code panel, as a finding points at it:
 * a line of the model, or an operation's object in the rendered OpenAPI
 * document. Each new object is a new request, so the same place can be
 * shown twice.
 */
export type CodeReveal =
  { tab: 'model'; line: number } | { tab: 'openapi'; path: string; method: string };
