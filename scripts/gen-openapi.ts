/**
 * Generates the OpenAPI v3 schemas the mock API server serves (mock-server/kube/openapi-schemas/)
 * from the declaration files and compiled validators of the @kubernetes-models packages.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { isModelClass, modelErrors } from '../mock-server/kube/admission/model-validation';
import { META_V1 } from '../mock-server/kube/openapi/schema-names';
import { REF_PREFIX, type OpenApiSchema } from '../mock-server/kube/openapi/schema-types';
import { asKindSchema } from './openapi/kind-schema';
import { applyProbeErrors, sampleValue } from './openapi/probe';
import { serializeSchemaFile, toSchemaFiles } from './openapi/schema-files';
import { EXTRA_DEFINITIONS, isCrdTarget, kindTargets, type KindTarget } from './openapi/targets';
import { SchemaConverter } from './openapi/type-to-schema';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'mock-server/kube/openapi-schemas');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/** Time fields are plain strings in the models; the server documents their format. */
const FORMATS: Readonly<Record<string, string>> = {
  [`${META_V1}.Time`]: 'date-time',
  [`${META_V1}.MicroTime`]: 'date-time',
};

function resolveModule(specifier: string): string {
  const resolved = ts.resolveModuleName(specifier, path.join(ROOT, 'index.ts'), COMPILER_OPTIONS, ts.sys);
  const file = resolved.resolvedModule?.resolvedFileName;
  if (!file) throw new Error(`cannot resolve ${specifier}`);
  return file;
}

function exportedSymbol(program: ts.Program, file: string, name: string): ts.Symbol {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} does not export ${name}`);
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function convertAll(targets: readonly KindTarget[]): Map<string, OpenApiSchema> {
  const modules = [...targets, ...EXTRA_DEFINITIONS].map((t) => t.module);
  const files = new Map(modules.map((m) => [m, resolveModule(m)]));
  const program = ts.createProgram([...new Set(files.values())], COMPILER_OPTIONS);
  const converter = new SchemaConverter(program.getTypeChecker());
  const symbolOf = (t: { module: string; interfaceName: string }) =>
    exportedSymbol(program, files.get(t.module) ?? '', t.interfaceName);

  const crds = new Map<string, OpenApiSchema>();
  for (const target of targets) {
    const symbol = symbolOf(target);
    if (isCrdTarget(target)) crds.set(target.definition, asKindSchema(converter.inline(symbol)));
    else converter.reference(symbol);
  }
  for (const extra of EXTRA_DEFINITIONS) converter.reference(symbolOf(extra));

  const definitions = new Map([...converter.definitions, ...crds]);
  for (const target of targets) {
    const schema = definitions.get(target.definition);
    if (schema && !isCrdTarget(target)) definitions.set(target.definition, asKindSchema(schema));
  }
  for (const [name, format] of Object.entries(FORMATS)) {
    const schema = definitions.get(name);
    if (schema) schema.format = format;
  }
  return definitions;
}

async function probeAll(targets: readonly KindTarget[], definitions: Map<string, OpenApiSchema>): Promise<void> {
  const lookup = (name: string) => definitions.get(name);
  for (const target of targets) {
    const exports: Record<string, unknown> = await import(target.module);
    const Model = exports[target.info.kind];
    if (!isModelClass(Model)) throw new Error(`${target.module} has no model class ${target.info.kind}`);
    const root: OpenApiSchema = { $ref: REF_PREFIX + target.definition };
    applyProbeErrors(root, modelErrors(Model, sampleValue(root, lookup)), lookup);
  }
}

function writeFiles(definitions: Map<string, OpenApiSchema>): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const written = new Set<string>();
  for (const [pkg, file] of toSchemaFiles(definitions)) {
    const name = `${pkg}.json`;
    writeFileSync(path.join(OUT_DIR, name), serializeSchemaFile(file));
    written.add(name);
  }
  for (const stale of readdirSync(OUT_DIR).filter((f) => f.endsWith('.json') && !written.has(f))) {
    rmSync(path.join(OUT_DIR, stale));
  }
  console.log(`wrote ${written.size} files, ${definitions.size} definitions to ${path.relative(ROOT, OUT_DIR)}`);
}

const targets = kindTargets();
const definitions = convertAll(targets);
await probeAll(targets, definitions);
writeFiles(definitions);
