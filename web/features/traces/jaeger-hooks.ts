/** The Jaeger lists the search form offers: services that reported spans, and a service's operations. */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTelemetryClients } from '../../api/telemetry-clients';

const LIST_STALE_MS = 60_000;

export function useJaegerServices(): UseQueryResult<readonly string[]> {
  const { jaeger } = useTelemetryClients();
  return useQuery({
    queryKey: ['jaeger', 'services', jaeger.baseUrl],
    queryFn: ({ signal }) => jaeger.services(signal),
    staleTime: LIST_STALE_MS,
    retry: 1,
  });
}

export function useJaegerOperations(service: string): UseQueryResult<readonly string[]> {
  const { jaeger } = useTelemetryClients();
  return useQuery({
    queryKey: ['jaeger', 'operations', jaeger.baseUrl, service],
    queryFn: ({ signal }) => jaeger.operations(service, signal),
    enabled: Boolean(service),
    staleTime: LIST_STALE_MS,
    retry: 1,
  });
}
