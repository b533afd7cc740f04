import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import { matchMentionTrigger, matchNoteLinkTrigger, type TriggerMatch } from './typeahead-matching';
import { $wholeTrigger } from './whole-trigger';

let editor: LexicalEditor;

beforeEach(() => {
  editor = createEditor({ namespace: 'test', onError: (error) => { throw error; } });
});

/**
 * Types `text`, cuts its last `cutLength` characters off as Lexical does with the match of its last
 * render, chooses "[chosen]" in their place and returns what the paragraph then says.
 */
function choose(text: string, cutLength: number, matchTrigger: (textBeforeCaret: string) => TriggerMatch | null): string {
  let said = '';
  editor.update(
    () => {
      const typed = $createTextNode(text);
      const paragraph = $createParagraphNode().append(typed);
      $getRoot().clear().append(paragraph);
      const [, cut] = typed.splitText(text.length - cutLength);
      $wholeTrigger(cut!, matchTrigger).replace($createTextNode('[chosen]'));
      said = paragraph.getTextContent();
    },
    { discrete: true },
  );
  return said;
}

describe('the text a chosen option replaces', () => {
  it('is the whole trigger when the menu is up to date', () => {
    expect(choose('See Logistics and @AQ', 3, matchMentionTrigger)).toBe('See Logistics and [chosen]');
  });

  it('is the whole trigger when Enter came before the menu caught up with the last keystroke', () => {
    // The menu still showed the match for "@A": Lexical cut only "AQ", which left "@@AQIM" behind.
    expect(choose('See Logistics and @AQ', 2, matchMentionTrigger)).toBe('See Logistics and [chosen]');
    expect(choose('See [[Logistics', 7, matchNoteLinkTrigger)).toBe('See [chosen]');
  });

  it('gives back what a stale, longer match would have taken', () => {
    // "@AQI" then Backspace: the stale cut is four characters, one of them the space before the @.
    expect(choose('and @AQ', 4, matchMentionTrigger)).toBe('and [chosen]');
  });

  it('takes the whole text before when the trigger starts the paragraph', () => {
    expect(choose('@Mokh', 2, matchMentionTrigger)).toBe('[chosen]');
  });
});
