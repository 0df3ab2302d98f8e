import { describe, expect, it } from 'vitest';
import { serverProblems } from './server-problems';

const TEXT = 'spec:\n  http:\n    - route:\n        - weight: 80\n        - weight: 30\n';

describe('serverProblems', () => {
  it('puts each cause at the line of its field', () => {
    const problems = serverProblems(TEXT, 'invalid', [
      { field: 'spec.http[0].route[1].weight', message: 'weights add up to 110' },
      { field: 'spec.tcp[0]', message: 'bad' },
      { message: 'no field' },
    ]);
    expect(problems.markers.map((marker) => [marker.line, marker.message])).toEqual([
      [5, 'spec.http[0].route[1].weight: weights add up to 110'],
      [1, 'spec.tcp[0]: bad'],
    ]);
    expect(problems.messages).toEqual(['no field']);
  });

  it('keeps the message of a refusal without causes', () => {
    expect(serverProblems(TEXT, 'admission webhook denied', [])).toEqual({ markers: [], messages: ['admission webhook denied'] });
  });
});
