// The start page: organisers create an event, participants who typed the bare address join one.
import { CreateEventForm } from "./CreateEventForm";
import { ImportEventFile } from "./ImportEventFile";
import { JoinByCode } from "../participant/JoinByCode";
import "./home.css";

export default function HomePage() {
  return (
    <main className="page home">
      <header className="home-header">
        <h1>Plenary</h1>
        <p className="lead">Prioritise proposals together: everyone votes from their phone, the projector shows the tally live.</p>
      </header>
      <div className="home-grid">
        <div className="home-side">
          <section className="home-join" aria-label="Join an event">
            <JoinByCode heading="Join an event" />
          </section>
          <ImportEventFile />
        </div>
        <section className="card home-create" aria-labelledby="create-heading">
          <h2 id="create-heading">Create an event</h2>
          <CreateEventForm />
        </section>
      </div>
    </main>
  );
}
