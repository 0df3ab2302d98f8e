import type { DetailKind } from '../../app/links';

/** Placeholder until this screen is built: a workload, service or app page with tabs. */
export function DetailPage(props: { kind: DetailKind }) {
  void props;
  return null;
}
