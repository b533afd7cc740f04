import { Suspense } from 'react';
import { useDocumentRoute, useRoute } from './route';
import { ActorsSection } from './actors/ActorsSection';
import { LibraryPane } from './library/LibraryPane';
import { NotesSection } from './notes/NotesSection';
import { useLibrary } from './library/use-library';
import { Reader } from './reader/Reader';
import { SearchDialog } from './search/SearchDialog';
import { ActorPageView, NoteView } from './views';

export function App() {
  const [openId, openDocument] = useDocumentRoute();
  const route = useRoute();
  const library = useLibrary();
  return (
    <div className="app">
      <div className="sidebar">
        <LibraryPane library={library} openId={openId} onOpen={openDocument} />
        <ActorsSection openId={route.kind === 'actor' ? route.id : null} />
        <NotesSection openId={route.kind === 'note' ? route.id : null} />
      </div>
      {route.kind === 'note' ? (
        // Nothing rather than a stand-in while a view's code loads: it is there in a moment.
        <Suspense fallback={null}>
          <NoteView key={route.id} id={route.id} documents={library.documents} />
        </Suspense>
      ) : route.kind === 'actor' ? (
        <Suspense fallback={null}>
          <ActorPageView key={route.id} id={route.id} />
        </Suspense>
      ) : (
        <Reader documentId={openId} highlightId={route.kind === 'document' ? route.highlightId : undefined} />
      )}
      <SearchDialog />
    </div>
  );
}
