import type { KindInfo } from '../../../../mesh/kinds';
import type { KubeObject, StatusCause } from '../../../../mesh/kube-types';
import { authorizationPolicyRule } from './authorization-policy';
import { destinationRuleRule } from './destination-rule';
import { gatewayRule } from './gateway';
import { peerAuthenticationRule } from './peer-authentication';
import { requestAuthenticationRule } from './request-authentication';
import { serviceEntryRule } from './service-entry';
import { sidecarRule } from './sidecar';
import { virtualServiceRule } from './virtual-service';
import type { Rule } from './types';

/** The rules of Istio's validating webhook, by "group/Kind"; kinds without an entry have none. */
const RULES: Readonly<Record<string, Rule>> = {
  'networking.istio.io/VirtualService': virtualServiceRule,
  'networking.istio.io/DestinationRule': destinationRuleRule,
  'networking.istio.io/Gateway': gatewayRule,
  'networking.istio.io/ServiceEntry': serviceEntryRule,
  'networking.istio.io/Sidecar': sidecarRule,
  'security.istio.io/PeerAuthentication': peerAuthenticationRule,
  'security.istio.io/AuthorizationPolicy': authorizationPolicyRule,
  'security.istio.io/RequestAuthentication': requestAuthenticationRule,
};

export function webhookCauses(info: KindInfo, obj: KubeObject): StatusCause[] {
  return RULES[`${info.group}/${info.kind}`]?.(obj) ?? [];
}
