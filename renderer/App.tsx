import { Suspense, useEffect } from 'react';
import { useDocumentRoute, useRoute } from './route';
import { useLibrary } from './library/use-library';
import { AllHighlightsView } from './highlights/AllHighlightsView';
import { DeletedNoteNotice } from './notes/DeletedNoteNotice';
import { Reader } from './reader/Reader';
import { SearchDialog } from './search/SearchDialog';
import { ActorPageView, CoOccurrenceView, HypothesesView, NetworkView, NoteView, ThemePageView, TimelineView } from './views';
import { cyclePaneFocus } from './workspace/main-area';
import { Sidebar } from './workspace/Sidebar';
import { SkipLink } from './workspace/SkipLink';

export function App() {
  const [openId, openDocument] = useDocumentRoute();
  const route = useRoute();
  const library = useLibrary();
  useEffect(() => {
    window.addEventListener('keydown', cyclePaneFocus);
    return () => window.removeEventListener('keydown', cyclePaneFocus);
  }, []);
  return (
    <div className="app">
      <SkipLink />
      <Sidebar library={library} route={route} openDocumentId={openId} onOpenDocument={openDocument} />
      {route.kind === 'note' ? (
        // Nothing rather than a stand-in while a view's code loads: it is there in a moment.
        <Suspense fallback={null}>
          <NoteView key={route.id} id={route.id} documents={library.documents} />
        </Suspense>
      ) : route.kind === 'highlights' ? (
        <AllHighlightsView documents={library.documents} />
      ) : route.kind === 'actor' ? (
        <Suspense fallback={null}>
          <ActorPageView key={route.id} id={route.id} />
        </Suspense>
      ) : route.kind === 'theme' ? (
        <Suspense fallback={null}>
          <ThemePageView key={route.id} id={route.id} />
        </Suspense>
      ) : route.kind === 'co-occurrence' ? (
        <Suspense fallback={null}>
          <CoOccurrenceView documents={library.documents} />
        </Suspense>
      ) : route.kind === 'network' ? (
        <Suspense fallback={null}>
          <NetworkView documents={library.documents} />
        </Suspense>
      ) : route.kind === 'timeline' ? (
        <Suspense fallback={null}>
          <TimelineView documents={library.documents} />
        </Suspense>
      ) : route.kind === 'hypotheses' ? (
        <Suspense fallback={null}>
          <HypothesesView analysisId={route.id} documents={library.documents} />
        </Suspense>
      ) : (
        <Reader documentId={openId} highlightId={route.kind === 'document' ? route.highlightId : undefined} at={route.kind === 'document' ? route.at : undefined} />
      )}
      <SearchDialog />
      {/* Over every view: a note is deleted from its own page, which is gone at once, whichever list the sidebar shows. */}
      <div className="app-notices">
        <DeletedNoteNotice />
      </div>
    </div>
  );
}
