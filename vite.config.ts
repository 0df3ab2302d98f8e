import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.MESHDECK_KUBE_URL ?? 'http://127.0.0.1:7070';

/**
 * Monaco's language grammars import every editor contribution for their side effects, which would
 * put the whole editor into the console's editor chunk; the console picks its contributions itself
 * (web/ui/editor/monaco.ts), so those imports are dropped from the grammar modules.
 */
function monacoGrammarsOnly(): Plugin {
  const grammar = /monaco-editor\/esm\/vs\/basic-languages\/.*\.js$/;
  const contribution = /^import '\.\.\/(?:\.\.\/)?(?:editor\/(?:browser|contrib|standalone)\/|editor\/common\/standaloneStrings|base\/browser\/ui\/codicons\/)[^']*';$/gm;
  return {
    name: 'monaco-grammars-only',
    transform(code, id) {
      return grammar.test(id) ? { code: code.replace(contribution, ''), map: null } : undefined;
    },
  };
}

export default defineConfig({
  plugins: [react(), monacoGrammarsOnly()],
  // The YAML language worker imports modules of its own; ES workers keep them in one graph.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // Timing advice about plugins is noise on a busy machine; real problems still warn.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/k8s': { target: apiTarget, rewrite: (path) => path.replace(/^\/k8s/, '') } },
  },
});
