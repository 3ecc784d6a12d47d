import { useEffect, useRef, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Accepts files dropped anywhere on the page. Returns whether files are
 * being dragged over it, to show the drop zone. Dropped files never make the
 * browser navigate to them (which would throw away the page), even while
 * `enabled` is false; they are then ignored.
 */
export function useFileDrop(onDrop: (files: FileList) => void, enabled: boolean): boolean {
  const [dragging, setDragging] = useState(false);
  const onDropRef = useRef(onDrop);
  const enabledRef = useRef(enabled);
  useEffect(() => {
    onDropRef.current = onDrop;
    enabledRef.current = enabled;
  });

  useEffect(() => {
    // dragenter and dragleave fire for every child crossed; count them to know when the drag left the page.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      if (enabledRef.current) setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = enabledRef.current ? 'copy' : 'none';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (enabledRef.current && event.dataTransfer) onDropRef.current(event.dataTransfer.files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return dragging && enabled;
}
