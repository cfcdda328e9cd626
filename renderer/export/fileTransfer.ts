/** Offers a file received as base64 for download (through a Blob, no data: URL). */
export function downloadBase64(fileBase64: string, fileName: string, mimeType: string): void {
  const binary = atob(fileBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen file as base64, reporting how much was read (0 to 1). */
export function readFileBase64(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      // A data URL: "data:<type>;base64,<data>".
      resolve(result.slice(result.indexOf(',') + 1));
    };
    signal.addEventListener('abort', () => reader.abort(), { once: true });
    reader.readAsDataURL(file);
  });
}
