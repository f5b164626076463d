export type DownloadFile = { filename: string; mimeType: string; content: string };

/**
 * Saves text the server sent as a file. Exports come through a fetcher, not a plain link: in the
 * embedded admin only fetch requests carry the session token.
 */
export function download(file: DownloadFile) {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = file.filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}
