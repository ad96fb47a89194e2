/** Every benchmark of `npm run bench`, in the order they run and appear in docs/performance.md. */
import { bundleBench } from './bundles';
import { detectBench } from './detect';
import { exportBench } from './export';
import { highlightsBench } from './highlights';
import { importBench } from './import';
import { libraryBench } from './library';
import { pageLoadBench } from './page-load';
import { popupBench } from './popup';
import { readerBench } from './reader';
import type { Bench } from './types';

export const BENCHES: Bench[] = [bundleBench, pageLoadBench, detectBench, popupBench, readerBench, libraryBench, highlightsBench, importBench, exportBench];
