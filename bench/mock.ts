import { startMockServer } from '../mock-server/app';
import { timeMedian } from './stats';

const PODS = 10_000;

/** Starts the 10,000-pod scale scenario in this process and times the API against it. */
export async function benchMockServer(): Promise<Record<string, number>> {
  const mock = await startMockServer({ host: '127.0.0.1', port: 0, scenario: 'scale', pods: PODS, seed: 1, quiet: true });
  try {
    const listPods = async (): Promise<void> => {
      const response = await fetch(`${mock.url}/api/v1/pods`);
      const body = (await response.json()) as { items?: unknown[] };
      if (body.items?.length !== PODS) throw new Error(`expected ${PODS} pods, got ${body.items?.length}`);
    };
    await listPods();
    const listPods10kMs = await timeMedian(7, listPods);
    return { 'mock.listPods10kMs': Math.round(listPods10kMs * 10) / 10 };
  } finally {
    await mock.close();
  }
}
