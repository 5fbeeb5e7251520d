// The database holds the vote rules a second time (triggers raising the API's code, keys refusing
// a repeated vote). Should one fire — a bug in the layer above — the refusal is still the API's
// error, never a 500.
import { AppError, isErrorCode } from "../../shared/errors";

export function guardConstraints<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && err.name === "SqliteError") {
      if (isErrorCode(err.message)) throw new AppError(err.message, "The database refused this change.");
      // The votes key (participant, proposal): the same proposal twice in one ballot.
      if ((err as Error & { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY" && err.message.includes("votes.")) {
        throw new AppError("DUPLICATE_PROPOSAL", "The same proposal was chosen twice.");
      }
    }
    throw err;
  }
}
