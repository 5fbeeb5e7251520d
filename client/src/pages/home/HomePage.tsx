// The start page: organisers create an event, participants who typed the bare address join one.
import { useState } from "react";
import { CreateEventForm } from "./CreateEventForm";
import { ImportEventFile } from "./ImportEventFile";
import { JoinEvent } from "./JoinEvent";
import "./home.css";

/** The link `npm start` prints carries the organiser key in its fragment (never sent to a server). */
function keyFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("organiser-key") ?? "";
}

export default function HomePage() {
  // From the printed link, or asked for after the server refuses without it; kept in memory only.
  const [organiserKey, setOrganiserKey] = useState(keyFromFragment);
  const [keyNeeded, setKeyNeeded] = useState(false);
  const keyProps = { organiserKey, onKeyNeeded: () => setKeyNeeded(true) };
  return (
    <main className="page home">
      <header className="home-header">
        <h1>Plenary</h1>
        <p className="lead">Prioritise proposals together: everyone votes from their phone, the projector shows the tally live.</p>
      </header>
      <div className="home-grid">
        <div className="home-side">
          <section className="home-join" aria-label="Join an event">
            <JoinEvent />
          </section>
          <ImportEventFile {...keyProps} />
        </div>
        <section className="card home-create" aria-labelledby="create-heading">
          <h2 id="create-heading">Create an event</h2>
          {keyNeeded && (
            <div className="field organiser-key">
              <label htmlFor="organiser-key">Organiser key</label>
              <input id="organiser-key" type="password" autoComplete="off" value={organiserKey} onChange={(e) => setOrganiserKey(e.target.value)} />
            </div>
          )}
          <CreateEventForm {...keyProps} />
        </section>
      </div>
    </main>
  );
}
