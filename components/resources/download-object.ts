/** Saves bytes as a file: a Blob, an object URL, and a temporary link with `download`. */
import type { StoredObject } from '@/runtime/services/types';

export function downloadObject(object: StoredObject): void {
  const blob = new Blob([object.body as Uint8Array<ArrayBuffer>], { type: object.contentType || 'application/octet-stream' });
  downloadBlob(blob, object.key.slice(object.key.lastIndexOf('/') + 1) || 'object');
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL is then not needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
