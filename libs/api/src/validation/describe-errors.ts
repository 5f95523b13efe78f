import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

/** A JSON pointer as a Kubernetes-style field path: "/spec/members/0/target" → "spec.members[0].target". */
export function fieldPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, segment) => {
      if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
      return path ? `${path}.${segment}` : segment;
    }, '');
}

function shown(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value) ?? String(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}

function problem(error: ValueError): string {
  const { schema, type, value } = error;
  if (type === ValueErrorType.ObjectRequiredProperty) return 'is required';
  if (Array.isArray(schema.enum)) return `must be one of ${schema.enum.join(', ')}${shown(value)}`;
  if (schema['x-kubernetes-int-or-string']) return `must be an integer or a string${shown(value)}`;
  if (type === ValueErrorType.StringPattern) {
    return `must be ${schema.description ?? `a string matching ${schema.pattern}`}${shown(value)}`;
  }
  if (type === ValueErrorType.Kind && schema.additionalProperties) return `must be a map of strings${shown(value)}`;
  const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return `${message}${shown(value)}`;
}

/** TypeBox errors as readable "path: problem" lines, the first problem per path only. */
export function describeErrors(errors: Iterable<ValueError>): string[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    if (!byPath.has(error.path)) byPath.set(error.path, `${fieldPath(error.path)}: ${problem(error)}`);
  }
  return [...byPath.values()];
}
