/** One family of governance-steering phrases. */
export interface InjectionRule {
  /** Stable short name; the finding's rule id is `injection.<name>`. */
  readonly name: string;
  /** Fixed wording; never quotes the text. */
  readonly message: string;
  /** Cheap test for words every match contains; the pattern runs only when it passes. */
  readonly cue: RegExp;
  /** Global, case-insensitive pattern over the folded text. */
  readonly pattern: RegExp;
}
