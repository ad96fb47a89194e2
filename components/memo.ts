/**
 * React.memo for Preact without preact/compat: a component that re-renders
 * only when a prop changed (shallow). preact/compat's memo brought all of
 * compat onto the library page, and compat hooks every element Preact creates
 * (to rewrite React-style props), which was a visible share of the first
 * rows' render in a CPU profile. Same shape as compat's: the memoised
 * component renders the wrapped one as its only child.
 */
import { h, type FunctionComponent } from 'preact';

function changed(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (a[key] !== b[key]) return true;
  for (const key in b) if (!(key in a)) return true;
  return false;
}

export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  function Memo(this: { shouldComponentUpdate?: (next: P) => boolean; props: P }, props: P) {
    this.shouldComponentUpdate = (next) => changed(this.props as Record<string, unknown>, next as Record<string, unknown>);
    return h(render, props);
  }
  Memo.displayName = `Memo(${render.displayName ?? render.name})`;
  return Memo;
}
