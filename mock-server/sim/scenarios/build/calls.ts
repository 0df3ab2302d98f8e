/** Shorthands for writing call graphs as tables. */
import {
  serviceHost,
  type SimFanOutCall,
  type SimProtocol,
  type SimRootCall,
  type WorkloadKey,
  type EXTERNAL_ORIGIN,
} from '../../model';

/** Where a call goes: a Service port (or an external host) and the protocol spoken there. */
export interface CallTarget {
  host: string;
  port: number;
  protocol: SimProtocol;
  authority?: string;
}

export interface CallRequest {
  method: string;
  path: string;
}

export function toService(name: string, namespace: string, port: number, protocol: SimProtocol): CallTarget {
  return { host: serviceHost(name, namespace), port, protocol };
}

export const get = (path: string): CallRequest => ({ method: 'GET', path });
export const post = (path: string): CallRequest => ({ method: 'POST', path });
/** A unary gRPC method, `/package.Service/Method`. */
export const rpc = (path: string): CallRequest => ({ method: 'POST', path });

function base(to: CallTarget, request?: CallRequest) {
  return {
    toHost: to.host,
    port: to.port,
    protocol: to.protocol,
    ...(request ? { method: request.method, path: request.path } : {}),
    ...(to.authority ? { authority: to.authority } : {}),
  };
}

export function rootCall(
  from: WorkloadKey | typeof EXTERNAL_ORIGIN,
  to: CallTarget,
  rps: number,
  request?: CallRequest,
): SimRootCall {
  return { from, ...base(to, request), rps };
}

export function fanOutCall(from: WorkloadKey, to: CallTarget, fanOut: number, request?: CallRequest): SimFanOutCall {
  return { from, ...base(to, request), fanOut };
}
