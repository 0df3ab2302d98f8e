/**
 * `npm start`: builds the console if needed, starts the mock cluster with the demo mesh (unless
 * MESHDECK_KUBE_URL points at a real cluster through `kubectl proxy`) and serves the console.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildConsoleIfNeeded } from './build-if-needed';
import { startConsoleServer } from './console-server';
import { startMockThread } from './mock-thread';

const root = path.resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'api-port': { type: 'string', default: '7070' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: path.join(root, '.meshdeck-data') },
    fresh: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'demo' },
    pods: { type: 'string' },
    seed: { type: 'string' },
    tokens: { type: 'string' },
    'history-minutes': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`Usage: npm start -- [--port 8080] [--api-port 7070] [--data-dir DIR] [--fresh]
                    [--scenario demo|scale] [--pods N] [--seed S] [--tokens FILE]
                    [--history-minutes M]
  --fresh    discard the demo's saved state and start from the seeded mesh
  MESHDECK_KUBE_URL=http://127.0.0.1:8001 npm start   serves the console against a real cluster
                                                       through \`kubectl proxy\` (no mock).`);
  process.exit(0);
}

// MESHDECK_DIST_DIR lets parallel test runs build into separate folders.
const distDir = path.resolve(root, process.env.MESHDECK_DIST_DIR ?? 'dist');
const buildResult = await buildConsoleIfNeeded(root, distDir);
if (buildResult === 'built') console.log(`Built the console into ${path.relative(root, distDir)}/`);

let kubeUrl = process.env.MESHDECK_KUBE_URL;
if (!kubeUrl) {
  kubeUrl = await startMockThread({
    host: flags.host,
    port: Number(flags['api-port']),
    scenario: flags.scenario === 'scale' ? 'scale' : 'demo',
    pods: flags.pods === undefined ? undefined : Number(flags.pods),
    seed: flags.seed === undefined ? undefined : Number(flags.seed),
    dataDir: flags['data-dir'],
    fresh: flags.fresh,
    tokensFile: flags.tokens,
    historyMinutes: flags['history-minutes'] === undefined ? undefined : Number(flags['history-minutes']),
  });
  console.log(`Mock Kubernetes API:  ${kubeUrl}`);
} else {
  console.log(`Kubernetes API:       ${kubeUrl} (no mock started)`);
}

await startConsoleServer({ host: flags.host, port: Number(flags.port), kubeUrl, distDir });
console.log(`Meshdeck console:     http://${flags.host}:${flags.port}`);
