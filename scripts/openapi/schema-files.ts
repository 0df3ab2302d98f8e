import type { OpenApiSchema, SchemaFile } from '../../mock-server/kube/openapi/schema-types';

/** "io.istio.networking.v1.VirtualService" → "io.istio.networking.v1": one file per package. */
export function packageOf(definition: string): string {
  return definition.slice(0, definition.lastIndexOf('.'));
}

function typeNameOf(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/**
 * Splits definitions into files by package. A definition identical to an earlier one of the same
 * type name (the same kind served at several versions) is stored once and aliased.
 */
export function toSchemaFiles(definitions: ReadonlyMap<string, OpenApiSchema>): Map<string, SchemaFile> {
  const files = new Map<string, SchemaFile>();
  const firstByContent = new Map<string, string>();
  for (const [name, schema] of definitions) {
    const file = files.get(packageOf(name)) ?? { definitions: {} };
    files.set(packageOf(name), file);
    const key = `${typeNameOf(name)}\0${JSON.stringify(schema)}`;
    const original = firstByContent.get(key);
    if (original) {
      file.aliases = { ...file.aliases, [name]: original };
    } else {
      firstByContent.set(key, name);
      file.definitions[name] = schema;
    }
  }
  return files;
}

/** One definition per line, sorted: compact, yet a regenerated file diffs line by line. */
export function serializeSchemaFile(file: SchemaFile): string {
  const section = (key: string, record: Record<string, unknown>) => {
    const names = Object.keys(record).sort();
    if (names.length === 0) return `"${key}": {}`;
    return `"${key}": {\n${names.map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(record[name])}`).join(',\n')}\n}`;
  };
  const sections = [section('definitions', file.definitions)];
  if (file.aliases) sections.push(section('aliases', file.aliases));
  return `{\n${sections.join(',\n')}\n}\n`;
}
