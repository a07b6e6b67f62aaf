/** Cedar policy text with the name (usually a file name) used in error messages. */
export interface PolicySource {
  readonly name: string;
  readonly text: string;
}
