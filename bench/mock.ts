import fs from 'node:fs';
import { getBytes } from './http-get';
import { startMockProcess } from './mock-process';
import { timeMedian } from './stats';

const PODS = 10_000;

/**
 * Starts the 10,000-pod scale scenario with an hour of telemetry history in its own process, as
 * `npm run mock` would, then times the API against it and reads its resident memory.
 */
export async function benchMockServer(): Promise<Record<string, number>> {
  const mock = await startMockProcess(['--scenario', 'scale', '--pods', String(PODS), '--seed', '1']);
  try {
    const podsUrl = `${mock.url}/api/v1/pods`;
    const first = await getBytes(podsUrl);
    const items = (JSON.parse(first.toString('utf8')) as { items?: unknown[] }).items;
    if (items?.length !== PODS) throw new Error(`expected ${PODS} pods, got ${items?.length}`);
    const listPods10kMs = await timeMedian(7, () => getBytes(podsUrl));
    return {
      'mock.rssMb10k': Math.round(residentMb(mock.pid)),
      'mock.listPods10kMs': round(listPods10kMs),
      'mock.listPods10kMb': round(first.length / 1024 / 1024),
    };
  } finally {
    mock.stop();
  }
}

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
