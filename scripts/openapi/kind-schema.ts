import { OBJECT_META } from '../../mock-server/kube/openapi/schema-names';
import { REF_PREFIX, type OpenApiSchema } from '../../mock-server/kube/openapi/schema-types';
import { describe } from '../../mock-server/kube/openapi/describe';

const API_VERSION_DOC =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DOC =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const METADATA_DOC =
  "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/**
 * The models type apiVersion and kind as literals and leave metadata undocumented; the server
 * describes every kind's type fields the same way, so they are replaced here.
 */
export function asKindSchema(schema: OpenApiSchema): OpenApiSchema {
  const required = schema.required?.filter((name) => name !== 'apiVersion' && name !== 'kind');
  const result: OpenApiSchema = {
    ...schema,
    properties: {
      ...schema.properties,
      apiVersion: { description: API_VERSION_DOC, type: 'string' },
      kind: { description: KIND_DOC, type: 'string' },
      metadata: describe({ $ref: REF_PREFIX + OBJECT_META }, METADATA_DOC),
    },
  };
  if (required?.length) result.required = required;
  else delete result.required;
  result.properties = Object.fromEntries(Object.entries(result.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
  return result;
}
