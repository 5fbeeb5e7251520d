// The calls of drafting and moderation (issue 13), shared by the rapporteur's page (editor key),
// the organiser page (admin token) and the phone (participant token): one token per instance.
import {
  EditorKeyReply,
  ProposalReply,
  SuggestionCreatedReply,
  SuggestionReply,
  SuggestionsReply,
  type PatchProposalBody,
} from "../../../shared/schemas";
import { request } from "./http";
import { apiPaths } from "./paths";

export interface AcceptChoice {
  mergeInto?: string;
  title?: string;
  body?: string;
}

export class DraftingApi {
  /** Refusals come back in this language (the page's switcher may differ from the browser's). */
  language = "en";

  constructor(
    readonly code: string,
    readonly token: string | null,
  ) {}

  private opts(body?: unknown) {
    return { token: this.token, language: this.language, ...(body === undefined ? {} : { body }) };
  }

  async suggestions() {
    return (await request("GET", apiPaths.suggestions(this.code), SuggestionsReply, this.opts())).suggestions;
  }
  async accept(suggestionId: string, choice: AcceptChoice = {}) {
    return (await request("POST", apiPaths.suggestionAccept(this.code, suggestionId), ProposalReply, this.opts(choice))).proposal;
  }
  async reject(suggestionId: string) {
    return (await request("POST", apiPaths.suggestionReject(this.code, suggestionId), SuggestionReply, this.opts())).suggestion;
  }
  async suggest(areaId: string, title: string, body: string) {
    const payload = body ? { title, body } : { title };
    return (await request("POST", apiPaths.areaSuggestions(this.code, areaId), SuggestionCreatedReply, this.opts(payload))).suggestion;
  }
  async createEditorKey(areaId: string) {
    return (await request("POST", apiPaths.editorKey(this.code, areaId), EditorKeyReply, this.opts())).editorKey;
  }
  async addProposal(areaId: string, title: string, body: string) {
    return (await request("POST", apiPaths.areaProposals(this.code, areaId), ProposalReply, this.opts(body ? { title, body } : { title }))).proposal;
  }
  async patchProposal(proposalId: string, patch: PatchProposalBody) {
    return (await request("PATCH", apiPaths.proposal(this.code, proposalId), ProposalReply, this.opts(patch))).proposal;
  }
  async deleteProposal(proposalId: string) {
    await request("DELETE", apiPaths.proposal(this.code, proposalId), null, this.opts());
  }
}
