// All per-table repositories over one database handle.
import type { Db } from "../db/open";
import { areasRepo } from "./areas";
import { editorKeysRepo } from "./editor-keys";
import { eventsRepo } from "./events";
import { feedbackAnswersRepo } from "./feedback-answers";
import { feedbackFormsRepo } from "./feedback-forms";
import { feedbackQuestionsRepo } from "./feedback-questions";
import { inviteBatchesRepo } from "./invite-batches";
import { invitesRepo } from "./invites";
import { participantsRepo } from "./participants";
import { proposalsRepo } from "./proposals";
import { suggestionsRepo } from "./suggestions";
import { votesRepo } from "./votes";

export function createRepos(db: Db) {
  return {
    events: eventsRepo(db),
    areas: areasRepo(db),
    proposals: proposalsRepo(db),
    invites: invitesRepo(db),
    inviteBatches: inviteBatchesRepo(db),
    participants: participantsRepo(db),
    votes: votesRepo(db),
    feedbackForms: feedbackFormsRepo(db),
    feedbackQuestions: feedbackQuestionsRepo(db),
    feedbackAnswers: feedbackAnswersRepo(db),
    editorKeys: editorKeysRepo(db),
    suggestions: suggestionsRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
