import { Type } from '@sinclair/typebox';
import { IntOrString } from '../schemas/int-or-string.js';
import { OpenObject } from '../schemas/open-object.js';
import { StringEnum } from '../schemas/string-enum.js';
import { NonStructuralSchemaError, toStructuralSchema } from './structural-schema.js';

describe('toStructuralSchema', () => {
  it('emits plain JSON with enums as typed strings and no TypeBox internals', () => {
    const schema = Type.Object({ order: Type.Optional(StringEnum(['A', 'B'], { default: 'A' })) }, { $id: 'X' });
    expect(toStructuralSchema(schema)).toEqual({
      type: 'object',
      properties: { order: { type: 'string', enum: ['A', 'B'], default: 'A' } },
    });
  });

  it('allows int-or-string and preserve-unknown nodes', () => {
    const schema = Type.Object({ port: IntOrString(), settings: OpenObject() });
    const structural = toStructuralSchema(schema) as { properties: Record<string, unknown> };
    expect(structural.properties['port']).toEqual({
      'x-kubernetes-int-or-string': true,
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    });
    expect(structural.properties['settings']).toEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: {},
    });
  });

  it('names the JSON path of a node without a type', () => {
    const schema = Type.Object({ members: Type.Array(Type.Object({ value: Type.Unknown() })) });
    expect(() => toStructuralSchema(schema)).toThrow(NonStructuralSchemaError);
    expect(() => toStructuralSchema(schema)).toThrow('$.members[*].value: has no type');
  });

  it('rejects unions of literals (anyOf/const)', () => {
    const schema = Type.Object({ order: Type.Union([Type.Literal('A'), Type.Literal('B')]) });
    expect(() => toStructuralSchema(schema)).toThrow('$.order: uses anyOf outside int-or-string');
  });

  it('rejects records (patternProperties)', () => {
    const schema = Type.Object({ labels: Type.Record(Type.String(), Type.String()) });
    expect(() => toStructuralSchema(schema)).toThrow('$.labels: uses patternProperties');
  });
});
