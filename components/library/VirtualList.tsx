/**
 * The list, windowed: rows have one fixed height, so the rows on screen (plus
 * a few either side) are the only ones in the DOM, placed absolutely inside a
 * box as tall as all of them. 10,000 rows cost ~25 elements.
 *
 * Keyboard: ArrowUp/ArrowDown (and Home/End) move a roving focus through the
 * rows, scrolling the focused one into view first when it is not rendered;
 * Enter on a row opens it, Space selects it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArticleMeta } from '../../utils/library/types';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { ArticleRow, ROW_HEIGHT } from './ArticleRow';

const OVERSCAN = 4;
/** Room kept above a focused row for the sticky bar over the list. */
const TOP_MARGIN = 72;

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || el.matches('input:not([type=checkbox]), textarea, select'));
}

export function VirtualList({ rows, model }: { rows: readonly ArticleMeta[]; model: LibraryModel }) {
  const box = useRef<HTMLUListElement>(null);
  // No rows in the first render: where the list sits is only known once it is laid out, and rows
  // rendered on a guess (12, when 3 were on screen) were built and then thrown away before the first paint.
  const [range, setRange] = useState({ start: 0, end: 0 });
  // Rows off screen are there for scrolling; the first paint goes without them (about half its rows).
  const overscan = useRef(0);
  const focusAfterRender = useRef<string | null>(null);
  const n = rows.length;

  const measure = () => {
    const el = box.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top;
    const start = Math.max(0, Math.floor(-top / ROW_HEIGHT) - overscan.current);
    const end = Math.min(n, Math.ceil((window.innerHeight - top) / ROW_HEIGHT) + overscan.current);
    setRange((prev) => (prev.start === start && prev.end === end ? prev : { start, end }));
  };
  const latestMeasure = useRef(measure);
  latestMeasure.current = measure;

  useLayoutEffect(() => {
    measure();
    window.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [n]);

  useEffect(() => {
    // After the next frame is painted (a timer queued from its animation frame runs after it).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        overscan.current = OVERSCAN;
        latestMeasure.current();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  // A keyboard move: scroll the row into view, then focus it once it is rendered (this render,
  // or the next one when the scroll brought a new range).
  const request = model.focusRequest.value;
  useLayoutEffect(() => {
    if (!request || !box.current) return;
    const index = rows.findIndex((m) => m.id === request.id);
    if (index === -1) return;
    const rowTop = box.current.getBoundingClientRect().top + index * ROW_HEIGHT;
    if (rowTop < TOP_MARGIN) window.scrollBy(0, rowTop - TOP_MARGIN);
    else if (rowTop + ROW_HEIGHT > window.innerHeight) window.scrollBy(0, rowTop + ROW_HEIGHT - window.innerHeight + 8);
    focusAfterRender.current = request.id;
    measure();
  }, [request]);

  useLayoutEffect(() => {
    const id = focusAfterRender.current;
    if (!id || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`);
    if (el) {
      focusAfterRender.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTextField(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity, PageDown: 5, PageUp: -5 };
    const delta = moves[e.key];
    if (delta !== undefined) {
      e.preventDefault();
      model.moveFocus(Number.isFinite(delta) ? delta : delta > 0 ? n : -n);
      return;
    }
    const row = e.target instanceof HTMLElement && e.target.matches('[data-row-id]') ? e.target : null;
    if (row && e.key === 'Enter') {
      e.preventDefault();
      row.querySelector<HTMLAnchorElement>('a[data-open]')?.click();
    }
    // Space on a focused row selects it, as on its checkbox.
    if (row && e.key === ' ') {
      e.preventDefault();
      model.toggleSelected(row.dataset.rowId!);
    }
  };

  const focused = model.focusedId.value;
  const focusedShown = focused !== null && rows.some((m) => m.id === focused);
  const slice = rows.slice(range.start, range.end);
  return (
    <ul
      ref={box}
      aria-label={t('libraryResults')}
      class="relative border-t border-line"
      style={{ height: `${n * ROW_HEIGHT}px` }}
      onKeyDown={onKeyDown}
    >
      {slice.map((meta, i) => {
        const index = range.start + i;
        return (
          <ArticleRow
            key={meta.id}
            meta={meta}
            model={model}
            index={index}
            total={n}
            top={index * ROW_HEIGHT}
            focusable={focusedShown ? meta.id === focused : index === 0}
          />
        );
      })}
    </ul>
  );
}
