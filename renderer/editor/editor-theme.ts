import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on a note's elements; styles/note-editor.css draws them. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'nb-paragraph',
  heading: { h1: 'nb-h1', h2: 'nb-h2', h3: 'nb-h3', h4: 'nb-h3', h5: 'nb-h3', h6: 'nb-h3' },
  quote: 'nb-quote',
  hr: 'nb-rule',
  list: {
    ul: 'nb-ul',
    ol: 'nb-ol',
    checklist: 'nb-checklist',
    listitem: 'nb-li',
    listitemChecked: 'nb-li-checked',
    listitemUnchecked: 'nb-li-unchecked',
    nested: { listitem: 'nb-li-nested' },
  },
  text: {
    bold: 'nb-bold',
    italic: 'nb-italic',
    underline: 'nb-underline',
    strikethrough: 'nb-strike',
    underlineStrikethrough: 'nb-underline-strike',
    code: 'nb-code',
  },
};
