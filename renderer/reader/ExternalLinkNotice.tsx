import { useLayoutEffect, useRef, useState } from 'react';

interface Props {
  url: string;
  onClose(): void;
}

/** The desktop app has a shell that asks before handing a link to the system's browser; the browser host has none. */
const canOpenLinks = () => window.fieldbook !== undefined;

/**
 * What a click on a link to the web does: the document never navigates, and the app never fetches.
 * The desktop app offers to open the page in the system's browser (the shell asks first); in the
 * browser host, the person is told why not and given the address to take there.
 */
export function ExternalLinkNotice({ url, onClose }: Props) {
  const firstControl = useRef<HTMLButtonElement>(null);
  const address = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);

  // Opened by Enter on a link as often as by a click: the keyboard goes where the choice is.
  useLayoutEffect(() => firstControl.current?.focus(), [url]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      // The clipboard can be refused (the desktop app grants no permissions): the address is selected instead.
      address.current?.select();
      setCopied('select');
    }
  };

  return (
    <section className="external-link" aria-label="Link to a web page" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <p>
        {canOpenLinks()
          ? 'This link leads to a web page outside Fieldbook.'
          : 'Fieldbook does not open web pages: it never uses the network. To visit this one, take its address to your web browser.'}
      </p>
      <label className="external-link-address">
        <span>Address</span>
        <input ref={address} type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <div className="external-link-actions">
        {canOpenLinks() && (
          <button ref={firstControl} type="button" className="button" onClick={() => window.open(url, '_blank', 'noopener,noreferrer')}>
            Open in browser…
          </button>
        )}
        <button ref={canOpenLinks() ? undefined : firstControl} type="button" className="button" onClick={() => void copy()}>
          Copy address
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="external-link-status">
        {copied === 'copied' ? 'Address copied.' : copied === 'select' ? 'The address is selected: press Ctrl+C (⌘C on a Mac) to copy it.' : ''}
      </p>
    </section>
  );
}
