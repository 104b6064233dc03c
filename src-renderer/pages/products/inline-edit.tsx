import { useId, useState } from 'react';
import type { ReactNode } from 'react';

export interface InlineEditProps {
  /** What the cell shows when not editing. */
  display: ReactNode;
  /** The text the input starts with. */
  initial: string;
  label: string;
  /** Validates and saves; resolves to an error to show at the field, or null when saved. */
  onSubmit: (text: string) => Promise<string | null>;
  listId?: string;
  testId: string;
}

/** A cell that turns into an input on click; Enter saves, Escape cancels, errors stay at the field. */
export function InlineEdit({ display, initial, label, onSubmit, listId, testId }: InlineEditProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const cancel = () => { setEditing(false); setError(null); setText(initial); };
  const submit = async () => {
    if (busy) return;
    if (text.trim() === initial.trim()) { cancel(); return; }
    setBusy(true);
    const problem = await onSubmit(text).finally(() => setBusy(false));
    if (problem) setError(problem);
    else { setEditing(false); setError(null); }
  };

  if (!editing) {
    return (
      <button type="button" className="cell-edit" title={label} aria-label={`${label}: ${typeof display === 'string' ? display : initial}`} data-testid={testId}
        onClick={() => { setText(initial); setEditing(true); }}>
        {display}
      </button>
    );
  }
  return (
    <span className="cell-editor">
      <input
        autoFocus
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        list={listId}
        value={text}
        disabled={busy}
        data-testid={`${testId}-input`}
        onChange={(e) => { setText(e.target.value); setError(null); }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); void submit(); }
          if (e.key === 'Escape') { e.preventDefault(); cancel(); }
        }}
        onBlur={() => { if (!error) void submit(); }}
      />
      {error && <span id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>{error}</span>}
    </span>
  );
}
