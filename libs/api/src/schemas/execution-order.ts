import { StringEnum } from './string-enum.js';

export const EXECUTION_ORDERS = ['Parallel', 'Sequential'] as const;
export type ExecutionOrder = (typeof EXECUTION_ORDERS)[number];

/** Whether a batch's members run all at once or one after another in the listed order. */
export const ExecutionOrderSchema = StringEnum(EXECUTION_ORDERS, { default: 'Parallel' });
