// The participant's phone page (/e/CODE): read the ballot, vote (joining at the first vote). Each
// phase is its own small view. The page speaks the phone's language (?lang=, the switcher's
// remembered choice, the browser's, else the event's): one small catalog chunk per role.
import { useEffect } from "react";
import { useSession } from "./useSession";
import { registerOfflineShell } from "./offlineShell";
import { BallotView } from "./components/BallotView";
import { InviteForm } from "./components/InviteForm";
import { JoinByCode } from "./JoinByCode";
import { phoneErrorKey } from "../../api/errors";
import { chooseLanguage } from "../../i18n/choose";
import { I18nProvider } from "../../i18n/I18n";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher";
import { PHONE_ROLES } from "./text";
import { usePhoneText } from "./useText";
import "./participant.css";

export default function ParticipantPage(props: { code: string }) {
  const sessionState = useSession(props.code);
  const { session } = sessionState;
  const event = "event" in session ? session.event : null;
  // After the first render, when the link is quiet: the worker that lets this page open offline.
  useEffect(() => registerOfflineShell(), []);
  return (
    <I18nProvider lang={chooseLanguage({ eventLanguage: event?.language })} roles={PHONE_ROLES}>
      <PhoneLanguage />
      <Phase {...sessionState} />
    </I18nProvider>
  );
}

/** The switcher, small at the top's inline end, out of the ballot's way. */
function PhoneLanguage() {
  const { t } = usePhoneText();
  return <LanguageSwitcher label={t("language")} className="language-switcher pp-language" />;
}

function Phase({ session, code, submitInvite, rejoin }: ReturnType<typeof useSession>) {
  const { t } = usePhoneText();
  switch (session.phase) {
    case "loading":
      return (
        <main className="page participant narrow">
          <p className="loading" role="status">{t("loading")}</p>
        </main>
      );
    case "missing":
      return (
        <main className="page participant narrow">
          <h1>{code ? t("missingTitle", { code }) : t("missingTitleBlank")}</h1>
          <p>{t("missingHint")}</p>
          <JoinByCode heading="" />
        </main>
      );
    case "unreachable":
      return (
        <main className="page participant narrow">
          <h1>{t("unreachableTitle")}</h1>
          <p role="status">{t("tryingAgain", { reason: t(phoneErrorKey(session.error)) })}</p>
          <p>{t("checkWifi")}</p>
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
