// The organiser page's calls, each with the admin token and the shared reply schema.
import { ApiError, apiErrorFrom, request } from "../../api/http";
import {
  AreaReply,
  EventReply,
  InviteBatchCodesReply,
  InviteBatchesReply,
  InviteBatchReply,
  InviteStats,
  InvitesReply,
  PaperBallotReply,
  PaperBallotsReply,
  ProposalReply,
  type AreaInput,
  type Ballot,
  type ExportFormat,
  type PatchAreaBody,
  type PatchEventBody,
  type PatchProposalBody,
  type ProposalInput,
} from "../../../../shared/schemas";
import { apiPaths } from "../../api/paths";

export class AdminApi {
  /**
   * The organiser page's language, set by the page as its switcher changes: refusals come back in
   * it. Mutable rather than a new AdminApi per language, so switching does not re-check the key.
   */
  language = "en";

  constructor(
    readonly code: string,
    readonly token: string,
  ) {}

  async patchEvent(body: PatchEventBody) {
    return (await request("PATCH", apiPaths.event(this.code), EventReply, { token: this.token, language: this.language, body })).event;
  }
  async setVoting(status: "open" | "closed", areaIds?: string[]) {
    return (await request("POST", apiPaths.voting(this.code), EventReply, { token: this.token, language: this.language, body: areaIds ? { status, areaIds } : { status } })).event;
  }
  async putContent(areas: AreaInput[]) {
    return (await request("PUT", apiPaths.content(this.code), EventReply, { token: this.token, language: this.language, body: { areas } })).event;
  }
  async createArea(body: AreaInput) {
    return (await request("POST", apiPaths.areas(this.code), AreaReply, { token: this.token, language: this.language, body })).area;
  }
  async patchArea(areaId: string, body: PatchAreaBody) {
    return (await request("PATCH", apiPaths.area(this.code, areaId), AreaReply, { token: this.token, language: this.language, body })).area;
  }
  async deleteArea(areaId: string) {
    await request("DELETE", apiPaths.area(this.code, areaId), null, { token: this.token, language: this.language });
  }
  async createProposal(areaId: string, body: ProposalInput) {
    return (await request("POST", apiPaths.areaProposals(this.code, areaId), ProposalReply, { token: this.token, language: this.language, body })).proposal;
  }
  async patchProposal(proposalId: string, body: PatchProposalBody) {
    return (await request("PATCH", apiPaths.proposal(this.code, proposalId), ProposalReply, { token: this.token, language: this.language, body })).proposal;
  }
  async deleteProposal(proposalId: string) {
    await request("DELETE", apiPaths.proposal(this.code, proposalId), null, { token: this.token, language: this.language });
  }
  /** A new batch of ballot cards: its codes and the batch id the cards page prints it by. */
  async createInvites(count: number) {
    return request("POST", apiPaths.invites(this.code), InvitesReply, { token: this.token, language: this.language, body: { count } });
  }
  async inviteBatches() {
    return (await request("GET", apiPaths.inviteBatches(this.code), InviteBatchesReply, { token: this.token, language: this.language })).batches;
  }
  async inviteBatch(batchId: string) {
    return request("GET", apiPaths.inviteBatch(this.code, batchId), InviteBatchCodesReply, { token: this.token, language: this.language });
  }
  async markBatchPrinted(batchId: string) {
    return (await request("POST", apiPaths.inviteBatchPrinted(this.code, batchId), InviteBatchReply, { token: this.token, language: this.language })).batch;
  }
  async voidBatch(batchId: string) {
    return (await request("POST", apiPaths.inviteBatchVoid(this.code, batchId), InviteBatchReply, { token: this.token, language: this.language })).batch;
  }
  async inviteStats() {
    return request("GET", apiPaths.invites(this.code), InviteStats, { token: this.token, language: this.language });
  }
  async paperBallot(ballot: Ballot) {
    return request("POST", apiPaths.paperBallots(this.code), PaperBallotReply, { token: this.token, language: this.language, body: { ballot } });
  }
  async paperBallots() {
    return (await request("GET", apiPaths.paperBallots(this.code), PaperBallotsReply, { token: this.token, language: this.language })).paperBallots;
  }
  async deletePaperBallot(id: string) {
    await request("DELETE", apiPaths.paperBallot(this.code, id), null, { token: this.token, language: this.language });
  }

  /** An export as a file: fetched with the bearer token (a plain link cannot carry it), then saved. */
  async download(format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
    let res: Response;
    try {
      res = await fetch(apiPaths.export(this.code, format), { headers: { authorization: `Bearer ${this.token}`, "accept-language": this.language }, cache: "no-store" });
    } catch {
      throw new ApiError(0, "NETWORK", "No connection to the server.");
    }
    if (!res.ok) throw await apiErrorFrom(res);
    const disposition = res.headers.get("content-disposition") ?? "";
    const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    const extension = format === "md" ? "md" : format;
    return { blob: await res.blob(), filename: named ? decodeURIComponent(named) : `plenary-${this.code}.${extension}` };
  }
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
