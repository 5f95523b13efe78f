import { StringEnum } from './string-enum.js';

export const DRIVERS = ['Restic', 'VolumeSnapshotter'] as const;
export type Driver = (typeof DRIVERS)[number];

/** The agent that moves the data; restash implements Restic and reports VolumeSnapshotter unsupported. */
export const DriverSchema = StringEnum(DRIVERS, { default: 'Restic' });
