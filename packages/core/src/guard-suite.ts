import type { PolicyDecision, RiskGrade } from '@dax/protocol';

/** Kinds of entity DA-13 records from the intent and DA-3 checks later outputs against. */
export type EntityKind =
  | 'amount'
  | 'account'
  | 'email'
  | 'payee'
  | 'date'
  | 'environment'
  | 'negation'
  | 'url'
  | 'phone'
  | 'identifier';

export interface AnchorEntity {
  readonly kind: EntityKind;
  /** Normalised value used for comparison (e.g. `2500.00 USD`, `2025-03-03`, `production`). */
  readonly value: string;
}

/** What the intent states: the reference every later layer is checked against. */
export interface Anchor {
  readonly entities: readonly AnchorEntity[];
}

export interface DriftChange {
  readonly kind: EntityKind;
  /** `changed`: a stated value was replaced; `added`: a new concrete fact; `removed`: a negation was dropped. */
  readonly change: 'changed' | 'added' | 'removed';
  readonly expected?: string;
  readonly found?: string;
}

export interface DriftResult {
  readonly drift: boolean;
  readonly changes: readonly DriftChange[];
}

export interface RiskAssessment {
  readonly grade: RiskGrade;
  /** True when a human gate is required (P0 and P1). */
  readonly gate: boolean;
  /** Stable rule ids of the risk rules that matched, e.g. `risk.money.large-transfer`. */
  readonly ruleIds: readonly string[];
  /** Short human-readable reasons (no personal data). */
  readonly reasons: readonly string[];
  /** Action categories recognised in the text, e.g. `money-movement`, `production-change`. */
  readonly categories: readonly string[];
}

export interface InjectionMatch {
  readonly ruleId: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface PiiSpan {
  /** EMAIL, PHONE, US_SSN, CREDIT_CARD, IBAN, IP_ADDRESS, AWS_ACCESS_KEY, … */
  readonly type: string;
  /** Offsets into the input, in UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  /** The placeholder that replaced it, e.g. `[EMAIL_1]`. */
  readonly placeholder: string;
}

export interface RedactionResult {
  readonly text: string;
  readonly spans: readonly PiiSpan[];
}

/** Run-scoped: the same value gets the same placeholder throughout one run. */
export interface Redactor {
  redact(text: string): RedactionResult;
}

export interface PolicyInput {
  readonly domain: string;
  readonly tenant: string;
  readonly risk: RiskAssessment;
  readonly injection: boolean;
  readonly piiTypes: readonly string[];
  readonly entities: readonly AnchorEntity[];
}

export interface PolicyResult {
  readonly decision: PolicyDecision;
  /** Ids of the policies that determined the decision. */
  readonly ruleIds: readonly string[];
}

/**
 * The deterministic guards the engine runs. Implemented by `@dax/guards`; the engine
 * only sees this interface. Any method may throw: the engine then fails the run closed.
 */
export interface GuardSuite {
  extractAnchor(text: string): Anchor;
  checkDrift(anchor: Anchor, candidate: string): DriftResult;
  /** Grades the text; the injection matches found in it can raise the grade, never lower it. */
  gradeRisk(text: string, injection: readonly InjectionMatch[]): RiskAssessment;
  detectInjection(text: string): readonly InjectionMatch[];
  createRedactor(): Redactor;
  evaluatePolicy(input: PolicyInput): PolicyResult;
}
