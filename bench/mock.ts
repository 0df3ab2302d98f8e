import { getBytes } from './http-get';
import { startMockProcess } from './mock-process';
import { timeMedian } from './stats';

const PODS = 10_000;

/** Starts the 10,000-pod scale scenario in its own process and times the API against it. */
export async function benchMockServer(): Promise<Record<string, number>> {
  const mock = await startMockProcess(['--scenario', 'scale', '--pods', String(PODS), '--seed', '1', '--history-minutes', '0']);
  try {
    const podsUrl = `${mock.url}/api/v1/pods`;
    const first = await getBytes(podsUrl);
    const items = (JSON.parse(first.toString('utf8')) as { items?: unknown[] }).items;
    if (items?.length !== PODS) throw new Error(`expected ${PODS} pods, got ${items?.length}`);
    const listPods10kMs = await timeMedian(7, () => getBytes(podsUrl));
    return {
      'mock.listPods10kMs': round(listPods10kMs),
      'mock.listPods10kMb': round(first.length / 1024 / 1024),
    };
  } finally {
    mock.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
