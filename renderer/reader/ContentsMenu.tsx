import { useMemo } from 'react';
import { useOp } from '../data/op-queries';
import { useMenuButton } from '../lists/use-menu-button';
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
  // A book's contents run to hundreds of entries: Page keys move ten at a time.
  const menu = useMenuButton(items.length, { pageStep: 10 });

  if (items.length === 0) return null;

  return (
    <div className="export-menu contents-menu">
      <button {...menu.buttonProps} type="button" className="button button-quiet">
        Contents
      </button>
      {menu.open && (
        <div {...menu.menuProps} aria-label="Contents" className="export-menu-list contents-menu-list">
          {items.map((item, index) => (
            <button
              key={index}
              {...menu.itemProps(index)}
              type="button"
              className="export-menu-item contents-menu-item"
              style={{ paddingInlineStart: `${0.625 + (item.level - 1) * 1}rem` }}
              onClick={() => {
                menu.close(false);
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
