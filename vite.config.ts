import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.MESHDECK_KUBE_URL ?? 'http://127.0.0.1:7070';

export default defineConfig({
  plugins: [react()],
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
