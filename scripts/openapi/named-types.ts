import type ts from 'typescript';

/**
 * Built-in Kubernetes types are served as shared, named definitions (as the real API server does),
 * while CRD schemas are inlined. A declaration is built-in when it comes from one of these packages;
 * its definition name follows from the file it is declared in.
 */
const PACKAGES: readonly { marker: string; prefix: (dir: string[]) => string }[] = [
  {
    // .../@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts → io.k8s.apimachinery.pkg.apis.meta.v1
    marker: '/@kubernetes-models/apimachinery/',
    prefix: (dir) => ['io.k8s.apimachinery.pkg', ...dir].join('.'),
  },
  {
    // .../kubernetes-models/v1/PodSpec.d.ts → io.k8s.api.core.v1; .../apps/v1/ → io.k8s.api.apps.v1
    marker: '/node_modules/kubernetes-models/',
    prefix: (dir) => {
      const [group = '', version = ''] = dir.length === 1 ? ['core', dir[0]] : dir;
      return ['io.k8s.api', group.replace(/\.k8s\.io$/, ''), version].join('.');
    },
  },
];

export function builtinDefinitionName(declaration: ts.Declaration): string | undefined {
  const file = declaration.getSourceFile().fileName.replace(/\\/g, '/');
  for (const { marker, prefix } of PACKAGES) {
    const at = file.lastIndexOf(marker);
    if (at < 0) continue;
    const parts = file.slice(at + marker.length).replace(/\.d\.ts$/, '').split('/');
    const typeName = parts.pop();
    if (!typeName || parts.length === 0) return undefined;
    return `${prefix(parts)}.${typeName}`;
  }
  return undefined;
}
