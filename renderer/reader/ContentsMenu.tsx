import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useOp } from '../data/op-queries';
import { contentsItems } from './contents-items';
import '../styles/export.css';
import '../styles/contents.css';

interface Props {
  documentId: number;
  /** Goes to this offset in the document's text. */
  onGoTo(offset: number): void;
}

/** A document's contents as its text gives them, each entry going to an offset. */
export function DocumentContentsMenu({ documentId, onGoTo }: Props) {
  const { data } = useOp('documents.outline', { documentId });
  const items = useMemo(() => contentsItems(data?.entries ?? []), [data]);
  return <ContentsMenu items={items} onGoTo={(item) => onGoTo(item.offset)} />;
}

/** A row of the contents: its title and depth (1 for the top level), and wherever it leads. */
export interface ContentsRow {
  title: string;
  level: number;
}

interface MenuProps<Row extends ContentsRow> {
  items: readonly Row[];
  onGoTo(item: Row): void;
}

/**
 * A table of contents as a menu button beside the document's other tools (the WAI-ARIA
 * menu pattern, as Export is): arrows, Home and End move, Enter goes to the chapter, Escape
 * closes. A document without contents shows no button.
 */
export function ContentsMenu<Row extends ContentsRow>({ items, onGoTo }: MenuProps<Row>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const rows = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) rows.current[active]?.focus();
  }, [open, active]);

  if (items.length === 0) return null;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      PageDown: Math.min(last, active + page),
      PageUp: Math.max(0, active - page),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="export-menu contents-menu">
      <button
        ref={button}
        type="button"
        className="button button-quiet"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setActive(0);
          setOpen((was) => !was);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(event.key === 'ArrowDown' ? 0 : items.length - 1);
            setOpen(true);
          }
        }}
      >
        Contents
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Contents"
          className="export-menu-list contents-menu-list"
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== button.current) close(false);
          }}
        >
          {items.map((item, index) => (
            <button
              key={index}
              ref={(element) => {
                rows.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className="export-menu-item contents-menu-item"
              style={{ paddingInlineStart: `${0.625 + (item.level - 1) * 1}rem` }}
              onClick={() => {
                close(false);
                onGoTo(item);
              }}
            >
              {item.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
