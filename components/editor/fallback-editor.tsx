/** A plain text area for the open file while Monaco loads (or if it cannot): typing works from the first paint. */
import { forwardRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';

export const FallbackEditor = forwardRef<HTMLTextAreaElement>(function FallbackEditor(_props, ref) {
  const { path, text } = useWorkbench(
    useShallow((s) => {
      const open = s.workspace?.open ?? null;
      return { path: open, text: open ? (s.workspace?.files[open] ?? '') : '' };
    }),
  );
  const updateFile = useWorkbench((s) => s.updateFile);
  if (!path) return <p className="muted panel-pad">No file is open.</p>;
  return (
    <textarea
      ref={ref}
      className="fallback-editor"
      aria-label="Code editor"
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      wrap="off"
      value={text}
      onChange={(event) => updateFile(path, event.target.value)}
      onKeyDown={(event) => {
        // Tab indents instead of leaving the field; Escape then Tab leaves it (as in Monaco).
        if (event.key !== 'Tab' || event.shiftKey || event.currentTarget.dataset.escaped) return;
        event.preventDefault();
        const el = event.currentTarget;
        el.setRangeText('  ', el.selectionStart, el.selectionEnd, 'end');
        updateFile(path, el.value);
      }}
      onKeyUp={(event) => {
        if (event.key === 'Escape') event.currentTarget.dataset.escaped = '1';
        else if (event.key !== 'Tab') delete event.currentTarget.dataset.escaped;
      }}
    />
  );
});
