// Highlighting for Lambda handler code in the code editor, registered beside
// the languages `monaco.ts` brings; loaded with the editor, on first use.
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
