import type { DesignDocument } from '@gatewright/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { messagesAt } from './findings';
import { draftMessages, useInspector } from './inspector-context';

// Checking a draft runs core's validate; it waits for typing to pause this long.
const CHECK_MILLIS = 200;

export interface TextFieldProps {
  label: string;
  /** The committed value, as text. */
  value: string;
  /**
   * The design this text makes, or why it cannot make one (shown, nothing
   * committed). Committing is one undo step.
   */
  apply: (design: DesignDocument, text: string) => DesignDocument | string;
  /** The design pointer whose findings belong next to this field. */
  pointer: string;
  hint?: ReactNode;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  /** A multi-line field. @default false */
  multiline?: boolean;
  /** A problem worth showing that does not stop the text being committed. */
  warn?: (text: string) => string | undefined;
}

/**
 * A labelled text field over one value of the design. Typing changes only the
 * draft, checked as it goes with core's findings for the design it would
 * make; Enter or leaving the field commits it as one undo step (Escape
 * gives the committed value back). A pause does not commit: a half-typed
 * value would become an undo step of its own.
 * Undo from outside brings the committed value back into the field.
 */
export function TextField({
  label,
  value,
  apply,
  pointer,
  hint,
  placeholder,
  inputMode = 'text',
  multiline = false,
  warn,
}: TextFieldProps) {
  const { model, design, findings, edit } = useInspector();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [checked, setChecked] = useState<{ text: string; messages: string[] }>();
  const latest = useRef({ draft, value, apply, edit });
  latest.current = { draft, value, apply, edit };

  useEffect(() => setDraft(value), [value]);

  const commit = () => {
    const { draft, value, apply, edit } = latest.current;
    if (draft === value) return;
    // Blur and unmount can both commit one draft; the second finds it committed.
    latest.current.value = draft;
    edit((current) => {
      const next = apply(current, draft);
      return typeof next === 'string' ? current : next;
    });
  };
  const commitRef = useRef(commit);
  commitRef.current = commit;
  // A field that goes away (another node selected, another tab) keeps what was typed.
  useEffect(() => () => commitRef.current(), []);

  useEffect(() => {
    if (draft === value) return;
    const check = setTimeout(
      () =>
        setChecked({ text: draft, messages: draftMessages(model, apply(design, draft), pointer) }),
      CHECK_MILLIS,
    );
    return () => clearTimeout(check);
    // The draft alone restarts the timer; the rest is read when it fires.
  }, [draft]);

  // The field's own reason first, at once; core's findings once typing pauses.
  const immediate = draft === value ? undefined : apply(design, draft);
  const warning = warn?.(draft);
  const messages = [
    ...(warning === undefined ? [] : [warning]),
    ...(draft === value
      ? messagesAt(findings, pointer)
      : typeof immediate === 'string'
        ? [immediate]
        : checked?.text === draft
          ? checked.messages
          : []),
  ];
  const messageId = `${id}-messages`;
  const hintId = `${id}-hint`;
  const describedBy = [messages.length > 0 && messageId, hint !== undefined && hintId]
    .filter(Boolean)
    .join(' ');
  const shared = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': messages.length > 0 || undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: commit,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...shared}
          rows={4}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
        />
      ) : (
        <input
          {...shared}
          type="text"
          inputMode={inputMode}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {hint !== undefined && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
      <FieldMessages id={messageId} messages={messages} />
    </div>
  );
}

/** Messages next to a field, announced as they change. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  return (
    <div id={id} className="field-messages" aria-live="polite">
      {messages.map((message) => (
        <p key={message} className="field-message">
          {message}
        </p>
      ))}
    </div>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  /** Choosing is one undo step. */
  onChange: (value: T) => void;
  /** The design pointer whose findings belong next to this field. */
  pointer?: string;
  hint?: ReactNode;
}

/** A labelled select; each choice is committed at once. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  pointer,
  hint,
}: SelectFieldProps<T>) {
  const { findings } = useInspector();
  const id = useId();
  const messages = pointer === undefined ? [] : messagesAt(findings, pointer);
  const messageId = `${id}-messages`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? messageId : undefined}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint !== undefined && <div className="field-hint">{hint}</div>}
      <FieldMessages id={messageId} messages={messages} />
    </div>
  );
}

/** A labelled checkbox; each toggle is one undo step. */
export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}) {
  const hintId = useId();
  return (
    <div className="field field-checkbox">
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint === undefined ? undefined : hintId}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      {hint !== undefined && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
    </div>
  );
}

/**
 * The parsed whole number in a field, or why it is not one; empty text is
 * `undefined` (the setting's default) when the field allows it.
 */
export function parseWholeNumber(
  text: string,
  what: string,
  options: { optional?: boolean } = {},
): number | undefined | string {
  const trimmed = text.trim();
  if (trimmed === '' && options.optional) return undefined;
  if (!/^\d+$/.test(trimmed)) return `${what} "${text}" is not a whole number; type digits only.`;
  return Number(trimmed);
}
