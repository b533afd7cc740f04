import { MenuOption, type MenuRenderFn } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** One row of a typeahead: what it says, and a quieter second part (an alias, "new note"). */
export class TypeaheadOption<T> extends MenuOption {
  constructor(
    key: string,
    readonly value: T,
    readonly label: string,
    readonly detail: string | null = null,
  ) {
    super(key);
  }
}

interface MenuProps<T> {
  anchor: HTMLElement;
  /** The listbox's accessible name: Lexical names every menu "Typeahead menu". */
  label: string;
  options: Array<TypeaheadOption<T>>;
  selectedIndex: number | null;
  onChoose(option: TypeaheadOption<T>): void;
  onHighlight(index: number): void;
  render(option: TypeaheadOption<T>): ReactNode;
}

function TypeaheadList<T>({ anchor, label, options, selectedIndex, onChoose, onHighlight, render }: MenuProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  // Lexical makes the anchor the listbox (the editor's aria-controls and aria-activedescendant
  // point into it) and sets its name when it first positions it, after this renders.
  useLayoutEffect(() => {
    const frame = requestAnimationFrame(() => anchor.setAttribute('aria-label', label));
    anchor.setAttribute('aria-label', label);
    return () => cancelAnimationFrame(frame);
  });
  return (
    <div className="typeahead-menu">
      <ul ref={list} role="presentation">
        {options.map((option, index) => (
          <li
            key={option.key}
            ref={(element) => option.setRefElement(element)}
            id={`typeahead-item-${index}`}
            role="option"
            aria-selected={selectedIndex === index}
            className="typeahead-option"
            // Keeps the caret in the editor, where the choice is inserted.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => onHighlight(index)}
            onClick={() => {
              onHighlight(index);
              onChoose(option);
            }}
          >
            {render(option)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function typeaheadMenu<T>(label: string, render: (option: TypeaheadOption<T>) => ReactNode): MenuRenderFn<TypeaheadOption<T>> {
  return (anchorRef, { options, selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
    anchorRef.current && options.length > 0
      ? createPortal(
          <TypeaheadList
            anchor={anchorRef.current}
            label={label}
            options={options}
            selectedIndex={selectedIndex}
            onChoose={selectOptionAndCleanUp}
            onHighlight={setHighlightedIndex}
            render={render}
          />,
          anchorRef.current,
        )
      : null;
}
