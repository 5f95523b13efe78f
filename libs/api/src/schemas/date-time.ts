import { FormatRegistry, Type, type StringOptions } from '@sinclair/typebox';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
}

/** An RFC 3339 timestamp as Kubernetes serializes metav1.Time. */
export function DateTime(options: StringOptions = {}) {
  return Type.String({ ...options, format: 'date-time' });
}
