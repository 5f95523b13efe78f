/** Pure: how the report writes measured numbers. */
export const seconds = (value: number): string => `${value.toFixed(1)} s`;
export const milliseconds = (valueMs: number): string => `${Math.round(valueMs)} ms`;
export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
export const perSecond = (rate: number): string => `${rate.toFixed(2)}/s`;
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
