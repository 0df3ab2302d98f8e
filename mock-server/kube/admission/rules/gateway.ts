import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { dns1123LabelErrors } from '../names';
import { isHttpProtocol, isTlsProtocol, portCauses, protocolCauses, workloadSelectorCauses } from './common';
import { namespacedHostCauses } from './namespaced-host';
import { specAs, type GatewaySpec, type Rule, type ServerTls } from './types';

export const gatewayRule: Rule = (obj) => {
  const spec = specAs<GatewaySpec>(obj) ?? {};
  const name = obj.metadata.name ?? '';
  const servers = spec.servers ?? [];
  return [
    ...(name && dns1123LabelErrors(name).length > 0 ? [invalid('metadata.name', name, `invalid gateway name: ${JSON.stringify(name)}`)] : []),
    ...(servers.length === 0 ? [required('spec.servers', 'gateway must have at least one server')] : []),
    ...servers.flatMap((server, i) => serverCauses(`spec.servers[${i}]`, server)),
    ...duplicatePortNameCauses(servers),
    ...workloadSelectorCauses('spec.selector', spec.selector),
  ];
};

type Server = NonNullable<GatewaySpec['servers']>[number];

function serverCauses(field: string, server: Server): StatusCause[] {
  const hosts = server.hosts ?? [];
  const causes: StatusCause[] = hosts.length === 0 ? [required(`${field}.hosts`, 'server config must contain at least one host')] : [];
  hosts.forEach((host, i) => causes.push(...namespacedHostCauses(`${field}.hosts[${i}]`, host, 'gateway')));
  const port = server.port;
  if (!port) return [...causes, required(`${field}.port`, 'port is required'), ...tlsCauses(`${field}.tls`, server.tls)];
  causes.push(...portCauses(`${field}.port.number`, port.number), ...protocolCauses(`${field}.port.protocol`, port.protocol));
  if (isTlsProtocol(port.protocol) && !server.tls) {
    causes.push(required(`${field}.tls`, 'server must have TLS settings for HTTPS/TLS protocols'));
  } else if (!isTlsProtocol(port.protocol) && server.tls) {
    const onlyRedirect = server.tls.httpsRedirect && !server.tls.serverCertificate && !server.tls.privateKey && !server.tls.caCertificates;
    if (!isHttpProtocol(port.protocol)) causes.push(invalid(`${field}.tls`, 'object', 'server cannot have TLS settings for non HTTPS/TLS ports'));
    else if (!onlyRedirect) causes.push(invalid(`${field}.tls`, 'object', 'server cannot have TLS settings for plain text HTTP ports'));
  }
  return [...causes, ...tlsCauses(`${field}.tls`, server.tls)];
}

/** Certificates come from a credential (a Secret) or from files; ISTIO_MUTUAL uses the mesh's own. */
function tlsCauses(field: string, tls: ServerTls | null | undefined): StatusCause[] {
  if (!tls) return [];
  if (tls.mode === 'ISTIO_MUTUAL') {
    const set = (['serverCertificate', 'privateKey', 'caCertificates'] as const).filter((key) => tls[key]);
    return set.map((key) => invalid(`${field}.${key}`, tls[key], 'ISTIO_MUTUAL TLS cannot have associated certificates or keys'));
  }
  if ((tls.mode !== 'SIMPLE' && tls.mode !== 'MUTUAL') || tls.credentialName) return [];
  const mode = tls.mode;
  return [
    ...(tls.serverCertificate ? [] : [required(`${field}.serverCertificate`, `${mode} TLS requires a server certificate`)]),
    ...(tls.privateKey ? [] : [required(`${field}.privateKey`, `${mode} TLS requires a private key`)]),
    ...(mode === 'MUTUAL' && !tls.caCertificates ? [required(`${field}.caCertificates`, 'MUTUAL TLS requires a client CA bundle')] : []),
  ];
}

/** One port name names one port number. */
function duplicatePortNameCauses(servers: readonly Server[]): StatusCause[] {
  const numbers = new Map<string, number | undefined>();
  return servers.flatMap((server, i) => {
    const name = server.port?.name;
    if (!name) return [];
    if (numbers.has(name) && numbers.get(name) !== server.port?.number) {
      return [invalid(`spec.servers[${i}].port.name`, name, `port names in servers must be unique: duplicate name ${name}`)];
    }
    numbers.set(name, server.port?.number);
    return [];
  });
}
