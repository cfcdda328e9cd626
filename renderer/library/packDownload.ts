import type { TemplatePack } from '#shared/templates/pack';

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** The name a pack is saved under: `thoa-uoc-templates-YYYY-MM-DD.json`, on this computer's date. */
export function packFileName(date: Date): string {
  return `thoa-uoc-templates-${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}.json`;
}

/**
 * Hands a pack to the browser as a download: a Blob behind a temporary anchor with `download`
 * (no server round trip; the CSP allows blob: downloads since nothing is loaded from them).
 */
export function downloadPack(pack: TemplatePack, date: Date = new Date()): string {
  const name = packFileName(date);
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
