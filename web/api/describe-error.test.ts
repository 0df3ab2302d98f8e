import { describe, expect, it } from 'vitest';
import { explainError } from './describe-error';
import { ConnectionError, KubeApiError, syntheticStatus } from './errors';

const request = { method: 'GET', url: '/k8s/api/v1/pods' };
const apiError = (code: number, message: string, causes?: { field: string; message: string }[]) =>
  new KubeApiError({ ...syntheticStatus(code, message), details: causes && { causes } }, request);

describe('explainError', () => {
  it('tells what to run when the API cannot be reached', () => {
    const explanation = explainError(new ConnectionError('Cannot reach the Kubernetes API at /k8s: fetch failed', request));
    expect(explanation.title).toBe('Cannot reach the Kubernetes API at /k8s');
    expect(explanation.hint).toContain('`kubectl proxy`');
  });

  it('says what was being done and how to get permission on 403', () => {
    const explanation = explainError(apiError(403, 'pods is forbidden'), { action: 'list pods in bookinfo' });
    expect(explanation.title).toBe('Could not list pods in bookinfo: permission denied');
    expect(explanation.detail).toBe('pods is forbidden');
    expect(explanation.hint).toContain('RBAC');
  });

  it('lists the invalid fields of a 422', () => {
    const explanation = explainError(apiError(422, 'invalid', [{ field: 'spec.hosts', message: 'Required value' }]));
    expect(explanation.fields).toEqual([{ field: 'spec.hosts', message: 'Required value' }]);
  });

  it('explains 401, 404, 409 and 5xx', () => {
    expect(explainError(apiError(401, 'Unauthorized')).hint).toContain('kubectl create token');
    expect(explainError(apiError(404, 'not found')).hint).toContain('CustomResourceDefinition');
    expect(explainError(apiError(409, 'conflict')).hint).toContain('Reload the latest version');
    expect(explainError(apiError(503, 'down')).title).toContain('HTTP 503');
  });

  it('falls back to the message of anything else', () => {
    expect(explainError(new Error('boom'))).toEqual({ title: 'The request failed', detail: 'boom' });
  });
});
