import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isSchemaFile, type OpenApiSchema } from './schema-types';

const SCHEMA_DIR = fileURLToPath(new URL('../openapi-schemas/', import.meta.url));

let pool: ReadonlyMap<string, OpenApiSchema> | undefined;

/** Every generated definition by name, aliases resolved; read from disk on first use. */
export function allDefinitions(): ReadonlyMap<string, OpenApiSchema> {
  pool ??= loadDefinitions(SCHEMA_DIR);
  return pool;
}

export function lookupDefinition(name: string): OpenApiSchema | undefined {
  return allDefinitions().get(name);
}

export function loadDefinitions(dir: string): Map<string, OpenApiSchema> {
  const definitions = new Map<string, OpenApiSchema>();
  const aliases: [string, string][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed: unknown = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    if (!isSchemaFile(parsed)) throw new Error(`${file} is not a schema file; regenerate it with npm run gen:openapi`);
    for (const [name, schema] of Object.entries(parsed.definitions)) definitions.set(name, schema);
    aliases.push(...Object.entries(parsed.aliases ?? {}));
  }
  for (const [alias, target] of aliases) {
    const schema = definitions.get(target);
    if (!schema) throw new Error(`schema alias ${alias} points to missing ${target}`);
    definitions.set(alias, schema);
  }
  return definitions;
}
