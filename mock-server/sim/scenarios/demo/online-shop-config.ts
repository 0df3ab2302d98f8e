/**
 * Online Boutique's mesh config, the Gateway API way: a Gateway and HTTPRoute at the edge, a
 * weighted GRPCRoute between per-version Services, plus the Istio resources the Gateway API has
 * no word for (resilience, egress, rate limiting, JWT and mTLS policy).
 */
import { localRateLimitPatch } from '../../../../mesh/routing/local-rate-limit';
import type { ScenarioBuilder } from '../build/builder';
import { NETWORKING, SECURITY, configObject } from '../build/config';
import { addIstioGateway, route } from '../build/gateway-api';
import { destinationRule } from '../build/routing';
import { RECOMMENDATION_APP, RECOMMENDATION_PORT, RECOMMENDATION_VERSIONS, SHOP_NS } from './online-shop-apps';

const GATEWAY = 'shop-gateway';
/** The Service Istio deploys for the Gateway. */
export const SHOP_GATEWAY_SERVICE = `${GATEWAY}-istio`;
export const SHOP_LOAD_BALANCER_IP = '172.18.255.201';
export const STRIPE_HOST = 'api.stripe.com';
const FRONTEND_PORT = 80;
const RECOMMENDATION_WEIGHTS: Record<string, number> = { v1: 80, v2: 20 };

function addGatewayApiRouting(b: ScenarioBuilder, ageSeconds: number): void {
  addIstioGateway(b, {
    namespace: SHOP_NS,
    name: GATEWAY,
    className: 'istio',
    listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
    loadBalancerIP: SHOP_LOAD_BALANCER_IP,
    attachedRoutes: 1,
    ageSeconds,
  });
  b.add(
    route(b, 'HTTPRoute', {
      namespace: SHOP_NS,
      name: 'frontend',
      parentRefs: [{ name: GATEWAY, sectionName: 'http' }],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: 'frontend', port: FRONTEND_PORT }],
        },
      ],
      ageSeconds,
    }),
    // Mesh (GAMMA) routing: the parent is the Service clients call, the backends its per-version Services.
    route(b, 'GRPCRoute', {
      namespace: SHOP_NS,
      name: RECOMMENDATION_APP,
      parentRefs: [{ kind: 'Service', name: RECOMMENDATION_APP, port: RECOMMENDATION_PORT.port }],
      rules: [
        {
          matches: [{ method: { type: 'Exact', service: 'hipstershop.RecommendationService' } }],
          backendRefs: RECOMMENDATION_VERSIONS.map(({ version }) => ({
            name: `${RECOMMENDATION_APP}-${version}`,
            port: RECOMMENDATION_PORT.port,
            weight: RECOMMENDATION_WEIGHTS[version] ?? 0,
          })),
        },
      ],
      ageSeconds: ageSeconds - 3600,
    }),
  );
}

/** Istio's local rate limit recipe: a token bucket in the frontend's inbound HTTP filter chain. */
const LOCAL_RATE_LIMIT_PATCH = localRateLimitPatch({
  stat_prefix: 'http_local_rate_limiter',
  // About 6.7 requests a second per pod: a little under what the demo offers, so some are refused.
  token_bucket: { max_tokens: 20, tokens_per_fill: 20, fill_interval: '3s' },
  filter_enabled: {
    runtime_key: 'local_rate_limit_enabled',
    default_value: { numerator: 100, denominator: 'HUNDRED' },
  },
  filter_enforced: {
    runtime_key: 'local_rate_limit_enforced',
    default_value: { numerator: 100, denominator: 'HUNDRED' },
  },
  response_headers_to_add: [
    { append_action: 'OVERWRITE_IF_EXISTS_OR_ADD', header: { key: 'x-local-rate-limit', value: 'true' } },
  ],
});

function addTrafficPolicy(b: ScenarioBuilder, ageSeconds: number): void {
  b.add(
    destinationRule(b, {
      namespace: SHOP_NS,
      host: 'currencyservice',
      trafficPolicy: {
        connectionPool: {
          tcp: { maxConnections: 100, connectTimeout: '1s' },
          http: { http2MaxRequests: 1000, maxRequestsPerConnection: 10 },
        },
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
      },
      ageSeconds,
    }),
    configObject(b, NETWORKING, 'ServiceEntry', {
      namespace: SHOP_NS,
      name: 'stripe-api',
      spec: {
        hosts: [STRIPE_HOST],
        ports: [{ number: 443, name: 'tls', protocol: 'TLS' }],
        location: 'MESH_EXTERNAL',
        resolution: 'DNS',
      },
      ageSeconds,
    }),
    // Proxies here only learn about their own namespace and istio-system, and reach nothing unregistered.
    configObject(b, NETWORKING, 'Sidecar', {
      namespace: SHOP_NS,
      name: 'default',
      spec: {
        egress: [{ hosts: ['./*', 'istio-system/*'] }],
        outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
      },
      ageSeconds,
    }),
    configObject(b, NETWORKING, 'EnvoyFilter', {
      namespace: SHOP_NS,
      name: 'frontend-local-ratelimit',
      spec: { workloadSelector: { labels: { app: 'frontend' } }, configPatches: [LOCAL_RATE_LIMIT_PATCH] },
      ageSeconds,
    }),
  );
}

function addSecurity(b: ScenarioBuilder, ageSeconds: number): void {
  const frontend = { matchLabels: { app: 'frontend' } };
  b.add(
    configObject(b, SECURITY, 'PeerAuthentication', {
      namespace: SHOP_NS,
      name: 'default',
      spec: { mtls: { mode: 'STRICT' } },
      ageSeconds,
    }),
    configObject(b, SECURITY, 'RequestAuthentication', {
      namespace: SHOP_NS,
      name: 'frontend-jwt',
      spec: {
        selector: frontend,
        jwtRules: [
          {
            issuer: 'testing@secure.istio.io',
            jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.24/security/tools/jwt/samples/jwks.json',
            forwardOriginalToken: true,
          },
        ],
      },
      ageSeconds,
    }),
    // RequestAuthentication only rejects bad tokens; this makes a token mandatory under /api.
    configObject(b, SECURITY, 'AuthorizationPolicy', {
      namespace: SHOP_NS,
      name: 'frontend-require-jwt',
      spec: {
        selector: frontend,
        action: 'DENY',
        rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { paths: ['/api/*'] } }] }],
      },
      ageSeconds,
    }),
  );
}

export function addOnlineShopConfig(b: ScenarioBuilder, ageSeconds: number): void {
  addGatewayApiRouting(b, ageSeconds);
  addTrafficPolicy(b, ageSeconds);
  addSecurity(b, ageSeconds);
}
