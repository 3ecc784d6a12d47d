// Monaco, bundled locally with what the code panel needs: the editor API with
// its features (find, folding, go to line...), YAML and TypeScript highlighting and the JSON
// language service, with their workers built by Vite (no CDN). Imported
// lazily, so the home page does not load it.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/language/json/monaco.contribution';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

export { monaco };
