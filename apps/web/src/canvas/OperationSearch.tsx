import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { OperationNodeData } from './graph-types';
import { searchOperations } from './search-operations';
import { isTextEntry } from '../app/text-entry';

export interface OperationSearchProps {
  operations: readonly OperationNodeData[];
  /** A result was chosen: reveal and focus it on the canvas. */
  onChoose: (operation: OperationNodeData) => void;
}

/**
 * A search box over the operations, opened from anywhere with Ctrl/Cmd+K or
 * `/`; its results are a listbox walked with the arrow keys, and Enter
 * chooses one.
 */
export function OperationSearch({ operations, onChoose }: OperationSearchProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const results = useMemo(() => searchOperations(operations, query), [operations, query]);
  const expanded = open && results.length > 0;

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' && !event.ctrlKey && !event.metaKey && !editsText(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // The list scrolls; the option the arrow keys reach is kept in view.
  useEffect(() => {
    if (!expanded) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [expanded, active, listId]);

  const choose = (operation: OperationNodeData | undefined) => {
    if (!operation) return;
    setOpen(false);
    onChoose(operation);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + results.length) % Math.max(results.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="operation-search">
      <label htmlFor={`${listId}-input`}>Search operations (Ctrl+K or /)</label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="Control+K Meta+K /"
        placeholder="Path, name, method or tag"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul id={listId} role="listbox" aria-label="Operations found" className="search-results">
          {results.map((operation, index) => (
            <li
              key={operation.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Chosen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(operation);
              }}
            >
              <span className="search-result-key">{operation.key}</span>
              <span className="search-result-name">{operation.name}</span>
            </li>
          ))}
        </ul>
      )}
      {open && query.trim() !== '' && results.length === 0 && (
        <p className="search-empty" role="status">
          No operation matches “{query.trim()}”.
        </p>
      )}
    </div>
  );
}

function editsText(target: EventTarget | null): boolean {
  return isTextEntry(target) || target instanceof HTMLSelectElement;
}
