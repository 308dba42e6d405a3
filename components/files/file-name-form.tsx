/** An inline file-name field: Enter saves, Escape cancels, and the reason a name is refused shows beside it. */
import { useId, useState } from 'react';

interface Props {
  label: string;
  initial: string;
  submitLabel: string;
  validate(name: string): string | null;
  onSubmit(name: string): void;
  onCancel(): void;
}

export function FileNameForm({ label, initial, submitLabel, validate, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const messageId = useId();
  const error = touched ? validate(name.trim()) : null;

  return (
    <form
      className="file-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (validate(name.trim()) === null) onSubmit(name.trim());
      }}
    >
      <input
        className="input file-form-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId}
        value={name}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        onFocus={(event) => {
          // Select the base name so typing replaces it but keeps the extension (the whole name when it has none).
          const value = event.currentTarget.value;
          const dot = value.lastIndexOf('.');
          const slash = value.lastIndexOf('/');
          event.currentTarget.setSelectionRange(slash + 1, dot > slash + 1 ? dot : value.length);
        }}
        onChange={(event) => {
          setName(event.target.value);
          setTouched(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="file-form-actions">
        <button type="submit" className="button button-small">{submitLabel}</button>
        <button type="button" className="button button-small button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      <p id={messageId} className="field-message" aria-live="polite">{error}</p>
    </form>
  );
}
