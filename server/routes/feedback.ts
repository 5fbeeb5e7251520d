// The evaluation form (API 1.1): the organiser writes and opens it, participants answer, the
// organiser and projector read the counts (the room too, once it is closed).
import { AnswersReply, CodeParams, FeedbackReply, FeedbackResults, PutAnswersBody, PutFeedbackBody } from "../../shared/schemas";
import { RATE_LIMITS } from "../security/rate-limits";
import { defineRoute } from "../http/route";
import { requireParticipant } from "../http/auth";
import type { Services } from "../services/app-services";
import { feedbackResults, feedbackView, ownAnswers, putAnswers, putFeedback } from "../services/feedback";

export function feedbackRoutes(s: Services) {
  const { ctx } = s;
  return [
    defineRoute({
      method: "PUT", url: "/api/events/:code/feedback", tag: "feedback", access: "admin", status: 200,
      summary: "Replace the evaluation form and set its status. Questions with an id are kept with their answers; an answered question keeps its kind and options and cannot be removed (NOT_ALLOWED).",
      params: CodeParams, body: PutFeedbackBody, response: FeedbackReply,
      errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED"],
      handler: ({ event, body }) => ({ feedback: putFeedback(ctx, event, body) }),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/feedback", tag: "feedback", access: "anyone", status: 200,
      summary: "The evaluation form and its status, without answers (an event without one has an empty draft).",
      params: CodeParams, response: FeedbackReply, errors: ["UNAUTHORIZED", "NOT_FOUND"],
      rateLimit: RATE_LIMITS.results,
      handler: ({ event }) => ({ feedback: feedbackView(ctx, event) }),
    }),
    defineRoute({
      method: "PUT", url: "/api/events/:code/feedback/answers", tag: "feedback", access: "participant", status: 200,
      summary: "Replace the caller's answers while the form is open (a question left out is unanswered). Any participant may answer, voter or not.",
      params: CodeParams, body: PutAnswersBody, response: AnswersReply,
      errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "FORM_CLOSED", "RATE_LIMITED"],
      // Per token, like ballots: a whole room answers through one venue NAT.
      rateLimit: RATE_LIMITS.ballotWrite,
      handler: ({ event, caller, body }) => ({ answers: putAnswers(ctx, event, requireParticipant(caller), body.answers) }),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/feedback/answers", tag: "feedback", access: "participant", status: 200,
      summary: "The caller's own answers (a phone restores its form from them after a reload).",
      params: CodeParams, response: AnswersReply, errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ caller }) => ({ answers: ownAnswers(ctx, requireParticipant(caller)) }),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/feedback/results", tag: "feedback", access: "anyone", status: 200,
      summary: "Per question the counts and the share that agreed. The admin token and screen key see them at any time, everyone once the form is closed; the privacy threshold withholds them from all. Comments are never here.",
      params: CodeParams, response: FeedbackResults, errors: ["UNAUTHORIZED", "NOT_FOUND"],
      rateLimit: RATE_LIMITS.results,
      handler: ({ event, caller }) => feedbackResults(ctx, event, caller.role === "admin" || caller.role === "screen" ? "privileged" : "public"),
    }),
  ];
}
