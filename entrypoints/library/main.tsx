// The library page: styles, the models over the library repository, one component.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/app.css';
import { LibraryPage } from '../../components/library/LibraryPage';
import { onUpgradeBlocked } from '../../utils/db/open';
import { libraryRepository } from '../../utils/db/library-repository';
import { listAllHighlights } from '../../utils/db/highlights';
import { exportErrorText, libraryErrorText } from '../../utils/i18n';
import { downloadBlob } from '../../utils/download';
import { createExportModel, libraryScopeIds, whenLoaded } from '../../utils/models/export';
import { createFetchProgressModel } from '../../utils/models/fetch-progress';
import { browserLibraryDeps, createLibraryModel } from '../../utils/models/library';
import { browserHighlightsDeps, createHighlightsModel } from '../../utils/models/library-highlights';
import { createImportModel } from '../../utils/models/library-import';
import { createSiteFixesModel } from '../../utils/models/site-fixes';
import { deleteSiteRule, listSiteRules, putSiteRule } from '../../utils/db/site-rules';
import { browserFetchProgressDeps, browserImportDeps, onLibraryChange } from '../../utils/transfer/import/page-deps';

function main() {
  const model = createLibraryModel(browserLibraryDeps(libraryRepository, libraryErrorText));
  const highlights = createHighlightsModel(browserHighlightsDeps(listAllHighlights, libraryRepository.search, libraryErrorText), model.articlesById);
  const fixes = createSiteFixesModel({
    list: listSiteRules,
    remove: deleteSiteRule,
    put: putSiteRule,
    errorText: libraryErrorText,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const importer = createImportModel(browserImportDeps());
  const downloads = createFetchProgressModel(browserFetchProgressDeps());
  const exporter = createExportModel({
    // The formats (zip, Markdown, EPUB) load on the first export, not with the page.
    run: async (format, ids, options) => {
      const [{ runExport }, { readBundles }] = await Promise.all([import('../../utils/transfer/export/formats'), import('../../utils/db/transfer')]);
      // Zip formats compress on worker threads while the page reads (utils/transfer/deflate-pool.ts).
      const spawnDeflater = () => new Worker(browser.runtime.getURL('/deflate-worker.js'));
      // A backup carries the site fixes too (utils/transfer/backup/site-rules.ts).
      const siteRules = format === 'backup' ? await listSiteRules() : undefined;
      return runExport(format, ids, readBundles, { ...options, spawnDeflater, cores: navigator.hardwareConcurrency, siteRules });
    },
    download: downloadBlob,
    errorText: exportErrorText,
    ids: (scope) => libraryScopeIds(model, scope),
    ready: () => whenLoaded(model),
  });
  onUpgradeBlocked(model.setBlocked);
  // Before the first render: the database opens while the page renders its frame.
  void model.start();
  onLibraryChange(() => void downloads.refresh());
  void downloads.refresh();
  render(<LibraryPage model={model} highlights={highlights} fixes={fixes} importer={importer} downloads={downloads} exporter={exporter} />, document.getElementById('app')!);
}

main();
