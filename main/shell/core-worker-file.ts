/**
 * The library's worker thread, as electron-vite builds it (electron.config.ts names the entry):
 * its own file in out/main/, beside main.js, loaded by main/service/worker-core.ts.
 */
export const CORE_WORKER_ENTRY = 'core-worker';
export const CORE_WORKER_FILE = `${CORE_WORKER_ENTRY}.js`;
