import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/chromium';

const root = path.resolve(import.meta.dirname, '..');

export interface ConsoleProcess {
  /** e.g. http://127.0.0.1:8391 */
  readonly url: string;
  stop(): void;
}

/**
 * Runs `npm start` (the built console in dist/ plus the mock) in its own process on free-ish ports,
 * with a fresh data dir, e.g. startConsole(['--scenario', 'scale', '--pods', '10000', '--seed', '1']).
 */
export function startConsole(args: readonly string[], ports: { console: number; api: number }): Promise<ConsoleProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshdeck-bench-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/start.ts'), '--fresh', '--port', String(ports.console), '--api-port', String(ports.api), '--data-dir', dataDir, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Meshdeck console:\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], stop });
    });
    child.on('exit', (code) => reject(new Error(`the console exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Debian's Chromium, headless, as the e2e suite runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS],
  });
}
