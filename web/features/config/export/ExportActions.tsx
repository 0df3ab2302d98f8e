import { useState } from 'react';
import type { KindInfo } from '../../../../mesh/kinds';
import type { KubeObject } from '../../../api';
import { exportFileName, exportYaml } from './export-file';

/** "Download YAML" and "Copy for kubectl apply": the object cleaned of what the server owns. */
export function ExportActions({ kind, object }: { kind: KindInfo; object: KubeObject }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | undefined>();

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportYaml(object)], { type: 'application/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(kind, object);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(exportYaml(object));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(undefined), 2500);
  };

  return (
    <>
      <button type="button" className="button" onClick={download} title={`Save as ${exportFileName(kind, object)}`}>
        Download YAML
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void copy()}
        title="Copies the YAML without status, managedFields, resourceVersion and other server-owned fields"
      >
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed: use Download' : 'Copy for kubectl apply'}
      </button>
      <span role="status" className="visually-hidden">
        {copied === 'copied' ? 'YAML copied to the clipboard' : ''}
      </span>
    </>
  );
}
