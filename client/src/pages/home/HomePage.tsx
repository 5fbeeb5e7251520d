// The start page: organisers create an event, participants who typed the bare address join one.
import { useEffect, useState } from "react";
import { chooseLanguage } from "../../i18n/choose";
import { I18nProvider, useT } from "../../i18n/I18n";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher";
import { CreateEventForm } from "./CreateEventForm";
import { ImportEventFile } from "./ImportEventFile";
import { JoinEvent } from "./JoinEvent";
import "./home.css";

/** The link `npm start` prints carries the organiser key in its fragment (never sent to a server). */
function keyFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("organiser-key") ?? "";
}

// The start page speaks its visitor's language: ?lang=, the switcher's remembered choice, the browser's.
const ROLES = ["home", "errors"] as const;

export default function HomePage() {
  return (
    <I18nProvider lang={chooseLanguage()} roles={ROLES}>
      <Home />
    </I18nProvider>
  );
}

function Home() {
  const t = useT("home");
  useEffect(() => {
    document.title = t("docTitle");
  }, [t]);
  // From the printed link, or asked for after the server refuses without it; kept in memory only.
  const [organiserKey, setOrganiserKey] = useState(keyFromFragment);
  const [keyNeeded, setKeyNeeded] = useState(false);
  const keyProps = { organiserKey, onKeyNeeded: () => setKeyNeeded(true) };
  return (
    <main className="page home">
      <header className="home-header">
        <div className="home-title">
          <h1>Plenary</h1>
          <LanguageSwitcher label={t("language")} />
        </div>
        <p className="lead">{t("lead")}</p>
      </header>
      <div className="home-grid">
        <div className="home-side">
          <section className="home-join" aria-label={t("joinRegion")}>
            <JoinEvent />
          </section>
          <ImportEventFile {...keyProps} />
        </div>
        <section className="card home-create" aria-labelledby="create-heading">
          <h2 id="create-heading">{t("createHeading")}</h2>
          {keyNeeded && (
            <div className="field organiser-key">
              <label htmlFor="organiser-key">{t("organiserKey")}</label>
              <input id="organiser-key" type="password" autoComplete="off" value={organiserKey} onChange={(e) => setOrganiserKey(e.target.value)} />
            </div>
          )}
          <CreateEventForm {...keyProps} />
        </section>
      </div>
    </main>
  );
}
