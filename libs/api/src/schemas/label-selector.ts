import { Type, type Static } from '@sinclair/typebox';
import { StringMap } from './string-map.js';

/** Core LabelSelector. */
export const LabelSelectorSchema = Type.Object({
  matchLabels: Type.Optional(StringMap()),
  matchExpressions: Type.Optional(
    Type.Array(
      Type.Object({
        key: Type.String(),
        operator: Type.String(),
        values: Type.Optional(Type.Array(Type.String())),
      }),
    ),
  ),
});
export type LabelSelector = Static<typeof LabelSelectorSchema>;
