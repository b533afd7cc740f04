import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './markdown-text';

describe('escaping text for Markdown', () => {
  it('breaks an address where its scheme starts, however it is surrounded', () => {
    expect(escapeMarkdown('see https://example.org now')).toBe('see https\\://example.org now');
    expect(escapeMarkdown('(svn+ssh://host)')).toBe('(svn+ssh\\://host)');
    expect(escapeMarkdown('x_https://a.b')).toBe('x\\_https\\://a.b');
  });

  it('leaves a long run of letters, such as a pasted blob, as it was', () => {
    const blob = 'Q'.repeat(70_000);
    expect(escapeMarkdown(`${blob} and ${blob}://`)).toBe(`${blob} and ${blob}\\://`);
  });
});
