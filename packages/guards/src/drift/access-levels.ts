/** Access levels a grant can name, as recorded values; their order is least to most privileged. */
export const readOnlyAccess = 'read-only access';
export const readWriteAccess = 'read-write access';
export const adminAccess = 'admin access';
