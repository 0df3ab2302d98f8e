import ts from 'typescript';
import { describe } from '../../mock-server/kube/openapi/describe';
import { REF_PREFIX, type OpenApiSchema } from '../../mock-server/kube/openapi/schema-types';
import { builtinDefinitionName } from './named-types';
import { oneOfConstraints } from './one-of';

/** Deeper nesting than any real kind has; past it (or on a cycle) a field is left open. */
const MAX_DEPTH = 24;
const OPEN_OBJECT: OpenApiSchema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
const NULLISH = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;

/**
 * Turns the types of the @kubernetes-models declaration files into OpenAPI v3 schemas.
 * Types declared in the built-in Kubernetes packages become named definitions referenced with
 * `$ref`; everything else (the CRD kinds) is inlined, as the real API server serves them.
 */
export class SchemaConverter {
  /** Named built-in definitions reached so far, by definition name. */
  readonly definitions = new Map<string, OpenApiSchema>();
  private readonly stack: ts.Type[] = [];

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The inline schema of an interface or type alias. */
  inline(symbol: ts.Symbol): OpenApiSchema {
    const declaration = symbol.declarations?.[0];
    const node = declaration && ts.isTypeAliasDeclaration(declaration) ? declaration.type : undefined;
    const schema = this.convert(this.checker.getDeclaredTypeOfSymbol(symbol), node);
    return describe(schema, this.docOf(symbol));
  }

  /** Registers a built-in declaration as a named definition; undefined when it is not built-in. */
  reference(symbol: ts.Symbol): OpenApiSchema | undefined {
    const declaration = symbol.declarations?.[0];
    const name = declaration && builtinDefinitionName(declaration);
    if (!name) return undefined;
    if (!this.definitions.has(name)) {
      this.definitions.set(name, {}); // placeholder: a self-referencing type finds itself here
      this.definitions.set(name, this.inline(symbol));
    }
    return { $ref: REF_PREFIX + name };
  }

  private convert(rawType: ts.Type, rawNode: ts.TypeNode | undefined): OpenApiSchema {
    const node = unwrapParentheses(rawNode);
    const named = node && this.namedReference(node);
    if (named) return named;
    const exclusive = node && ts.isIntersectionTypeNode(node) ? this.convertExclusiveFields(node) : undefined;
    if (exclusive) return exclusive;

    const type = this.checker.getNonNullableType(rawType);
    const members = type.isUnion() ? type.types.filter((t) => !(t.flags & NULLISH)) : [type];
    const [first] = members;
    if (!first) return OPEN_OBJECT;
    if (members.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { type: 'boolean' };
    if (members.every((t) => t.isStringLiteral())) return { type: 'string', enum: enumValues(members, node) };
    if (members.length === 1) return this.convertSingle(first, node);
    if (members.every(isPrimitive)) {
      const kinds = new Set(members.map((t) => (t.flags & ts.TypeFlags.NumberLike ? 'number' : 'string')));
      if (kinds.size === 2) return { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] };
      return kinds.has('number') ? { type: 'number' } : { type: 'string' };
    }
    if (members.every((t) => t.flags & ts.TypeFlags.Object || t.isIntersection())) {
      return { ...this.convertObject(type), ...oneOfConstraints(members.map((t) => this.requiredOf(t))) };
    }
    return { 'x-kubernetes-preserve-unknown-fields': true };
  }

  /**
   * The models spell "at most one of these fields" as `Fields & (Exclude<…> | {a: T} | {b: T})`.
   * Read from the declaration, that is the base type plus a oneOf per parenthesised union; leaving
   * it to the checker would multiply every group into one union, which explodes on nested policies.
   */
  private convertExclusiveFields(node: ts.IntersectionTypeNode): OpenApiSchema | undefined {
    const [base, ...rest] = node.types;
    const unions = rest.map(unwrapParentheses).filter((n): n is ts.UnionTypeNode => !!n && ts.isUnionTypeNode(n));
    if (!base || !ts.isTypeLiteralNode(base) || unions.length === 0 || unions.length !== rest.length) return undefined;
    const baseRequired = new Set(requiredFieldsOf(base));
    const ownRequired = (member: ts.TypeNode) => requiredFieldsOf(member).filter((f) => !baseRequired.has(f));
    const groups = unions.flatMap((union) => {
      const constraints = oneOfConstraints(union.types.map(ownRequired));
      return constraints.oneOf ? [constraints.oneOf] : (constraints.allOf ?? []).flatMap((c) => (c.oneOf ? [c.oneOf] : []));
    });
    const schema = this.convert(this.checker.getTypeFromTypeNode(base), base);
    if (groups.length === 0) return schema;
    return groups.length === 1 ? { ...schema, oneOf: groups[0] } : { ...schema, allOf: groups.map((oneOf) => ({ oneOf })) };
  }

