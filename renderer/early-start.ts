// The page's first script, small and loaded beside the app's code (electron.config.ts puts it first
// in index.html): when the app starts on a document, the library starts reading it while the
// browser is still compiling the rest. main.tsx asks as well, for where this script is not there (dev).
import { askForOpeningDocument } from './reader/early-open';

askForOpeningDocument(window.location.hash);
