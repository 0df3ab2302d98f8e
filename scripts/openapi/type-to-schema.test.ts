import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SchemaConverter, withoutMarkers } from './type-to-schema';

/** Converts interface `name` declared in an in-memory source file. */
function convert(source: string, name: string) {
  const fileName = '/virtual/models.ts';
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, noLib: true, types: [] };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version) =>
    file === fileName ? ts.createSourceFile(file, `interface Array<T> { length: number; [n: number]: T }\n${source}`, version) : original(file, version);
  host.fileExists = (file) => file === fileName;
  const program = ts.createProgram([fileName], options, host);
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(fileName);
  const symbol = sourceFile && checker.getSymbolsInScope(sourceFile, ts.SymbolFlags.Interface).find((s) => s.name === name);
  if (!symbol) throw new Error(`no interface ${name}`);
  return new SchemaConverter(checker).inline(symbol);
}

describe('SchemaConverter', () => {
  it('maps fields, their docs and required-ness', () => {
    const schema = convert(
      `interface Route {
        /** Where to send traffic. */
        "host": string;
        "weight"?: number;
        "enabled"?: boolean;
        "tags"?: Array<string>;
        "labels"?: { [key: string]: string };
      }`,
      'Route',
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        enabled: { type: 'boolean' },
        host: { description: 'Where to send traffic.', type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        tags: { type: 'array', items: { type: 'string' } },
        weight: { type: 'number' },
      },
      required: ['host'],
    });
  });

  it('keeps enum values in declaration order and marks int-or-string unions', () => {
    const schema = convert(`interface T { "mode"?: "STRICT" | "PERMISSIVE" | "DISABLE"; "port"?: number | string }`, 'T');
    expect(schema.properties?.mode).toEqual({ type: 'string', enum: ['STRICT', 'PERMISSIVE', 'DISABLE'] });
    expect(schema.properties?.port).toEqual({ 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] });
  });

  it('leaves free-form values open', () => {
    const schema = convert(`interface Patch { "value"?: {} }`, 'Patch');
    expect(schema.properties?.value).toEqual({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
  });

  it('reads exclusive fields from the Exclude pattern as a oneOf', () => {
    const schema = convert(
      `type Exclude<T, U> = T extends U ? never : T;
      interface Match {
        "uri"?: { "exact"?: string; "prefix"?: string } & (Exclude<{ "exact"?: string; "prefix"?: string }, { "exact": string } | { "prefix": string }> | { "exact": string; "prefix"?: string } | { "exact"?: string; "prefix": string });
      }`,
      'Match',
    );
    expect(schema.properties?.uri).toEqual({
      type: 'object',
      properties: { exact: { type: 'string' }, prefix: { type: 'string' } },
      oneOf: [{ not: { anyOf: [{ required: ['exact'] }, { required: ['prefix'] }] } }, { required: ['exact'] }, { required: ['prefix'] }],
    });
  });

  it('stops at a cycle instead of recursing forever', () => {
    const schema = convert(`interface Node { "child"?: Node; "name"?: string }`, 'Node');
    expect(schema.properties?.child).toEqual({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
  });
});

describe('withoutMarkers', () => {
  it('drops code-generation markers from descriptions', () => {
    expect(withoutMarkers('Rules to apply.\n\n<gateway:experimental:validation:XValidation:message="x",rule="y">')).toBe('Rules to apply.');
  });
});
