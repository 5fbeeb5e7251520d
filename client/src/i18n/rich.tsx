// A catalog sentence with page elements inside it ("event <bdi>K7Q2</bdi>"): the sentence stays whole
// in the catalog — a translator moves {code} where their language wants it — and the values the
// organiser or the server wrote (codes, titles, labels) are isolated from the sentence's direction.
import { Fragment, type ReactNode } from "react";
import type { Params } from "../../../shared/i18n/message";

// Private-use characters: they never occur in a catalog, so a split on them finds only our marks.
const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * `rich(t, "sub", { code: <bdi>{code}</bdi> }, { n: 3 })`: `nodes` become elements, `params` stay
 * plain values (numbers formatted and plurals chosen by the message runtime).
 */
export function rich(
  t: (key: string, params?: Params) => string,
  key: string,
  nodes: Readonly<Record<string, ReactNode>>,
  params: Params = {},
): ReactNode {
  const marked: Record<string, string | number> = { ...params };
  for (const name of Object.keys(nodes)) marked[name] = `${OPEN}${name}${CLOSE}`;
  const text = t(key, marked);
  const pieces = text.split(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`));
  // split with a capture group: even indices are text, odd ones the names of the nodes.
  return pieces.map((piece, i) => (i % 2 === 0 ? piece : <Fragment key={i}>{nodes[piece] ?? piece}</Fragment>));
}

/** A value written by a person or the server, shown in its own direction inside any sentence. */
export function Iso(props: { children: ReactNode; className?: string }) {
  return <bdi dir="auto" className={props.className}>{props.children}</bdi>;
}
