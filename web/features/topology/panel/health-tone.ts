import type { Health } from '../../../../mesh/topology/model';
import type { Tone } from '../../../ui';

export function healthTone(health: Health): Tone {
  return health === 'healthy' ? 'ok' : health === 'degraded' ? 'warn' : health === 'failure' ? 'danger' : 'neutral';
}
