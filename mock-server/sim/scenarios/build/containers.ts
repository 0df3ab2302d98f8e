/** Container specs as scenarios describe them, and as they appear in a pod or pod template. */

export interface ContainerPortSpec {
  name?: string;
  containerPort: number;
}

export interface ContainerSpec {
  name: string;
  image: string;
  args?: string[];
  ports?: ContainerPortSpec[];
  /** Defaults to a small request (100m CPU, 128Mi memory) and no limits. */
  resources?: ResourceSpec;
}

export interface ResourceSpec {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

const DEFAULT_RESOURCES: ResourceSpec = { requests: { cpu: '100m', memory: '128Mi' } };

export function renderContainer(spec: ContainerSpec): Record<string, unknown> {
  const container: Record<string, unknown> = {
    name: spec.name,
    image: spec.image,
    imagePullPolicy: 'IfNotPresent',
  };
  if (spec.args) container.args = [...spec.args];
  if (spec.ports?.length) {
    container.ports = spec.ports.map((p) => ({ ...p, protocol: 'TCP' }));
  }
  const resources = spec.resources ?? DEFAULT_RESOURCES;
  container.resources = {
    ...(resources.requests ? { requests: { ...resources.requests } } : {}),
    ...(resources.limits ? { limits: { ...resources.limits } } : {}),
  };
  return container;
}
