/**
 * A realistic starting point for every config kind, valid as written (the mock API server's schemas
 * and Istio's webhook rules accept each one), to be adapted before applying.
 */
import { CONFIG_KINDS, apiVersionOf, kindId } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';

type Template = (namespace: string) => string;

const TEMPLATES: Readonly<Record<string, Template>> = {
  'virtualservices.networking.istio.io': (ns) => `metadata:
  name: reviews
  namespace: ${ns}
spec:
  hosts:
    - reviews
  http:
    - match:
        - headers:
            end-user:
              exact: jason
      route:
        - destination:
            host: reviews
            subset: v2
    - route:
        - destination:
            host: reviews
            subset: v1
          weight: 90
        - destination:
            host: reviews
            subset: v2
          weight: 10
      timeout: 5s
      retries:
        attempts: 3
        perTryTimeout: 2s
`,
  'destinationrules.networking.istio.io': (ns) => `metadata:
  name: reviews
  namespace: ${ns}
spec:
  host: reviews
  trafficPolicy:
    loadBalancer:
      simple: LEAST_REQUEST
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 30s
      baseEjectionTime: 60s
  subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
`,
  'gateways.networking.istio.io': (ns) => `metadata:
  name: public-gateway
  namespace: ${ns}
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 80
        name: http
        protocol: HTTP
      hosts:
        - app.example.com
`,
  'serviceentries.networking.istio.io': (ns) => `metadata:
  name: external-api
  namespace: ${ns}
spec:
  hosts:
    - api.example.com
  ports:
    - number: 443
      name: https
      protocol: TLS
  resolution: DNS
  location: MESH_EXTERNAL
`,
  'sidecars.networking.istio.io': (ns) => `metadata:
  name: default
  namespace: ${ns}
spec:
  egress:
    - hosts:
        - ./*
        - istio-system/*
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
`,
  'workloadentries.networking.istio.io': (ns) => `metadata:
  name: legacy-vm-1
  namespace: ${ns}
spec:
  address: 10.128.0.17
  labels:
    app: legacy
    version: v1
  serviceAccount: legacy
  ports:
    http: 8080
`,
  'workloadgroups.networking.istio.io': (ns) => `metadata:
  name: legacy
  namespace: ${ns}
spec:
  metadata:
    labels:
      app: legacy
  template:
    serviceAccount: legacy
    ports:
      http: 8080
  probe:
    httpGet:
      path: /healthz
      port: 8080
`,
  'envoyfilters.networking.istio.io': (ns) => `metadata:
  name: max-header-size
  namespace: ${ns}
spec:
  workloadSelector:
    labels:
      app: frontend
  configPatches:
    - applyTo: NETWORK_FILTER
      match:
        context: SIDECAR_INBOUND
        listener:
          filterChain:
            filter:
              name: envoy.filters.network.http_connection_manager
      patch:
        operation: MERGE
        value:
          typed_config:
            "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
            max_request_headers_kb: 96
`,
  'proxyconfigs.networking.istio.io': (ns) => `metadata:
  name: proxy-tuning
  namespace: ${ns}
spec:
  concurrency: 2
  environmentVariables:
    ISTIO_META_DNS_CAPTURE: "true"
`,
  'peerauthentications.security.istio.io': (ns) => `metadata:
  name: default
  namespace: ${ns}
spec:
  mtls:
    mode: STRICT
`,
  'authorizationpolicies.security.istio.io': (ns) => `metadata:
  name: frontend-to-cart
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: cart
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
              - cluster.local/ns/${ns}/sa/frontend
      to:
        - operation:
            methods:
              - GET
              - POST
            paths:
              - /cart/*
`,
  'requestauthentications.security.istio.io': (ns) => `metadata:
  name: frontend-jwt
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: frontend
  jwtRules:
    - issuer: https://accounts.example.com
      jwksUri: https://accounts.example.com/.well-known/jwks.json
`,
  'telemetries.telemetry.istio.io': (ns) => `metadata:
  name: observability
  namespace: ${ns}
spec:
  accessLogging:
    - providers:
        - name: envoy
  tracing:
    - randomSamplingPercentage: 10
`,
  'wasmplugins.extensions.istio.io': (ns) => `metadata:
  name: basic-auth
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: frontend
  url: oci://ghcr.io/istio-ecosystem/wasm-extensions/basic_auth:1.12.0
  phase: AUTHN
  pluginConfig:
    basic_auth_rules:
      - prefix: /admin
        request_methods:
          - GET
        credentials:
          - ok:test
`,
  'gatewayclasses.gateway.networking.k8s.io': () => `metadata:
  name: istio-internal
spec:
  controllerName: istio.io/gateway-controller
  description: Internal gateways run by Istio
`,
  'gateways.gateway.networking.k8s.io': (ns) => `metadata:
  name: web-gateway
  namespace: ${ns}
spec:
  gatewayClassName: istio
  listeners:
    - name: http
      hostname: app.example.com
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: Same
`,
  'httproutes.gateway.networking.k8s.io': (ns) => `metadata:
  name: web
  namespace: ${ns}
spec:
  parentRefs:
    - name: web-gateway
  hostnames:
    - app.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: frontend
          port: 80
          weight: 90
        - name: frontend-canary
          port: 80
          weight: 10
`,
  'grpcroutes.gateway.networking.k8s.io': (ns) => `metadata:
  name: catalog
  namespace: ${ns}
spec:
  parentRefs:
    - name: web-gateway
  rules:
    - matches:
        - method:
            service: shop.Catalog
            method: ListProducts
      backendRefs:
        - name: catalog
          port: 9090
`,
  'referencegrants.gateway.networking.k8s.io': (ns) => `metadata:
  name: allow-routes-from-apps
  namespace: ${ns}
spec:
  from:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      namespace: apps
  to:
    - group: ""
      kind: Service
`,
};

/** The kinds with a template, in the order of CONFIG_KINDS. */
export const TEMPLATE_KINDS: readonly KindInfo[] = CONFIG_KINDS.filter((kind) => TEMPLATES[kindId(kind)]);

/** A template for `kind` as YAML, in `namespace` when the kind is namespaced. */
export function templateFor(kind: KindInfo, namespace: string): string {
  const body = TEMPLATES[kindId(kind)]?.(namespace) ?? `metadata:\n  name: example\n${kind.namespaced ? `  namespace: ${namespace}\n` : ''}spec: {}\n`;
  return `apiVersion: ${apiVersionOf(kind)}\nkind: ${kind.kind}\n${body}`;
}
