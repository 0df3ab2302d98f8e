import { describe, expect, it } from 'vitest';
import { trafficWindowOf } from './graph-request';

const hour = { start: new Date(0), end: new Date(3_600_000), stepSeconds: 15, live: true };

describe('the traffic window of the graph', () => {
  it('takes the last minute of the global window by default, ending at the replay time when there is one', () => {
    expect(trafficWindowOf(hour, undefined, '1m')).toMatchObject({ start: new Date(3_540_000), end: new Date(3_600_000) });
    expect(trafficWindowOf(hour, new Date(1_800_000), '5m')).toMatchObject({ start: new Date(1_500_000), end: new Date(1_800_000) });
  });

  it('never reaches further back than the global window is long', () => {
    const fiveMinutes = { ...hour, start: new Date(3_300_000) };
    expect(trafficWindowOf(fiveMinutes, undefined, '1h')).toMatchObject({ start: new Date(3_300_000), end: new Date(3_600_000) });
    expect(trafficWindowOf(hour, undefined, 'range')).toMatchObject({ start: new Date(0), end: new Date(3_600_000) });
  });
});
