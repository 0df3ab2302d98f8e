/** Pod IPs as the cluster reports them (status.podIP), so telemetry names the addresses kubectl shows. */
import { findKind } from '../../../mesh/kinds';
import type { ObjectStore } from '../../kube/store';
import { hashedPodIp, type PodAddress } from '../../jaeger/trace-builder';

const POD = findKind('', 'Pod');

/** Reads the pods once, on first use; pods the store does not know get a stable made-up address. */
export function podAddresses(store: ObjectStore): PodAddress {
  let byPod: Map<string, string> | undefined;
  return (namespace, pod) => {
    if (!byPod) {
      byPod = new Map();
      for (const obj of POD ? store.list(POD).items : []) {
        const ip = (obj.status as { podIP?: unknown } | undefined)?.podIP;
        if (typeof ip === 'string') byPod.set(`${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`, ip);
      }
    }
    return byPod.get(`${namespace}/${pod}`) ?? hashedPodIp(namespace, pod);
  };
}
