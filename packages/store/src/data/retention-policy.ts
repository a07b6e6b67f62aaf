import type { DataClass } from '@dax/core';

/** Days texts of each data class are kept; null keeps them for ever. */
export type RetentionPolicy = Readonly<Record<DataClass, number | null>>;

export const defaultRetentionPolicy: RetentionPolicy = {
  restricted: 30,
  confidential: 90,
  internal: 365,
  public: null,
};

export const dataClasses: readonly DataClass[] = ['restricted', 'confidential', 'internal', 'public'];
