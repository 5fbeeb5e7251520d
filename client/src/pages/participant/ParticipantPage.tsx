// The participant's phone page (/e/CODE): read the ballot, vote (joining at the first vote). Each
// phase is its own small view.
import { useSession } from "./useSession";
import { BallotView } from "./components/BallotView";
import { InviteForm } from "./components/InviteForm";
import { JoinByCode } from "./JoinByCode";
import "./participant.css";

export default function ParticipantPage(props: { code: string }) {
  const { session, code, submitInvite, rejoin } = useSession(props.code);
  switch (session.phase) {
    case "loading":
      return (
        <main className="page participant narrow">
          <p className="loading" role="status">Opening the ballot…</p>
        </main>
      );
    case "missing":
      return (
        <main className="page participant narrow">
          <h1>No vote with the code {code || "given"}</h1>
          <p>Check the code on the screen and type it again.</p>
          <JoinByCode heading="" />
        </main>
      );
    case "unreachable":
      return (
        <main className="page participant narrow">
          <h1>Cannot reach the vote</h1>
          <p role="status">{session.message} Trying again…</p>
          <p>Check that this phone is on the venue Wi-Fi.</p>
        </main>
      );
    case "invite":
      return <InviteForm event={session.event} error={session.error} busy={session.busy} onSubmit={submitInvite} />;
    case "ready":
      return (
        <BallotView
          code={code}
          participation={session.participation}
          initialEvent={session.event}
          initialVersion={session.version}
          onTokenRefused={rejoin}
        />
      );
  }
}
