// Placeholder until this page lands (see the open issues).
export default function ReportPage(props: { code?: string }) {
  return <main className="page"><h1>ReportPage {props.code}</h1></main>;
}
