import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface MockProcess {
  readonly url: string;
  readonly pid: number;
  stop(): void;
}

const root = path.resolve(import.meta.dirname, '..');

/** Starts `npm run mock`'s entry point in its own process, so its work is not mixed with the client's. */
export function startMockProcess(args: readonly string[]): Promise<MockProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'mock-server/main.ts'), '--port', '0', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Mock Kubernetes API: (http:\/\/\S+)/.exec(output);
      if (match?.[1] && child.pid !== undefined) {
        resolve({ url: match[1], pid: child.pid, stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`the mock server exited with ${code} before it was ready:\n${output}`)));
  });
}
