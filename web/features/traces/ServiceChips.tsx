import { serviceColor } from './service-color';

/** Services with their span counts, the first few as chips and the rest counted (a big trace has dozens). */
export function ServiceChips({ services, max = 8 }: { services: readonly { name: string; spans: number }[]; max?: number }) {
  const hidden = services.slice(max);
  return (
    <span className="trace-service-chips">
      {services.slice(0, max).map((service) => (
        <span key={service.name} className="trace-service-chip" style={{ borderColor: serviceColor(service.name) }}>
          {service.name} ({service.spans})
        </span>
      ))}
      {hidden.length > 0 ? (
        <span className="trace-service-more subtle" title={hidden.map((s) => `${s.name} (${s.spans})`).join('\n')}>
          +{hidden.length} more
        </span>
      ) : null}
    </span>
  );
}
