import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOutcome, OriginalFiles } from '../../main/common/records';
import { api } from '../api/client';
import { CollectionsDialog } from './CollectionsDialog';
import { DocumentList } from './DocumentList';
import { ImportButton } from './ImportButton';
import { importFiles, importWithPassword, lockedFromMenu } from './import-files';
import { importProjects, isProjectFile } from './import-projects';
import { ImportReport, type ImportReportData } from './ImportReport';
import { useFileDrop } from './use-file-drop';
import { outcomesBesidePrompts, passwordAnswered, passwordMissing, passwordSending, promptDismissed, promptsFor, type PasswordPrompt } from './password-prompts';
import type { LibraryList } from './use-library';
import { ExportMenu } from '../export/ExportMenu';
import { libraryExportChoices } from '../export/export-choices';

interface Props {
  library: LibraryList;
  openId: number | null;
  onOpen(id: number): void;
  /** Something here needs to be seen (files dragged over the window, an import's report): show this view. */
  onNeeded(): void;
}

export function LibraryPane({ library, openId, onOpen, onNeeded }: Props) {
  const [report, setReport] = useState<ImportReportData | null>(null);
  const [managing, setManaging] = useState(false);
  // The Export menu's "Without PDF and EPUB files": kept while the app runs, as the export dialogs of Zotero keep theirs.
  const [originals, setOriginals] = useState<OriginalFiles>('include');
  const importButton = useRef<HTMLButtonElement>(null);
  const running = useRef<AbortController | null>(null);
  const busy = report?.progress != null;
  const openNow = useRef(openId);
  useEffect(() => {
    openNow.current = openId;
  });

  const importChosen = async (files: File[]) => {
    if (running.current) return;
    const openedBefore = openNow.current;
    onNeeded();
    const cancel = (running.current = new AbortController());
    // Files still waiting for a password stay asked about through a new import.
    setReport((current) => ({ progress: { done: 0, total: files.length, current: null }, outcomes: [], projects: [], error: null, cancelled: 0, locked: current?.locked ?? [] }));
    const projectFiles = files.filter(isProjectFile);
    const run = await importFiles(
      api,
      files.filter((file) => !isProjectFile(file)),
      { signal: cancel.signal, onProgress: (progress) => setReport((current) => current && { ...current, progress: { ...progress, total: files.length } }) },
    );
    const projects = projectFiles.length > 0 && !cancel.signal.aborted ? await importProjects(api, projectFiles) : { reports: [], refused: [] };
    running.current = null;
    setReport((current) => ({
      progress: null,
      outcomes: [...outcomesBesidePrompts(run.outcomes, run.locked), ...projects.refused],
      projects: projects.reports,
      error: run.ok ? null : run.error,
      cancelled: (run.ok ? run.cancelled : 0) + (cancel.signal.aborted ? projectFiles.length : 0),
      locked: [...(current?.locked ?? []), ...promptsFor(run.locked)],
    }));
    const last = lastDocumentIn(run.outcomes);
    // A document the person opened while the files came in stays open: the import does not take them away from it.
    if (last !== null && openNow.current === openedBefore) onOpen(last);
  };

  // File > Import… in the desktop app imports in the main process; its outcomes land here too.
  const latest = useRef({ onOpen, importChosen, onNeeded });
  useEffect(() => {
    latest.current = { onOpen, importChosen, onNeeded };
  });
  useEffect(
    () =>
      api.onMenuImport?.((menuImport) => {
        const { outcomes } = menuImport;
        const locked = lockedFromMenu(menuImport);
        latest.current.onNeeded();
        setReport((current) => ({
          progress: null,
          outcomes: outcomesBesidePrompts(outcomes, locked),
          projects: [],
          error: null,
          cancelled: 0,
          locked: [...(current?.locked ?? []), ...promptsFor(locked)],
        }));
        const last = lastDocumentIn(outcomes);
        if (last !== null) latest.current.onOpen(last);
      }),
    [],
  );
  const dropped = useCallback((files: File[]) => void latest.current.importChosen(files), []);
  const dragging = useFileDrop(dropped);
  useEffect(() => {
    if (dragging) latest.current.onNeeded();
  }, [dragging]);

  const dismissProblems = () => {
    setReport((current) => current && { ...current, outcomes: current.outcomes.filter((outcome) => outcome.status !== 'refused'), error: null });
    // The alert and its button are gone; put focus somewhere that makes sense rather than on the page body.
    importButton.current?.focus();
  };

  const openLocked = async (prompt: PasswordPrompt, password: string) => {
    if (password === '') {
      setReport((current) => current && passwordMissing(current, prompt.id));
      return;
    }
    setReport((current) => current && passwordSending(current, prompt.id));
    const answer = await importWithPassword(api, prompt.file, password);
    setReport((current) => current && passwordAnswered(current, prompt.id, answer));
    if (answer.ok && (answer.value.status === 'imported' || answer.value.status === 'duplicate')) {
      // Its prompt is gone: focus goes back to Import (or on to the next prompt, which takes it).
      importButton.current?.focus();
      onOpen(answer.value.document.id);
    }
  };

  const dismissPrompt = (prompt: PasswordPrompt) => {
    setReport((current) => current && promptDismissed(current, prompt.id));
    importButton.current?.focus();
  };

  return (
    <nav aria-label="Library" className="library-pane list-pane">
      <div className="library-header">
        {/* The view's tab shows the name; the heading is there for those who move by headings. */}
        <h2 className="visually-hidden">Library</h2>
        <div className="library-actions">
          <ImportButton ref={importButton} busy={busy} onFiles={(files) => void importChosen(files)} />
          <ExportMenu label="Export library" choices={libraryExportChoices(originals, setOriginals)} />
          <button type="button" className="button button-quiet" aria-haspopup="dialog" onClick={() => setManaging(true)}>
            Collections…
          </button>
        </div>
      </div>
      <ImportReport
        report={report}
        onCancel={() => running.current?.abort()}
        onDismissProblems={dismissProblems}
        onOpen={onOpen}
        onPassword={(prompt, password) => void openLocked(prompt, password)}
        onDismissPrompt={dismissPrompt}
      />
      <DocumentList library={library} openId={openId} onOpen={onOpen} />
      {managing && <CollectionsDialog onClose={() => setManaging(false)} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to import into the library</p>
        </div>
      )}
    </nav>
  );
}

function lastDocumentIn(outcomes: ImportOutcome[]): number | null {
  for (let index = outcomes.length - 1; index >= 0; index--) {
    const outcome = outcomes[index];
    if (outcome && (outcome.status === 'imported' || outcome.status === 'duplicate')) return outcome.document.id;
  }
  return null;
}
