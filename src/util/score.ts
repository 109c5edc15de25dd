// A score gate is a number from 0 to 100. One reading for every option that takes one
// (--fail-under on diagnose and batch, check's --min-score and --stage KEY=N): an empty value
// would read as 0 through Number('') and switch the gate off without a word, 101 can never be
// reached, and `1e2` or `0x10` are not how anyone writes a score.

const SCORE_TEXT = /^\d{1,3}(?:\.\d+)?$/;

/** The score `text` states, or null when it is not a plain number from 0 to 100. */
export function scoreFromText(text: string): number | null {
  const trimmed = text.trim();
  if (!SCORE_TEXT.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 0 && value <= 100 ? value : null;
}
