export { main } from './main.js';
export type { CommandAction, GlobalOptions } from './main.js';
export type { CliIo } from './cli-io.js';
export { exitCodeForStatus, exitCodes } from './exit-codes.js';
