// Monaco, bundled locally with what the code panel needs: the editor API with
// its features (find, folding, go to line...), highlighting for YAML, TypeScript
// (the CDK app) and JavaScript and Python (Lambda handlers), and the JSON
// language service, with their workers built by Vite (no CDN). Imported
// lazily, so the home page does not load it.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/language/json/monaco.contribution';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

export { monaco };
