// A catalog sentence with elements in it ("Join at <strong>{url}</strong>", "Press <kbd>?</kbd> again"):
// the sentence is formatted whole, with a private-use character standing in for each element, then
// split there, so a translator moves the element with the words and nothing is concatenated.
import { Fragment, type ReactNode } from "react";

const MARK = 0xe000;

export function rich(format: (stand: Record<string, string>) => string, nodes: Record<string, ReactNode>): ReactNode {
  const names = Object.keys(nodes);
  const stand = Object.fromEntries(names.map((n, i) => [n, String.fromCharCode(MARK + i)]));
  const text = format(stand);
  const out: ReactNode[] = [];
  let plain = "";
  for (const ch of text) {
    const i = ch.charCodeAt(0) - MARK;
    const name = i >= 0 && i < names.length ? names[i] : undefined;
    if (name === undefined) {
      plain += ch;
      continue;
    }
    if (plain) out.push(plain);
    plain = "";
    out.push(<Fragment key={`${name}${out.length}`}>{nodes[name]}</Fragment>);
  }
  if (plain) out.push(plain);
  return <>{out}</>;
}
