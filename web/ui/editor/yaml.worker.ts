// Bundled as its own worker entry so that Vite resolves the language server's imports.
import 'monaco-yaml/yaml.worker.js';
