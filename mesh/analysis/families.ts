/** Every family of checks, in the order they run. */

import { authorizationFamily } from './authorization';
import { configMetaFamily } from './config-meta';
import { destinationRuleFamily } from './destination-rules';
import { gatewayApiFamily } from './gateway-api';
import { gatewayFamily } from './gateways';
import { policyScopeFamily } from './policy-scope';
import { proxyConfigFamily } from './proxy-config';
import { serviceEntryFamily } from './service-entries';
import type { CheckFamily } from './sink';
import { vsDestinationFamily } from './vs-destinations';
import { vsGatewayFamily } from './vs-gateways';
import { vsRuleFamily } from './vs-rules';
import { workloadFamily } from './workloads';

export const CHECK_FAMILIES: readonly CheckFamily[] = [
  vsDestinationFamily,
  vsGatewayFamily,
  vsRuleFamily,
  destinationRuleFamily,
  gatewayFamily,
  gatewayApiFamily,
  serviceEntryFamily,
  authorizationFamily,
  policyScopeFamily,
  proxyConfigFamily,
  workloadFamily,
  configMetaFamily,
];
