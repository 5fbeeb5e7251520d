// Placeholder until this page lands (see the open issues).
export default function AdminPage(props: { code?: string }) {
  return <main className="page"><h1>AdminPage {props.code}</h1></main>;
}
