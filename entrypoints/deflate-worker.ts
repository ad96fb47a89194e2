import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveDeflate } from '@/utils/transfer/deflate-pool';

// A dedicated worker the library page starts for a zip export (utils/transfer/deflate-pool.ts):
// it compresses entries while the page reads the next articles.
export default defineUnlistedScript(() => serveDeflate(self as unknown as Parameters<typeof serveDeflate>[0]));
