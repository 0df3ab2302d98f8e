/**
 * Runs the mock cluster on a thread of its own, so that its work (PromQL over a 10,000-pod mesh, the
 * traffic simulation) never holds up the console's server, as a real cluster runs apart from it.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startMockServer } from '../mock-server/app';
import type { MockServerOptions } from '../mock-server/app';

interface Ready {
  readonly url: string;
}

/** Starts the mock on a worker thread; resolves with its URL once it listens. */
export function startMockThread(options: MockServerOptions): Promise<string> {
  // The thread loads this file through tsx, as the scripts run (a worker does not inherit the loader).
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  return new Promise((resolve, reject) => {
    let ready = false;
    worker.once('message', (message: Ready) => {
      ready = true;
      resolve(message.url);
    });
    worker.once('error', (error) => {
      if (!ready) reject(error);
      else console.error('The mock cluster failed:', error);
    });
    worker.once('exit', (code) => {
      if (!ready) reject(new Error(`the mock cluster stopped (exit code ${code}) before it was ready`));
      // The console without its cluster would only answer errors: stop, and say why.
      else process.exit(code === 0 ? 1 : code);
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const mock = await startMockServer(workerData as MockServerOptions);
  port.postMessage({ url: mock.url } satisfies Ready);
}
