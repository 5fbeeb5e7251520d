// Placeholder until this page lands (see the open issues).
export default function CardsPage(props: { code?: string }) {
  return <main className="page"><h1>CardsPage {props.code}</h1></main>;
}
