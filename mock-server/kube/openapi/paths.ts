import type { KindInfo } from '../../../mesh/kinds';
import { verbsOf } from '../discovery/served-kinds';
import { definitionName, isBuiltinGroup, STATUS } from './schema-names';
import { REF_PREFIX, type OpenApiSchema } from './schema-types';

/** The path items of one kind at one version, shaped like the real server's so clients can read them. */
export type PathItems = Record<string, PathItem>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];
type PathItem = Partial<Record<Method, Operation>> & { parameters?: Parameter[] };

interface Parameter {
  name: string;
  in: 'path' | 'query';
  description: string;
  required?: boolean;
  schema: OpenApiSchema;
  uniqueItems?: boolean;
}

interface Operation {
  tags: string[];
  description: string;
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }>; required: boolean };
  responses: Record<string, { description: string; content?: Record<string, { schema: OpenApiSchema }> }>;
  'x-kubernetes-action': string;
  'x-kubernetes-group-version-kind': { group: string; version: string; kind: string };
}

type Action = 'list' | 'post' | 'deletecollection' | 'get' | 'put' | 'patch' | 'delete';

const query = (name: string, description: string, schema: OpenApiSchema = { type: 'string' }): Parameter => ({
  name,
  in: 'query',
  description,
  schema,
  uniqueItems: true,
});

const DRY_RUN = query('dryRun', 'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed');
const FIELD_MANAGER = query('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.');
const FIELD_VALIDATION = query(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.',
);
const LIST_PARAMETERS = [
  query('allowWatchBookmarks', 'allowWatchBookmarks requests watch events with type "BOOKMARK".', { type: 'boolean' }),
  query('continue', 'The continue option should be set when retrieving more results from the server.'),
  query('fieldSelector', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  query('labelSelector', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  query('limit', 'limit is a maximum number of responses to return for a list call.', { type: 'integer' }),
  query('resourceVersion', 'resourceVersion sets a constraint on what resource versions a request may be served from.'),
  query('resourceVersionMatch', 'resourceVersionMatch determines how resourceVersion is applied to list calls.'),
  query('timeoutSeconds', 'Timeout for the list/watch call.', { type: 'integer' }),
  query('watch', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.', { type: 'boolean' }),
];
const DELETE_PARAMETERS = [
  DRY_RUN,
  query('gracePeriodSeconds', 'The duration in seconds before the object should be deleted.', { type: 'integer' }),
  query('propagationPolicy', "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."),
];
const PARAMETERS: Record<Action, Parameter[]> = {
  list: LIST_PARAMETERS,
  post: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
  deletecollection: [...DELETE_PARAMETERS, ...LIST_PARAMETERS],
  get: [],
  put: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
  patch: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, query('force', 'Force is going to "force" Apply requests.', { type: 'boolean' })],
  delete: DELETE_PARAMETERS,
};

const VERB_OF_ACTION: Record<Action, string> = {
  list: 'list',
  post: 'create',
  deletecollection: 'deletecollection',
  get: 'get',
  put: 'update',
  patch: 'patch',
  delete: 'delete',
};

const pathParameter = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  description,
  required: true,
  schema: { type: 'string' },
  uniqueItems: true,
});
const NAMESPACE = pathParameter('namespace', 'object name and auth scope, such as for teams and projects');

export function kindPaths(info: KindInfo, version: string): PathItems {
  const base = info.group === '' ? `/api/${version}` : `/apis/${info.group}/${version}`;
  const collection = info.namespaced ? `${base}/namespaces/{namespace}/${info.plural}` : `${base}/${info.plural}`;
  const scopeParameters = info.namespaced ? [NAMESPACE] : [];
  const verbs = verbsOf(info);
  const item = (parameters: Parameter[], actions: Partial<Record<Method, Action>>, namespaced = info.namespaced) => {
    const result: PathItem = {};
    for (const method of METHODS) {
      const action = actions[method];
      if (action && verbs.includes(VERB_OF_ACTION[action])) result[method] = operation(info, version, action, namespaced);
    }
    if (Object.keys(result).length > 0 && parameters.length > 0) result.parameters = parameters;
    return result;
  };

  const paths: PathItems = {
    [collection]: item(scopeParameters, { get: 'list', post: 'post', delete: 'deletecollection' }),
    [`${collection}/{name}`]: item([...scopeParameters, pathParameter('name', `name of the ${info.kind}`)], {
      get: 'get',
      put: 'put',
      patch: 'patch',
      delete: 'delete',
    }),
  };
  if (info.namespaced) paths[`${base}/${info.plural}`] = item([], { get: 'list' }, false);
  return Object.fromEntries(Object.entries(paths).filter(([, pathItem]) => Object.keys(pathItem).length > 0));
}

