// Turns a refused edit into a sentence the organiser can act on. EVENT_LOCKED means the same thing
// everywhere (votes exist), but what to do about it depends on what was tried, so each action names
// its own explanation; every other code keeps the one shared text.
import { ApiError } from "../../api/http";
import { counted } from "./words";

export function explain(err: unknown, whenLocked?: string): string {
  if (err instanceof ApiError) return err.code === "EVENT_LOCKED" && whenLocked ? whenLocked : err.message;
  return "Something went wrong. Try again.";
}

export const LOCKED = {
  replaceContent:
    "Votes have already been cast, so the whole programme can no longer be replaced — that would throw those votes away. Edit areas and proposals one by one instead: titles and texts can still be corrected.",
  deleteArea: (title: string) => `People have already voted in “${title}”, so it cannot be deleted. You can close it, or rename it.`,
  lowerMaxVotes: (title: string, n: number) =>
    `Someone has already used more than ${counted(n, "vote")} in “${title}”, so its limit cannot be lowered to ${n}.`,
  lowerDefault: (n: number) =>
    `The settings were saved, but some areas keep their old limit: people have already used more than ${counted(n, "vote")} there.`,
  addProposal: (title: string) =>
    `Proposals cannot be added to “${title}” while it is open or once anyone has voted in it — the choice would change under those who already voted. Close it first if nobody has voted yet.`,
  deleteProposal: "This proposal already has votes, so it cannot be deleted. Its title and text can still be corrected.",
} as const;
