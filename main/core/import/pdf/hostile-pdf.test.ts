import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostilePdf } from '../../../testing/hostile-pdf';
import { tempLibrary, type TempLibrary } from '../../../testing/temp-library';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary('fieldbook-hostile-pdf-');
});
afterEach(() => t.cleanup());

describe('a hostile PDF', () => {
  it('imports as its text only: scripts, launch actions and links are never run or kept', () => {
    const [outcome] = t.call('documents.import', { files: [{ name: 'hostile.pdf', base64: hostilePdf().toString('base64') }] });
    expect(outcome!.status).toBe('imported');
    const document = t.call('documents.get', { id: outcome!.status === 'imported' ? outcome!.document.id : 0 });
    expect(document.text).toBe('Hello <script>alert(1)</script> & goodbye');
    expect(document.html).toBe('<section title="p. 1"><p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; goodbye</p></section>');
    for (const kept of [document.html, document.text]) {
      expect(kept).not.toMatch(/127\.0\.0\.9|launchURL|calc|bin\/sh/);
    }
  }, 60_000);
});
