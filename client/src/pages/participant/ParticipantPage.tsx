// Placeholder until this page lands (see the open issues).
export default function ParticipantPage(props: { code?: string }) {
  return <main className="page"><h1>ParticipantPage {props.code}</h1></main>;
}
