/** The standard Istio label set of one report line. */
import { UNKNOWN, type IstioLabel } from '../../../mesh/telemetry';
import type { SimCall, SimWorkload } from '../model';
import { identityOf } from './forward';
import type { ReportLine } from './plan-types';

const CLUSTER = 'Kubernetes';
const CANONICAL_NAME = 'service.istio.io/canonical-name';
const CANONICAL_REVISION = 'service.istio.io/canonical-revision';

type IstioLabels = Partial<Record<IstioLabel, string>>;

function peer(workload: SimWorkload | undefined, side: 'source' | 'destination', principalKnown: boolean): IstioLabels {
  if (!workload) {
    return {
      [`${side}_workload`]: UNKNOWN,
      [`${side}_workload_namespace`]: UNKNOWN,
      [`${side}_principal`]: UNKNOWN,
      [`${side}_app`]: UNKNOWN,
      [`${side}_version`]: UNKNOWN,
      [`${side}_canonical_service`]: UNKNOWN,
      [`${side}_canonical_revision`]: UNKNOWN,
      [`${side}_cluster`]: UNKNOWN,
    };
  }
  return {
    [`${side}_workload`]: workload.name,
    [`${side}_workload_namespace`]: workload.namespace,
    [`${side}_principal`]: principalKnown ? `spiffe://${identityOf(workload)}` : UNKNOWN,
    [`${side}_app`]: workload.labels.app ?? UNKNOWN,
    [`${side}_version`]: workload.labels.version ?? UNKNOWN,
    [`${side}_canonical_service`]: workload.labels[CANONICAL_NAME] ?? workload.app,
    [`${side}_canonical_revision`]: workload.labels[CANONICAL_REVISION] ?? workload.version,
    [`${side}_cluster`]: CLUSTER,
  };
}

/** Labels for HTTP/gRPC metrics, or (`tcp`) without response_code and grpc_response_status. */
export function istioLabels(caller: SimWorkload | undefined, call: SimCall, line: ReportLine): Record<string, string> {
  const labels: IstioLabels = {
    reporter: line.reporter,
    ...peer(caller, 'source', line.peerAuthenticated),
    ...peer(line.destination, 'destination', line.peerAuthenticated),
    destination_service: line.service.host,
    destination_service_name: line.service.name,
    destination_service_namespace: line.service.namespace,
    request_protocol: call.protocol,
    response_flags: line.responseFlags,
    connection_security_policy: line.security,
  };
  if (call.protocol !== 'tcp') {
    labels.response_code = String(line.responseCode);
    labels.grpc_response_status = line.grpcStatus;
  }
  return labels;
}
