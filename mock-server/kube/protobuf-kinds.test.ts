import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { decodeKubeProtobuf } from './protobuf-kinds';

/** Bodies as kubectl 1.32 sends them: `create namespace demo`, `create configmap cfg --from-literal=a=1 --from-literal=b=two`,
 * `create deployment web --image=nginx:1 --replicas=2 --port=80`, `create service clusterip svc1 --tcp=80:8080`. */
const NAMESPACE = '6b3873000a0f0a02763112094e616d657370616365121c0a140a0464656d6f12001a0022002a0032003800420012001a020a001a002200';
const CONFIGMAP =
  '6b3873000a0f0a0276311209436f6e6669674d6170122e0a1a0a0363666712001a0764656661756c7422002a0032003800420012060a016112013112080a0162120374776f1a002200';

const DEPLOYMENT =
  '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412ba010a1f0a0377656212001a0022002a003200380042005a0a0a0361707012037765621288010802120c0a0a0a0361707012037765621a6e0a1c0a0012001a0022002a003200380042005a0a0a036170701203776562124e12300a056e67696e7812076e67696e783a312a00320a0a001000185022002a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200';
const SERVICE =
  '6b3873000a0d0a027631120753657276696365126c0a210a047376633112001a0022002a003200380042005a0b0a0361707012047376633112430a1b0a0738302d38303830120354435018502207080010903f1a002800120b0a036170701204737663311a002209436c757374657249503a00420052005a00600068001a020a001a002200';

function bytes(hex: string): Buffer {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex');
}

describe('protobuf bodies', () => {
  it('decodes a namespace', () => {
    expect(decodeKubeProtobuf(bytes(NAMESPACE))).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
  });

  it('decodes a config map with its data', () => {
    expect(decodeKubeProtobuf(bytes(CONFIGMAP))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', namespace: 'default' },
      data: { a: '1', b: 'two' },
    });
  });

  it('decodes `kubectl create deployment` and `kubectl create service`', () => {
    expect(decodeKubeProtobuf(bytes(DEPLOYMENT))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1', ports: [{ containerPort: 80 }] }] } },
      },
    });
    expect(decodeKubeProtobuf(bytes(SERVICE))).toMatchObject({
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'svc1' }, type: 'ClusterIP' },
    });
  });

  it('refuses what it cannot decode faithfully with 415', () => {
    expect(() => decodeKubeProtobuf(Buffer.from('not protobuf'))).toThrow(ApiError);
    const unknownKind = bytes('6b3873000a0c0a0276311206536563726574 1200');
    expect(() => decodeKubeProtobuf(unknownKind)).toThrow(/cannot decode v1 Secret/);
  });
});
