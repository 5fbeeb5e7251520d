// Placeholder until this page lands (see the open issues).
export default function ScreenPage(props: { code?: string }) {
  return <main className="page"><h1>ScreenPage {props.code}</h1></main>;
}
