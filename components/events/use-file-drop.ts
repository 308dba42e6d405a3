/** Drag-and-drop of files onto an element: whether a file is over it (for the highlight), and the handlers to spread. */
import { useRef, useState, type DragEvent } from 'react';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/** `onFile` null turns dropping off (the handlers do nothing). One file at a time: the first dropped file is passed on. */
export function useFileDrop(onFile: ((file: File) => void) | null) {
  const [active, setActive] = useState(false);
  /** dragenter/dragleave fire for every child crossed: count them so the highlight does not flicker. */
  const depth = useRef(0);
  if (!onFile) return { active: false, handlers: {} };
  return {
    active,
    handlers: {
      onDragEnter(event: DragEvent) {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      },
      onDragOver(event: DragEvent) {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave() {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      },
      onDrop(event: DragEvent) {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setActive(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      },
    },
  };
}
