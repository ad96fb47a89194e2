/**
 * WordPress widgets that leak into the story: themes render widget areas (the
 * sidebar, "below content", "after post") as blocks with the class `widget`
 * (`widget widget_block`, `widget_text`), and when such an area sits inside the
 * story's container Readability keeps it: a donation appeal, a "republish this
 * story" box, a tag cloud. Widget areas are the site's furniture, never the
 * story, which the theme prints outside them.
 *
 * Only the bare `widget` / `widget_*` class token: page builders name every
 * content block `elementor-widget-…`, and galleries use `widget-image-caption`.
 * An area holding a video, frame or table is left alone (an embed is more likely
 * to be part of the story than furniture), and so is a long one (a sidebar
 * widget is short; a long "widget" is a theme putting the story in one).
 * And when the widgets together hold most of what Readability kept, they are
 * how the theme lays out everything, the story included (a Blogger-style news
 * theme prints the story in a `widget_posts_slot` beside its "Also in the news"
 * slots): then none is removed, since removing them would leave no story.
 */
import { normalizeSpace } from '../text';
import { isInside, removeWithEmptyParents, textUpTo } from './dom';
import type { CleanupRule } from './rule';

const WIDGET_CLASS = /(?:^|\s)widget(?:$|\s|_)/i;
const MAX_WIDGET_CHARS = 1500;
/** Widgets holding more than this share of the kept text are the page's layout, not furniture around a story. */
const MAX_WIDGET_SHARE = 0.5;

export const sidebarWidgets: CleanupRule = {
  name: 'sidebar-widgets',
  run(root, ctx) {
    const widgets: { el: Element; chars: number }[] = [];
    for (const el of ctx.named) {
      if (!WIDGET_CLASS.test(el.getAttribute('class') ?? '') || !isInside(el, root)) continue;
      // Nested widget areas are counted once, with the outer one.
      if (widgets.some((w) => w.el.contains(el))) continue;
      // Raw text may carry indentation; allow for it before the exact length test.
      const raw = textUpTo(el, MAX_WIDGET_CHARS * 3);
      if (raw === null) continue;
      const chars = normalizeSpace(raw).length;
      if (chars > MAX_WIDGET_CHARS || el.querySelector('video, iframe, table, audio')) continue;
      widgets.push({ el, chars });
    }
    const total = normalizeSpace(root.textContent).length;
    const inWidgets = widgets.reduce((n, w) => n + w.chars, 0);
    if (widgets.length === 0 || inWidgets > total * MAX_WIDGET_SHARE) return 0;
    for (const w of widgets) removeWithEmptyParents(w.el, root);
    return widgets.length;
  },
};
