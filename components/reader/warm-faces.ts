/**
 * Loads the article's regular and bold faces while the article is still on its
 * way. The faces are font-display: block, and a face only starts loading when
 * layout first asks for it, so otherwise the first frame with the article lays
 * the text out invisibly and the text appears a frame or more later. The
 * default face's files are preloaded by entrypoints/reader/index.html; this turns
 * them into loaded faces. It follows the setting: the stored choice replaces the default.
 */
import { effect } from '@preact/signals';
import type { ReaderModel } from '../../utils/models/reader';
import type { FontFamily } from '../../utils/settings';

/** The @font-face families of assets/reader-fonts.css, per reader font setting (assets/reader.css). */
const FACES: Record<FontFamily, string> = {
  serif: 'Literata',
  sans: '"Source Sans 3"',
  legible: '"Atkinson Hyperlegible"',
  dyslexic: 'OpenDyslexic',
};

export function warmReaderFaces(reader: ReaderModel): void {
  if (!('fonts' in document)) return;
  effect(() => {
    const family = FACES[reader.typography.fontFamily.value.value];
    for (const weight of ['400', '700']) {
      document.fonts.load(`${weight} 16px ${family}`).catch(() => undefined);
    }
  });
}
