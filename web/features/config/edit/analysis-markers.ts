/** Analysis findings as editor markers at the lines of their fields. Pure. */
import type { Finding } from '../../../../mesh/analysis';
import { locateInYaml } from '../../../../mesh/yaml-locate';
import type { EditorMarker } from '../../../ui/editor';

export function analysisMarkers(text: string, findings: readonly Finding[]): EditorMarker[] {
  return findings.map((finding) => {
    const range = locateInYaml(text, finding.path) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const fix = finding.fix ? ` Fix: ${finding.fix.description}` : '';
    return {
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      severity: finding.severity,
      source: 'analysis',
      code: finding.code,
      message: `${finding.message}${fix}`,
    };
  });
}
