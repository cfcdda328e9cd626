import { vietnamDate } from '#shared/format/vietnamTime';
import type { TemplatePack } from '#shared/templates/pack';

/** The name a pack is saved under: `thoa-uoc-templates-YYYY-MM-DD.json`, the date it was exported in Vietnam. */
export function packFileName(pack: TemplatePack): string {
  return `thoa-uoc-templates-${vietnamDate(pack.exportedAt)}.json`;
}

/**
 * Hands a pack to the browser as a download: a Blob behind a temporary anchor with `download`
 * (no server round trip; the CSP allows blob: downloads since nothing is loaded from them).
 */
export function downloadPack(pack: TemplatePack): string {
  const name = packFileName(pack);
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(pack, null, 2)}\n`], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The click has handed the file to the browser's downloads; the URL is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
