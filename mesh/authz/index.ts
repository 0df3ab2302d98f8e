/** Security semantics of an Istio mesh: PeerAuthentication modes and AuthorizationPolicy decisions. */

export { authorizationPoliciesFor, evaluateAuthorization } from './evaluate';
export { evaluatePeerAuthentication, resolvePeerAuthentication, type PeerAuthenticationLevel, type PeerAuthenticationResult } from './peer-authentication';
export type * from './types';
