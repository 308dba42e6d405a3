/** A labelled monospace text area for JSON and message bodies (Body, Event, Payload): the label is its accessible name. */
import type { TextareaHTMLAttributes } from 'react';

interface CodeFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'className'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Extra class on the text area (sizing). */
  inputClassName?: string;
}

export function CodeField({ label, value, onChange, inputClassName, rows = 4, ...rest }: CodeFieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <textarea
        {...rest}
        className={inputClassName ? `input mono ${inputClassName}` : 'input mono'}
        rows={rows}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
