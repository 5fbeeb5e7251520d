// An API refusal that also knows its sentence as a catalog key and parameters, so the error handler
// can answer a French caller in French. `message` stays the English sentence (the API's default).
import { AppError, type ErrorCode } from "../errors";
import { englishRule } from "../rules";
import type { RuleText } from "./rules-text";

export class LocalizedError extends AppError {
  readonly text: RuleText;
  constructor(code: ErrorCode, text: RuleText) {
    super(code, englishRule(text));
    this.text = text;
  }
}

/** A refusal of the vote's rules (checkBallot) as a throwable error. */
export function ruleError(problem: { code: ErrorCode } & RuleText): LocalizedError {
  return new LocalizedError(problem.code, { key: problem.key, params: problem.params });
}
