export interface PathRefusalProps {
  /** The element id the path field's `aria-describedby` names. */
  id: string;
  message: string;
  /** A free path the server offered instead, to take with one click. */
  suggestion?: string | undefined;
  onUseSuggestion: (path: string) => void;
}

/** Why the server refused a model path, under the field, with the free path it offered. */
export function PathRefusal({ id, message, suggestion, onUseSuggestion }: PathRefusalProps) {
  return (
    <div id={id} className="home-error" role="alert">
      <p>{message}</p>
      {suggestion !== undefined && (
        <button type="button" onClick={() => onUseSuggestion(suggestion)}>
          Use {suggestion}
        </button>
      )}
    </div>
  );
}
