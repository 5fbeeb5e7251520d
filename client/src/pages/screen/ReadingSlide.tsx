// Reading mode: an area's proposals in full, a few to a screen, large, with their labels, for
// presenting them to the room before voting opens. No counts are ever shown here. The body
// (background, up to 4000 characters) stays on the phones: the proposal is its text.
import { useRef } from "react";
import type { Area } from "../../../../shared/schemas";
import { StatusPill } from "./AreaSlide";
import { areaReadingPages } from "./screen-model";
import { useShrinkToFit } from "./useFitText";
import { useScreenWords } from "./useScreenWords";

export interface ReadingSlideProps {
  area: Area;
  page: number;
  index: number;
  total: number;
}

export function ReadingSlide({ area, page, index, total }: ReadingSlideProps) {
  const { say } = useScreenWords();
  const proposals = [...area.proposals].sort((a, b) => a.position - b.position);
  const pages = areaReadingPages(proposals);
  const at = Math.min(Math.max(0, page), Math.max(0, pages.length - 1));
  const shown = (pages[at] ?? []).map((i) => proposals[i]).filter((p) => p !== undefined);
  const first = (pages[at]?.[0] ?? 0) + 1;
  const last = (pages[at]?.at(-1) ?? 0) + 1;
  const where = { n: index + 1, total, first, last, count: proposals.length };
  const ref = useRef<HTMLOListElement>(null);
  useShrinkToFit(ref, ".reading-text, .reading-label", `${area.id}:${at}:${shown.map((p) => `${p.id}${p.title.length}`).join()}`);
  return (
    <section className="slide reading" aria-labelledby="reading-heading" data-area-id={area.id} data-page={at + 1} data-pages={pages.length}>
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow" data-testid="reading-where">
            {say(proposals.length === 0 ? "readingNone" : first === last ? "readingOne" : "readingRange", where)}
          </p>
          <h1 id="reading-heading"><bdi>{area.title}</bdi></h1>
        </div>
        <div className="slide-meta">
          <StatusPill status={area.status} />
          {pages.length > 1 && <p className="reading-page">{say("pageOf", { page: at + 1, pages: pages.length })}</p>}
        </div>
      </header>
      <ol ref={ref} className="reading-list">
        {shown.map((p) => (
          <li key={p.id} className="reading-item" data-testid="reading-item" data-label={p.label}>
            <p className="reading-label"><bdi>{p.label}</bdi></p>
            <p className="reading-text" dir="auto">{p.title}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
