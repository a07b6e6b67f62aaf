/** How sure the surrounding wording is that a password value follows. */
export type PasswordContext = 'assignment' | 'phrase' | 'loose';

/** References and placeholders that stand for a password without being one. */
const placeholder =
  /^(?:\[[A-Z][A-Z0-9_]*_\d+\]|\$[({]|%\(|\{\{|<.*>|\$[A-Z_][A-Z0-9_]*$|[*\u2022\u25cf.#?_-]+$|x{3,}$|X{3,}$|(?:process\.env|os\.environ|env)\b)/;
/** Code, not a secret: `config.db.password`, `os.getenv("…")`, `getpass()`, or a JSON/array value. */
const codeReference =
  /^(?:(?:[A-Za-z_$]+\.)+[A-Za-z_$]+$|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\(|[A-Za-z_$][\w$]*\((?:\)|["'])|[{[])/;
/** Words that follow "password is/:" in ordinary prose and configuration docs rather than a secret. */
const stopWords = new Set(
  (
    'a an the this that these those it its is are was were be been being not no none null nil undefined true false ' +
    'yes empty blank missing unknown unset hidden redacted masked secret password passphrase passcode pwd same ' +
    'different required optional mandatory wrong incorrect correct invalid valid weak strong long short too very ' +
    'still now also just only then there here in on at to for of from by with without and or but so as if when ' +
    'your my our their his her yours mine we you they he she i me us them set reset stored saved sent shared ' +
    'changed updated rotated expired hashed encrypted salted string str number int integer boolean bool bytes text ' +
    'varchar char any object type secure safe unsafe case sensitive insensitive characters chars digits letters ' +
    'length policy rules rule field value see check use using must should will can cannot could would may might ' +
    'need needs needed please ready fine ok okay good bad new old default temporary temp random generated unique ' +
    'below above following attached enclosed inside protected managed known visible shown displayed listed kept ' +
    'written printed logged available provided given supplied entered typed ask contact call email enter click ' +
    'request tbd todo pending standard usual n/a na unchanged what which who whom whose where why how something ' +
    'anything nothing everything someone about over under into onto than like because since until while after ' +
    'before during always never often usually sometimes generally typically probably likely simply actually really ' +
    'quite rather enough such more most less least much many few several some each every all both either neither ' +
    'other another emailed texted'
  ).split(' '),
);
const englishSuffix = /(?:ed|ing|ly|ness|ment|tion|sion|able|ible|ous|ive|ful|less)$/;
const hasLetter = /[A-Za-z]/;
const hasDigit = /\d/;
const hasSymbol = /[^A-Za-z0-9]/;
const hasAlphanumeric = /[A-Za-z0-9]/;
const onlyDigits = /^\d+$/;
const onlyLetters = /^[A-Za-z]+$/;
const lowercaseWord = /^[a-z]+$/;
const hyphenatedWords = /^[a-z]+(?:-[a-z]+)+$/;
const url = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Mixes letters with digits or symbols, the way chosen or generated passwords do. */
function looksLikeSecret(value: string): boolean {
  return (
    value.length >= 6 &&
    hasLetter.test(value) &&
    (hasDigit.test(value) || hasSymbol.test(value)) &&
    !hyphenatedWords.test(value) &&
    !url.test(value) &&
    !value.startsWith('/')
  );
}

/**
 * Decides whether `value` (already unquoted and trimmed) is a password, given how it was
 * introduced. Quoted values count as deliberate: they need only not be a placeholder or a stop word.
 */
export function isPasswordValue(value: string, context: PasswordContext, quoted: boolean): boolean {
  if (value.length === 0 || value.length > 200 || !hasAlphanumeric.test(value) || placeholder.test(value)) return false;
  if (!quoted && codeReference.test(value)) return false;
  if (stopWords.has(value.toLowerCase())) return false;
  if (quoted) return true;
  if (onlyDigits.test(value)) return value.length >= 4 && context !== 'loose';
  if (context === 'assignment') return !(lowercaseWord.test(value) && englishSuffix.test(value));
  if (looksLikeSecret(value)) return true;
  if (context === 'loose') return false;
  return onlyLetters.test(value) && value.length >= 4 && !englishSuffix.test(value.toLowerCase());
}
