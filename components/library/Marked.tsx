/** Text with the search's matched words in <mark>. */
import { markParts } from '../../utils/models/library-marks';

export function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {markParts(text, terms).map((part, i) =>
        part.mark ? (
          <mark key={i} class="rounded-[3px] bg-mark px-px text-ink">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
