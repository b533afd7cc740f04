import type { Zippable, ZippableFile } from 'fflate';
import type { ExportedFile, ExportedFolder } from '../../main/common/records';

/**
 * Hands an export to the person as a download: the browser host saves it where downloads go, and
 * Electron asks where to save it. A folder (the Obsidian vault) goes as one .zip, since a page
 * can only offer files.
 */
export async function saveExport(exported: ExportedFile | ExportedFolder): Promise<string> {
  if ('files' in exported) {
    // Loaded when a folder is first exported: fflate builds its compression tables as it loads,
    // work that would otherwise delay every start of the app.
    const { strToU8, zipSync } = await import('fflate');
    // A PDF or EPUB is compressed already: stored as is, it zips in no time and no larger.
    const entries: Zippable = Object.fromEntries(
      exported.files.map((file): [string, ZippableFile] => [
        `${exported.folderName}/${file.path}`,
        file.encoding === 'base64' ? [bytesOfBase64(file.content), { level: 0 }] : strToU8(file.content),
      ]),
    );
    const name = `${exported.folderName}.zip`;
    download(new Blob([zipSync(entries, { level: 6 })], { type: 'application/zip' }), name);
    return name;
  }
  const blob =
    exported.encoding === 'base64'
      ? new Blob([bytesOfBase64(exported.content)], { type: exported.mediaType })
      : new Blob([exported.content], { type: `${exported.mediaType};charset=utf-8` });
  download(blob, exported.fileName);
  return exported.fileName;
}

/** A zip (a REFI-QDA project, say) crosses the API as base64 text; the file is its bytes. */
function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next task; the URL would otherwise hold the blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
