import { useDocumentRoute } from './route';
import { LibraryPane } from './library/LibraryPane';
import { useLibrary } from './library/use-library';
import { Reader } from './reader/Reader';

export function App() {
  const [openId, openDocument] = useDocumentRoute();
  const library = useLibrary();
  return (
    <div className="app">
      <LibraryPane library={library} openId={openId} onOpen={openDocument} />
      <Reader documentId={openId} onDocumentChanged={library.reload} />
    </div>
  );
}
