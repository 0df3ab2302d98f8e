import { Link } from 'react-router';
import { configPath, detailPath } from '../../app/links';
import { useCarriedSearch } from '../../app/url-state';
import { Badge, Facts, LabelList, LabelsAndPods, PanelSection, SidePanel, VersionBadges, formatCreated, useNow } from '../../ui';
import { formatPort } from './derive';
import type { ServiceRow } from './derive';
import { REFERENCE_VIA_TEXT as VIA } from '../../../mesh/references';

export function ServicePanel({ row, onClose }: { row: ServiceRow; onClose: () => void }) {
  const now = useNow();
  const search = useCarriedSearch();
  const { service } = row;
  const href = `${detailPath('service', service.namespace, service.name)}${search}`;
  return (
    <SidePanel
      title={<Link to={href}>{service.name}</Link>}
      subtitle={`Service in ${service.namespace}`}
      onClose={onClose}
      actions={
        <Link className="button" to={href} title="Overview, metrics, traces and logs of this service">
          Open
        </Link>
      }
    >
      <PanelSection title="Summary">
        <Facts
          items={[
            ['Type', service.type],
            ['Cluster IP', <span className="mono">{service.clusterIP ?? ''}</span>],
            ...(service.externalName ? [['External name', service.externalName] as const] : []),
            ['Selector', service.selector ? <LabelList labels={service.selector} /> : 'none (endpoints managed outside Kubernetes)'],
            ['Versions', row.versions.length ? <VersionBadges versions={row.versions} className="service-versions" /> : ''],
            ['Age', formatCreated(service.created, now)],
          ]}
        />
      </PanelSection>
      <PanelSection title="Ports" count={service.ports.length}>
        <Facts
          items={service.ports.map((port) => [
            port.name ?? `port ${port.port}`,
            <span className="mono">
              {formatPort(port)}
              {port.appProtocol ? ` (${port.appProtocol})` : ''}
            </span>,
          ] as const)}
        />
      </PanelSection>
      <PanelSection title="Istio config" count={row.references.length}>
        {row.references.length ? (
          <ul className="service-ref-list">
            {row.references.map((reference) => (
              <li key={`${reference.kind.plural}.${reference.kind.group}/${reference.namespace}/${reference.name}`}>
                <Badge tone="accent">{reference.kind.kind}</Badge>{' '}
                <Link to={`${configPath(reference.kind, reference.namespace, reference.name)}${search}`}>
                  {reference.namespace === service.namespace ? reference.name : `${reference.namespace}/${reference.name}`}
                </Link>{' '}
                <span className="subtle">{VIA[reference.via]}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="subtle">No VirtualService, DestinationRule, route or policy refers to this service.</span>
        )}
      </PanelSection>
      <LabelsAndPods labels={service.labels} pods={row.pods} />
    </SidePanel>
  );
}
