import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const PROMTOOL_BIN = '/usr/bin/promtool';

export function realPrometheusAvailable(): boolean {
  return existsSync(PROMETHEUS_BIN) && existsSync(PROMTOOL_BIN);
}

export async function prometheusVersion(): Promise<string> {
  const { stdout } = await run(PROMETHEUS_BIN, ['--version']);
  return /version (\S+)/.exec(stdout)?.[1] ?? 'unknown';
}

export interface RealPrometheus {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('prometheus did not become ready in time');
}

/**
 * Backfills an OpenMetrics history into a fresh TSDB with promtool, then starts Prometheus on
 * it: no scrape targets, and a retention long enough that the blocks are kept.
 */
export async function startRealPrometheus(openMetrics: string): Promise<RealPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'meshdeck-prom-'));
  const dataDir = join(dir, 'data');
  const input = join(dir, 'history.om');
  const config = join(dir, 'prometheus.yml');
  await writeFile(input, openMetrics);
  await writeFile(config, 'global:\n  scrape_interval: 15s\n  evaluation_interval: 1m\nscrape_configs: []\n');
  await run(PROMTOOL_BIN, ['tsdb', 'create-blocks-from', 'openmetrics', input, dataDir], { maxBuffer: 16 * 1024 * 1024 });
  const port = await freePort();
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${dataDir}`,
      `--storage.tsdb.retention.time=3650d`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}
