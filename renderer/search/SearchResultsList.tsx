import { analysisFieldWording } from '../../main/common/hypotheses';
import type { ActorKind } from '../../main/common/records';
import { COLOUR_LABELS } from '../highlights/highlight-colours';
import { ResultPlace } from './ResultPlace';
import type { ResultGroup, ResultOption } from './result-options';
import { snippetText } from './snippet-pieces';
import { SnippetText } from './SnippetText';

interface Props {
  id: string;
  groups: ResultGroup[];
  activeKey: string | null;
  /** Whether these results answer an older query than the box now holds. */
  stale: boolean;
  onActivate(option: ResultOption): void;
  onOpen(option: ResultOption): void;
}

export const optionId = (listId: string, option: ResultOption) => `${listId}-${option.key}`;

const KIND_LABELS: Record<ActorKind, string> = { person: 'Person', group: 'Group', state: 'State', place: 'Place', other: 'Other' };

/**
 * The results as one listbox in groups. Focus stays in the search box, which points at the active
 * option with aria-activedescendant; options are picked with the mouse without taking focus.
 */
export function SearchResultsList({ id, groups, activeKey, stale, onActivate, onOpen }: Props) {
  return (
    <div role="listbox" id={id} aria-label="Search results" aria-busy={stale || undefined} className="search-results-list">
      {groups.map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`} className="search-group">
          <div role="presentation" id={`${id}-${group.kind}`} className="search-group-heading">
            {group.heading}
          </div>
          {group.options.map((option) => (
            <div
              key={option.key}
              id={optionId(id, option)}
              role="option"
              aria-selected={option.key === activeKey}
              className="search-option"
              data-kind={option.kind}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => {
                if (option.key !== activeKey) onActivate(option);
              }}
              onClick={() => onOpen(option)}
            >
              <OptionContent option={option} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function OptionContent({ option }: { option: ResultOption }) {
  switch (option.kind) {
    case 'document':
      return (
        <>
          <span className="search-option-title">
            <span>{option.result.title}</span>
            <ResultPlace place={option.result.place} />
          </span>
          <SnippetText className="search-option-snippet" snippet={option.result.snippet} />
        </>
      );
    case 'highlight':
      return (
        <>
          <span className="search-option-title search-option-context">
            <span className="colour-chip" data-colour={option.result.colour} aria-hidden="true" />
            <span className="visually-hidden">{COLOUR_LABELS[option.result.colour]} highlight in </span>
            <span>{option.result.documentTitle}</span>
            <ResultPlace place={option.result.place} />
          </span>
          <SnippetText className="search-option-snippet" snippet={option.result.snippet} />
        </>
      );
    case 'note': {
      const { title, snippet } = option.result;
      return (
        <>
          <span className="search-option-title">{title.trim() || 'Untitled note'}</span>
          {snippetText(snippet) !== title.trim() && <SnippetText className="search-option-snippet" snippet={snippet} />}
        </>
      );
    }
    case 'actor': {
      const { name, kind, colour, snippet } = option.result;
      return (
        <>
          <span className="search-option-title">
            <span className="search-actor-dot" style={{ background: colour }} aria-hidden="true" />
            {name}
            <span className="search-option-kind">{KIND_LABELS[kind]}</span>
          </span>
          {snippetText(snippet) !== name && <SnippetText className="search-option-snippet" snippet={snippet} />}
        </>
      );
    }
    case 'theme': {
      const { name, colour, snippet } = option.result;
      return (
        <>
          <span className="search-option-title">
            <span className="search-actor-dot search-theme-mark" style={{ background: colour }} aria-hidden="true" />
            {name}
            <span className="search-option-kind">Theme</span>
          </span>
          {snippetText(snippet) !== name && <SnippetText className="search-option-snippet" snippet={snippet} />}
        </>
      );
    }
    case 'analysis': {
      const { name, field, snippet } = option.result;
      return (
        <>
          <span className="search-option-title">
            <bdi>{name}</bdi>
            <span className="search-option-kind">Analysis</span>
          </span>
          {/* Where it matched, then its own words; isolated, since a hypothesis may be written right to left. */}
          {field !== 'name' && (
            <span className="search-option-snippet">
              <span className="search-option-where">{analysisFieldWording(option.result)}: </span>
              <bdi>
                <SnippetText snippet={snippet} />
              </bdi>
            </span>
          )}
        </>
      );
    }
  }
}