function operation(info: KindInfo, version: string, action: Action, namespaced: boolean): Operation {
  const gvk = { group: info.group, version, kind: info.kind };
  const ref = (name: string): OpenApiSchema => ({ $ref: REF_PREFIX + name });
  const kindRef = ref(definitionName(info.group, version, info.kind));
  const body = action === 'list' ? ref(`${definitionName(info.group, version, info.kind)}List`) : kindRef;
  const returns = action === 'delete' || action === 'deletecollection' ? ref(STATUS) : body;
  const result: Operation = {
    tags: [`${groupWords(info.group)}${capitalize(version)}`],
    description: describeAction(action, info.kind, namespaced),
    operationId: operationId(info, version, action, namespaced),
    parameters: PARAMETERS[action],
    responses: {
      '200': { description: 'OK', content: jsonAndYaml(returns) },
      ...(action === 'post' ? { '201': { description: 'Created', content: jsonAndYaml(kindRef) } } : {}),
      '401': { description: 'Unauthorized' },
    },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  };
  if (action === 'post' || action === 'put') {
    result.requestBody = { content: { '*/*': { schema: kindRef } }, required: true };
  } else if (action === 'patch') {
    const patchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
    if (isBuiltinGroup(info.group)) patchTypes.push('application/strategic-merge-patch+json');
    const schema: OpenApiSchema = { type: 'object', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.' };
    result.requestBody = { content: Object.fromEntries(patchTypes.map((t) => [t, { schema }])), required: true };
  }
  return result;
}

/** "listNetworkingIstioIoV1NamespacedVirtualService", "listCoreV1PodForAllNamespaces", as the server names them. */
function operationId(info: KindInfo, version: string, action: Action, namespaced: boolean): string {
  const scope = namespaced ? 'Namespaced' : '';
  const across = action === 'list' && !namespaced && info.namespaced ? 'ForAllNamespaces' : '';
  return `${OPERATION_VERB[action]}${groupWords(info.group)}${capitalize(version)}${scope}${info.kind}${across}`;
}

const OPERATION_VERB: Record<Action, string> = {
  list: 'list',
  post: 'create',
  deletecollection: 'deleteCollection',
  get: 'read',
  put: 'replace',
  patch: 'patch',
  delete: 'delete',
};

function describeAction(action: Action, kind: string, namespaced: boolean): string {
  const scope = action === 'list' && !namespaced ? ' across all namespaces' : '';
  const text: Record<Action, string> = {
    list: `list or watch objects of kind ${kind}${scope}`,
    post: `create a ${kind}`,
    deletecollection: `delete collection of ${kind}`,
    get: `read the specified ${kind}`,
    put: `replace the specified ${kind}`,
    patch: `partially update the specified ${kind}`,
    delete: `delete a ${kind}`,
  };
  return text[action];
}

function jsonAndYaml(schema: OpenApiSchema): Record<string, { schema: OpenApiSchema }> {
  return { 'application/json': { schema }, 'application/yaml': { schema } };
}

/** "networking.istio.io" → "NetworkingIstioIo"; built-in groups as the server names them ("Core", "Apps"). */
function groupWords(group: string): string {
  if (group === '') return 'Core';
  const name = isBuiltinGroup(group) ? group.replace(/\.k8s\.io$/, '') : group;
  return name.split(/[.-]/).map(capitalize).join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
