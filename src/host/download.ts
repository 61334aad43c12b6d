/**
 * Offering bytes as a file from inside a web view: a Blob behind an `<a download>` link, clicked. Excel on the web and
 * Excel on Windows with the WebView2 (Edge) runtime save it like a browser download; older web views (Internet Explorer
 * in Excel 2016, and the Mac and iPad web views) ignore or block it, so the hosts only claim the capability where the
 * link's `download` attribute exists and the platform is not one known to drop it.
 */

/** What the pane's surroundings offer, gathered by the host (the function itself stays free of globals, for tests). */
export interface DownloadEnvironment {
  /** `'download' in HTMLAnchorElement.prototype` */
  anchorDownload: boolean;
  /** Blob and URL.createObjectURL exist. */
  blobUrls: boolean;
  /** Office.context.platform when known ('PC', 'OfficeOnline', 'Mac', 'iOS', …). */
  platform?: string | null;
}

/** Platforms whose web view drops `<a download>` clicks without a word (so the pane says to use the web page instead). */
const SILENT_PLATFORMS = new Set(['Mac', 'iOS', 'Android']);

export function canDownload(env: DownloadEnvironment): boolean {
  if (!env.anchorDownload || !env.blobUrls) return false;
  return !(env.platform && SILENT_PLATFORMS.has(env.platform));
}

/** The current page's environment (no document: nothing can be downloaded). */
export function currentDownloadEnvironment(platform?: string | null): DownloadEnvironment {
  const hasDocument = typeof document !== 'undefined' && typeof HTMLAnchorElement !== 'undefined';
  return {
    anchorDownload: hasDocument && 'download' in HTMLAnchorElement.prototype,
    blobUrls: typeof Blob !== 'undefined' && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function',
    platform: platform ?? null,
  };
}

/** Saves `bytes` as `name` through a Blob link; the URL is released once the browser has taken the file. */
export async function downloadThroughLink(name: string, bytes: Uint8Array, mime: string): Promise<void> {
  // A copy into a fresh ArrayBuffer: the Blob must not see a view over a larger (or shared) buffer.
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: mime });
  const url = URL.createObjectURL(blob);
  clickDownloadLink(url, name);
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Clicks a hidden `<a download>` to `url` (a blob: or data: URL): how every pane and the web page hand a file over. */
export function clickDownloadLink(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
