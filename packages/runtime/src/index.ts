export { createDax } from './create-dax.js';
export type { Dax, DaxOptions } from './create-dax.js';
export { inspectConfiguration } from './inspect-configuration.js';
export type { ConfigurationReport } from './inspect-configuration.js';
export { bundledConfigDir, resolvePaths } from './resolve-paths.js';
export type { PathInputs, ResolvedPaths } from './resolve-paths.js';
export { buildProviders, builtInProviderIds, defaultModelFor } from './select-providers.js';