  private convertSingle(type: ts.Type, node: ts.TypeNode | undefined): OpenApiSchema {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { 'x-kubernetes-preserve-unknown-fields': true };
    if (type.flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (type.flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: element ? this.convert(element, arrayElementNode(node)) : OPEN_OBJECT };
    }
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) return this.convertObject(type);
    return OPEN_OBJECT;
  }

  private convertObject(type: ts.Type): OpenApiSchema {
    if (this.stack.includes(type) || this.stack.length >= MAX_DEPTH) return OPEN_OBJECT;
    this.stack.push(type);
    try {
      const schema: OpenApiSchema = { type: 'object' };
      const props = [...this.checker.getPropertiesOfType(type)].sort((a, b) => compare(a.name, b.name));
      if (props.length > 0) {
        schema.properties = Object.fromEntries(props.map((p) => [p.name, this.convertProperty(p)]));
        const required = props.filter((p) => !(p.flags & ts.SymbolFlags.Optional)).map((p) => p.name);
        if (required.length > 0) schema.required = required;
      }
      const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
      if (index) schema.additionalProperties = this.convert(index.type, index.declaration?.type);
      if (props.length === 0 && !index) schema['x-kubernetes-preserve-unknown-fields'] = true;
      return schema;
    } finally {
      this.stack.pop();
    }
  }

  private convertProperty(property: ts.Symbol): OpenApiSchema {
    const declaration = property.declarations?.[0];
    const node = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
    return describe(this.convert(this.checker.getTypeOfSymbol(property), node), this.docOf(property));
  }

  private namedReference(node: ts.TypeNode): OpenApiSchema | undefined {
    if (!ts.isTypeReferenceNode(node)) return undefined;
    let symbol = this.checker.getSymbolAtLocation(node.typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol && this.reference(symbol);
  }

  private requiredOf(type: ts.Type): string[] {
    return this.checker
      .getPropertiesOfType(type)
      .filter((p) => !(p.flags & ts.SymbolFlags.Optional))
      .map((p) => p.name);
  }

  /** The JSDoc of the first declaration; a merged union property would repeat it once per member. */
  private docOf(symbol: ts.Symbol): string {
    const declaration = symbol.declarations?.[0];
    const own = declaration && ts.isPropertySignature(declaration) ? this.checker.getSymbolAtLocation(declaration.name) : undefined;
    return withoutMarkers(ts.displayPartsToString((own ?? symbol).getDocumentationComment(this.checker)));
  }
}

/** Drops the code-generation markers (`<gateway:experimental:…>`) Gateway API leaves in its docs. */
export function withoutMarkers(doc: string): string {
  return doc
    .split('\n')
    .filter((line) => !/^<[a-z]+:[a-z]+[^\n]*>$/.test(line.trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Fields a union member of an exclusive-fields declaration requires; none for the `Exclude<…>` member. */
function requiredFieldsOf(member: ts.TypeNode): string[] {
  const literal = unwrapParentheses(member);
  if (!literal || !ts.isTypeLiteralNode(literal)) return [];
  return literal.members.flatMap((m) =>
    ts.isPropertySignature(m) && !m.questionToken && (ts.isStringLiteral(m.name) || ts.isIdentifier(m.name)) ? [m.name.text] : [],
  );
}

function isPrimitive(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike)) !== 0;
}

/** Enum values in declaration order when the declaration spells them out, else in the checker's order. */
function enumValues(members: readonly ts.Type[], node: ts.TypeNode | undefined): string[] {
  const fromTypes = members.map((t) => (t.isStringLiteral() ? t.value : '')).filter(Boolean);
  if (!node || !ts.isUnionTypeNode(node)) return fromTypes;
  const fromNode = node.types.flatMap((t) =>
    ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : [],
  );
  return fromNode.length === fromTypes.length ? fromNode : fromTypes;
}

function arrayElementNode(node: ts.TypeNode | undefined): ts.TypeNode | undefined {
  const unwrapped = unwrapParentheses(node);
  if (!unwrapped) return undefined;
  if (ts.isArrayTypeNode(unwrapped)) return unwrapped.elementType;
  if (ts.isTypeReferenceNode(unwrapped) && unwrapped.typeName.getText() === 'Array') return unwrapped.typeArguments?.[0];
  return undefined;
}

function unwrapParentheses(node: ts.TypeNode | undefined): ts.TypeNode | undefined {
  let current = node;
  while (current && ts.isParenthesizedTypeNode(current)) current = current.type;
  return current;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
