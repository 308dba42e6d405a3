/** A modal editor for one table item: its JSON in a text area, saved with PutItem (the key may change: that is a new item). */
import { useEffect, useId, useRef, useState } from 'react';
import { CodeField } from '@/components/ui/code-field';

interface Props {
  /** The item being edited, or null when closed. */
  item: Record<string, unknown> | null;
  title: string;
  /** Resolves with why the save failed, or null when it succeeded (the dialog then closes). */
  onSave(text: string): Promise<string | null>;
  onClose(): void;
}

export function ItemEditor({ item, title, onSave, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const errorId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (item && !dialog.open) {
      setText(JSON.stringify(item, null, 2));
      setError(null);
      dialog.showModal();
    } else if (!item && dialog.open) {
      dialog.close();
    }
  }, [item]);

  return (
    <dialog
      ref={ref}
      className="dialog item-editor"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const problem = await onSave(text);
          if (problem) setError(problem);
          else onClose();
        }}
      >
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <CodeField
          label="Item"
          value={text}
          rows={10}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={setText}
        />
        <p className="muted small">Saving puts the item as PutItem does: changing its key adds a new item and keeps the old one.</p>
        {error && <p id={errorId} role="alert" className="result-error-line">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button-primary">Save item</button>
        </div>
      </form>
    </dialog>
  );
}
