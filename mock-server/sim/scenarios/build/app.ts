/** The common application shape: a ServiceAccount, a Service over all versions, a Deployment per version. */
import type { LatencyProfile, SidecarMode, SimProtocol, SimWorkload } from '../../model';
import type { ScenarioBuilder } from './builder';
import { service, serviceAccount } from './kube-objects';
import { addWorkload } from './workload';

export interface AppPort {
  /** Service port name; Istio reads the protocol from its prefix. */
  name: string;
  port: number;
  /** Defaults to `port`. */
  containerPort?: number;
  appProtocol?: string;
}

export interface AppVersion {
  version: string;
  replicas: number;
  image: string;
  latency: LatencyProfile;
  errorRate?: number;
  /** Defaults to `${app}-${version}`. */
  deploymentName?: string;
}

export interface AppInput {
  namespace: string;
  app: string;
  /** Defaults to the app name. */
  serviceAccount?: string;
  /** Defaults to the app name. */
  containerName?: string;
  protocol: SimProtocol;
  /** The port it serves; without one (a pure client) it gets no Service. */
  port?: AppPort;
  /** Also a Service per version, `${app}-${version}`, as Gateway API weighted routes need. */
  perVersionServices?: boolean;
  sidecar: SidecarMode;
  versions: AppVersion[];
  ageSeconds: number;
}

export function addApp(b: ScenarioBuilder, input: AppInput): SimWorkload[] {
  const { namespace, app, port, ageSeconds } = input;
  const account = input.serviceAccount ?? app;
  b.add(serviceAccount(b, namespace, account, ageSeconds, { account: app }));
  if (port) {
    const ports = [
      {
        name: port.name,
        port: port.port,
        targetPort: port.containerPort ?? port.port,
        ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}),
      },
    ];
    b.add(service(b, { namespace, name: app, selector: { app }, ports, labels: { app, service: app }, ageSeconds }));
    if (input.perVersionServices) {
      for (const { version } of input.versions) {
        const name = `${app}-${version}`;
        const labels = { app, version, service: name };
        b.add(service(b, { namespace, name, selector: { app, version }, ports, labels, ageSeconds }));
      }
    }
  }
  const containerPort = port ? (port.containerPort ?? port.port) : undefined;
  return input.versions.map((v) =>
    addWorkload(b, {
      namespace,
      name: v.deploymentName ?? `${app}-${v.version}`,
      app,
      version: v.version,
      serviceAccount: account,
      replicas: v.replicas,
      containers: [
        {
          name: input.containerName ?? app,
          image: v.image,
          ...(containerPort !== undefined ? { ports: [{ containerPort }] } : {}),
        },
      ],
      sidecar: input.sidecar,
      protocol: input.protocol,
      ...(containerPort !== undefined ? { port: containerPort } : {}),
      latency: v.latency,
      errorRate: v.errorRate,
      ageSeconds: ageSeconds - 30,
    }),
  );
}
