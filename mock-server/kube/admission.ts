import { apiVersionOf, type KindInfo } from '../../mesh/kinds';
import type { KubeObject, StatusCause } from '../../mesh/kube-types';
import { metadataCauses } from './admission/metadata';
import { modelErrors } from './admission/model-validation';
import { modelClassFor } from './admission/models';
import { webhookCauses } from './admission/rules';
import { schemaCauses } from './admission/schema-errors';
import { definitionName } from './openapi/schema-names';
import { lookupDefinition } from './openapi/schema-pool';

/**
 * Validates an object as the API server and Istio's validating webhook would on create and
 * update: object metadata, then the kind's schema, then (only if both pass, as the webhook
 * is called after the server's own validation) the single-object rules of the webhook.
 * Returns the causes of a 422 Invalid response; none means the object is valid.
 */
export function validateObject(info: KindInfo, version: string, obj: KubeObject): StatusCause[] {
  const causes = [...metadataCauses(info, obj), ...schemaValidation(info, version, obj)];
  return causes.length > 0 ? causes : webhookCauses(info, obj);
}

function schemaValidation(info: KindInfo, version: string, obj: KubeObject): StatusCause[] {
  const Model = modelClassFor(info.group, version, info.kind);
  if (!Model) return [];
  // Type fields are the request's business (a mismatch is a 400, not a 422): validate as this version.
  const errors = modelErrors(Model, { ...obj, apiVersion: apiVersionOf(info, version), kind: info.kind });
  if (errors.length === 0) return [];
  const root = lookupDefinition(definitionName(info.group, version, info.kind));
  return schemaCauses(errors, obj, root, lookupDefinition);
}
