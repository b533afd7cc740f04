import { useDocumentRoute, useRoute } from './route';
import { ActorPageView } from './actors/ActorPageView';
import { ActorsSection } from './actors/ActorsSection';
import { LibraryPane } from './library/LibraryPane';
import { NotesSection } from './notes/NotesSection';
import { NoteView } from './notes/NoteView';
import { useLibrary } from './library/use-library';
import { Reader } from './reader/Reader';
import { SearchDialog } from './search/SearchDialog';

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
        <NoteView key={route.id} id={route.id} documents={library.documents} />
      ) : route.kind === 'actor' ? (
        <ActorPageView key={route.id} id={route.id} />
      ) : (
        <Reader documentId={openId} highlightId={route.kind === 'document' ? route.highlightId : undefined} onDocumentChanged={library.reload} />
      )}
      <SearchDialog />
    </div>
  );
}
