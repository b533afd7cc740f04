/**
 * The one Content Security Policy for every page Fieldbook shows, sent by the Electron shell's
 * app:// protocol and by the browser host: nothing but the app's own files, no inline script,
 * no plugin, no frame, no form target. renderer/index.html repeats it in a meta tag for pages
 * opened without either (and a test checks that the two agree).
 *
 * 'wasm-unsafe-eval' lets pdf.js compile its own WebAssembly decoders (shipped in the app, see
 * electron.config.ts): JBIG2 and CCITT, the compressions of most scans, have no other decoder in
 * pdf.js 5. It allows compiling WebAssembly only, never eval() of JavaScript (docs/SECURITY.md).
 * Workers need no directive of their own: worker-src falls back to script-src 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
