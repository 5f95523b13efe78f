import type { TSchema } from '@sinclair/typebox';

/** A JSON schema node as Kubernetes stores it (apiextensions.k8s.io/v1 JSONSchemaProps). */
export type JsonSchemaProps = { [keyword: string]: unknown };

/** TypeBox bookkeeping that must not reach a CRD. Its [Kind]/[Optional] symbols vanish with Object.keys. */
const TYPEBOX_KEYWORDS = new Set(['$id', '$schema', 'static']);
const NON_STRUCTURAL_KEYWORDS = ['$ref', 'const', 'patternProperties', 'definitions', '$defs', 'allOf', 'oneOf', 'not'];

export class NonStructuralSchemaError extends Error {
  override name = 'NonStructuralSchemaError';

  constructor(path: string, problem: string) {
    super(`${path}: ${problem} (Kubernetes requires a structural schema)`);
  }
}

type Node = Record<string, unknown>;

const KEYWORD_ORDER = [
  'type', 'description', 'format', 'enum', 'default', 'pattern', 'minimum', 'maximum',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'anyOf',
  'required', 'properties', 'additionalProperties', 'items',
];

/** Keywords in a stable, readable order (type first, children last) so the YAML reads top-down. */
function byKeywordOrder(a: string, b: string): number {
  const rank = (keyword: string) => {
    const index = KEYWORD_ORDER.indexOf(keyword);
    return index === -1 ? KEYWORD_ORDER.indexOf('required') - 0.5 : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertStructuralNode(node: Node, path: string): void {
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  const preserveUnknown = node['x-kubernetes-preserve-unknown-fields'] === true;
  for (const keyword of NON_STRUCTURAL_KEYWORDS) {
    if (keyword in node) throw new NonStructuralSchemaError(path, `uses ${keyword}`);
  }
  if ('anyOf' in node && !intOrString) throw new NonStructuralSchemaError(path, 'uses anyOf outside int-or-string');
  if (typeof node.type !== 'string' && !intOrString && !preserveUnknown) {
    throw new NonStructuralSchemaError(path, 'has no type');
  }
}

function childSchema(keyword: string, value: unknown, path: string): unknown {
  if (keyword === 'properties' && isNode(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, child]) => [name, structuralNode(child, `${path}.${name}`)]),
    );
  }
  if (keyword === 'items') return structuralNode(value, `${path}[*]`);
  if (keyword === 'additionalProperties' && isNode(value)) return structuralNode(value, `${path}.*`);
  if (keyword === 'anyOf' && Array.isArray(value)) {
    return value.map((branch, index) => structuralNode(branch, `${path}.anyOf[${index}]`));
  }
  return structuredClone(value);
}

function structuralNode(value: unknown, path: string): JsonSchemaProps {
  if (!isNode(value)) throw new NonStructuralSchemaError(path, 'is not a schema object');
  assertStructuralNode(value, path);
  return Object.fromEntries(
    Object.keys(value)
      .filter((keyword) => !TYPEBOX_KEYWORDS.has(keyword))
      .sort(byKeywordOrder)
      .map((keyword) => [keyword, childSchema(keyword, value[keyword], path)]),
  );
}

/**
 * A plain JSON copy of a TypeBox schema for a CRD, after checking that every node is structural:
 * it has a type (unless int-or-string or preserve-unknown) and uses no $ref, const, oneOf, ….
 * Throws NonStructuralSchemaError naming the JSON path of the first offending node.
 */
export function toStructuralSchema(schema: TSchema | JsonSchemaProps, path = '$'): JsonSchemaProps {
  return structuralNode(schema, path);
}
