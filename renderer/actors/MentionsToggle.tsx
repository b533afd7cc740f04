import type { Mentions } from './use-mentions';

/** Shows or hides the actors' names in the text; pressed while they are shown. */
export function MentionsToggle({ mentions }: { mentions: Mentions }) {
  return (
    <button type="button" className="button button-quiet mentions-toggle" aria-pressed={mentions.shown} onClick={mentions.toggle}>
      <svg className="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M3.5 14.5h13" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeDasharray="0.1 2.6" />
        <path d="M5 11.5 8 4.5l3 7M6.1 9h3.8M12.5 11.5v-4m0 0c0-1 .8-1.6 1.8-1.6s1.7.6 1.7 1.6v4" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      Show mentions
    </button>
  );
}
