import { benchDetect } from '../bench-detect';
import type { Bench } from './types';

/** The always-on cost: detection on a ~200 kB article in real Chromium. */
export const detectBench: Bench = {
  name: 'detection (content script)',
  async run() {
    const r = await benchDetect();
    return [
      { name: `detectArticle median, ${Math.round(r.bytes / 1024)} kB page`, value: r.detectMedianMs, unit: 'ms', baselineName: 'isProbablyReaderable median', baseline: r.readerableMedianMs, goal: '< 2 ms' },
      { name: 'detectArticle p95', value: r.detectP95Ms, unit: 'ms' },
    ];
  },
};
