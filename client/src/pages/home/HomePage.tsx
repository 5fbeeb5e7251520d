// Placeholder until this page lands (see the open issues).
export default function HomePage(props: { code?: string }) {
  return <main className="page"><h1>HomePage {props.code}</h1></main>;
}
