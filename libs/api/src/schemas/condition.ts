import { Type, type Static } from '@sinclair/typebox';
import { DateTime } from './date-time.js';
import { StringEnum } from './string-enum.js';

export const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

export const ConditionSchema = Type.Object({
  type: Type.String(),
  status: StringEnum(CONDITION_STATUSES),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  lastTransitionTime: Type.Optional(DateTime()),
  observedGeneration: Type.Optional(Type.Integer({ format: 'int64' })),
});
export type Condition = Static<typeof ConditionSchema>;
