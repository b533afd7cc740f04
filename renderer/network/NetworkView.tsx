import { useId, useMemo, useState } from 'react';
import type { OpInput } from '../../main/common/contract';
import type { ActorNetwork, NetworkLink, NetworkNode } from '../../main/common/network';
import { ACTOR_KINDS, type ActorKind, type DocumentSummary } from '../../main/common/records';
import { KIND_LABELS, count } from '../actors/actor-words';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { CollectionChoice, DocumentChoice, PublishedChoice, ReliabilityChoice, type PublishedRange, type ReliabilityFilter } from '../filters/FilterChoices';
import { ExportMenu } from '../export/ExportMenu';
import { PassageGroups } from '../highlights/PassageGroups';
import { OpenProblem } from '../reader/OpenProblem';
import { hashForRoute, navigate } from '../route';
import { KIND_COLOURS } from './kind-colours';
import { LinkParagraphs } from './LinkParagraphs';
import { NetworkCanvas } from './NetworkCanvas';
import { useNetworkLayout } from './use-network-layout';
import '../styles/actors.css';
import '../styles/all-highlights.css';
import '../styles/network.css';

type Filter = OpInput<'analysis.network'>;

/**
 * The main area at #/network: who appears with whom. Actors are linked by the passages tagged
 * with both and the paragraphs where mentions of both were accepted; the drawing shows the shape,
 * the Actor links table beside it the same links for the keyboard and screen readers. A link opens
 * the passages and paragraphs that tie its two actors.
 */
export function NetworkView({ documents }: { documents: readonly DocumentSummary[] | null }) {
  const ids = useId();
  const [documentId, setDocumentId] = useState<number | undefined>();
  const [collectionId, setCollectionId] = useState<number | undefined>();
  const [kinds, setKinds] = useState<readonly ActorKind[]>(ACTOR_KINDS);
  const [minWeight, setMinWeight] = useState(1);
  const [reliability, setReliability] = useState<ReliabilityFilter>();
  const [published, setPublished] = useState<PublishedRange>({});
  const [chosen, setChosen] = useState<NetworkLink | null>(null);
  const collections = useOp('collections.list', {}).data ?? [];
  const filter: Filter = {
    ...(documentId !== undefined && { documentId }),
    ...(collectionId !== undefined && { collectionId }),
    ...(kinds.length < ACTOR_KINDS.length && { kinds: [...kinds] }),
    ...(minWeight > 1 && { minWeight }),
    ...(reliability !== undefined && { reliability: [reliability === 'none' ? null : reliability] }),
    ...published,
  };
  const { data, error, refetch } = useOp('analysis.network', filter);
  const positions = useNetworkLayout(data);
  const narrow = (change: () => void) => {
    change();
    setChosen(null);
  };
  const shownLink = chosen && data?.links.some((link) => link.source === chosen.source && link.target === chosen.target) ? chosen : null;

  return (
    <main tabIndex={0} aria-label="Network" aria-busy={!data && !error} className="actor-page network">
      <div className="network-column">
        <header className="actor-page-header">
          <h1>Network</h1>
          <p className="actor-page-note">
            Actors are linked by the passages tagged with both and by the paragraphs where both are mentioned; the more of them, the stronger the link.
          </p>
          <div className="all-highlights-filters" role="group" aria-label="Show">
            <DocumentChoice documents={documents} value={documentId} onChange={(id) => narrow(() => setDocumentId(id))} />
            <CollectionChoice collections={collections} value={collectionId} onChange={(id) => narrow(() => setCollectionId(id))} />
            <ReliabilityChoice value={reliability} onChange={(value) => narrow(() => setReliability(value))} />
            <PublishedChoice value={published} onChange={(value) => narrow(() => setPublished(value))} />
            <span className="all-highlights-choice">
              <label htmlFor={`${ids}-weight`}>At least</label>
              <input
                id={`${ids}-weight`}
                type="number"
                min={1}
                step={1}
                value={minWeight}
                className="network-weight"
                aria-describedby={`${ids}-weight-unit`}
                onChange={(event) => narrow(() => setMinWeight(Math.max(1, Math.floor(Number(event.target.value) || 1))))}
              />
              <span id={`${ids}-weight-unit`}>{minWeight === 1 ? 'passage or paragraph a link' : 'passages or paragraphs a link'}</span>
            </span>
            <ExportMenu
              label="Export"
              choices={[
                { label: 'GraphML (yEd, Gephi)', run: () => api.call('export.network', { format: 'graphml', ...filter }) },
                { label: 'GEXF (Gephi)', run: () => api.call('export.network', { format: 'gexf', ...filter }) },
                { label: 'Links as CSV', run: () => api.call('export.network', { format: 'csv', ...filter }) },
              ]}
            />
          </div>
          <fieldset className="network-kinds">
            <legend>Kinds</legend>
            {ACTOR_KINDS.map((kind) => (
              <label key={kind} className="network-kind">
                <input
                  type="checkbox"
                  checked={kinds.includes(kind)}
                  onChange={() => narrow(() => setKinds(kinds.includes(kind) ? kinds.filter((k) => k !== kind) : ACTOR_KINDS.filter((k) => k === kind || kinds.includes(k))))}
                />
                <span className="network-kind-dot" style={{ background: KIND_COLOURS.light[kind] }} aria-hidden="true" />
                {KIND_LABELS[kind]}
              </label>
            ))}
          </fieldset>
        </header>
        {error && <OpenProblem message={error.message} onRetry={refetch} />}
        {data && kinds.length === 0 && <p className="actor-page-note">Choose at least one kind of actor.</p>}
        {data && kinds.length > 0 && data.nodes.length === 0 && (
          <p className="actor-page-note">No passage is tagged with an actor here yet, and no mention is accepted. Tag passages with actors or accept their mentions in the reader: actors on the same passage or named in the same paragraph are linked.</p>
        )}
        {data && data.nodes.length > 0 && (
          <div className="network-drawing">
            {positions ? (
              <NetworkCanvas network={data} positions={positions} chosenLink={shownLink} onOpenActor={(node) => navigate({ kind: 'actor', id: node.id })} onChooseLink={setChosen} />
            ) : (
              <p className="actor-page-note">Laying out {count(data.nodes.length, 'actor', 'actors')}…</p>
            )}
          </div>
        )}
        {data && data.nodes.length > 0 && <ActorLinks network={data} chosen={shownLink} onChoose={setChosen} />}
        {shownLink && data && <LinkPassages network={data} link={shownLink} filter={filter} />}
      </div>
    </main>
  );
}

function ActorLinks({ network, chosen, onChoose }: { network: ActorNetwork; chosen: NetworkLink | null; onChoose(link: NetworkLink): void }) {
  const id = useId();
  const byId = useMemo(() => new Map(network.nodes.map((node) => [node.id, node])), [network]);
  // Strongest first: what an analyst looks for first in a list of ties.
  const links = useMemo(
    () =>
      [...network.links].sort(
        (a, b) => b.weight - a.weight || (byId.get(a.source)?.name ?? '').localeCompare(byId.get(b.source)?.name ?? '') || a.target - b.target,
      ),
    [network, byId],
  );
  const [shownCount, setShownCount] = useState(LINKS_AT_ONCE);
  const shown = links.slice(0, shownCount);
  return (
    <section aria-labelledby={id} className="actor-page-section">
      <h2 id={id}>Actor links</h2>
      {links.length === 0 ? (
        <p className="actor-page-note">No two actors share a passage or a paragraph{network.nodes.length > 0 ? ' here' : ''}. Tag one passage with two actors, or accept mentions of two actors named in one paragraph, to link them.</p>
      ) : (
        <table className="network-links">
          <caption className="visually-hidden">Actor links, strongest first</caption>
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Linked with</th>
              <th scope="col">Ties</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((link) => {
              const source = byId.get(link.source);
              const target = byId.get(link.target);
              if (!source || !target) return null;
              const isChosen = chosen?.source === link.source && chosen.target === link.target;
              return (
                <tr key={`${link.source}-${link.target}`} aria-current={isChosen || undefined}>
                  <td>
                    <ActorName node={source} />
                  </td>
                  <td>
                    <ActorName node={target} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={isChosen}
                      aria-label={`${tieWords(link)} ${source.name} and ${target.name}`}
                      onClick={() => onChoose(link)}
                    >
                      {link.weight.toLocaleString()}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length < links.length && (
        <p className="actor-page-note">
          The {shown.length.toLocaleString()} strongest of {links.length.toLocaleString()} links.{' '}
          <button type="button" className="button button-quiet" onClick={() => setShownCount((n) => n + LINKS_AT_ONCE)}>
            Show {Math.min(LINKS_AT_ONCE, links.length - shown.length).toLocaleString()} more
          </button>
        </p>
      )}
    </section>
  );
}

/**
 * Rows of the Actor links table drawn at first: a large case file has thousands of links, and
 * drawing every row kept the whole view waiting; the strongest come first, the rest on request.
 */
const LINKS_AT_ONCE = 250;

/** "2 passages tie", "1 paragraph ties", "3 ties (2 passages and 1 paragraph) link": the weight first, as the button shows it. */
function tieWords({ weight, passages, paragraphs }: NetworkLink): string {
  if (paragraphs === 0) return `${count(passages, 'passage', 'passages')} ${passages === 1 ? 'ties' : 'tie'}`;
  if (passages === 0) return `${count(paragraphs, 'paragraph', 'paragraphs')} ${paragraphs === 1 ? 'ties' : 'tie'}`;
  return `${weight} ties (${count(passages, 'passage', 'passages')} and ${count(paragraphs, 'paragraph', 'paragraphs')}) link`;
}

function ActorName({ node }: { node: NetworkNode }) {
  return (
    <a href={hashForRoute({ kind: 'actor', id: node.id })}>
      {node.name} <span className="network-kind-label">{KIND_LABELS[node.kind]}</span>
    </a>
  );
}

function LinkPassages({ network, link, filter }: { network: ActorNetwork; link: NetworkLink; filter: Filter }) {
  const passagesId = useId();
  const paragraphsId = useId();
  const { data, error, refetch } = useOp('analysis.linkPassages', { source: link.source, target: link.target, ...filter });
  const name = (actorId: number) => network.nodes.find((node) => node.id === actorId)?.name ?? '';
  const both = `${name(link.source)} and ${name(link.target)}`;
  return (
    <>
      {error && <OpenProblem message={error.message} onRetry={refetch} />}
      {data && data.total > 0 && (
        <section aria-labelledby={passagesId} className="actor-page-section">
          <h2 id={passagesId}>
            Passages tying {both} <span className="actor-page-count">({data.total})</span>
          </h2>
          <PassageGroups passages={data.passages} total={data.total} empty="" />
        </section>
      )}
      {data && data.paragraphTotal > 0 && (
        <section aria-labelledby={paragraphsId} className="actor-page-section">
          <h2 id={paragraphsId}>
            Paragraphs naming {both} <span className="actor-page-count">({data.paragraphTotal})</span>
          </h2>
          <LinkParagraphs paragraphs={data.paragraphs} total={data.paragraphTotal} />
        </section>
      )}
      {data && data.total === 0 && data.paragraphTotal === 0 && <p className="actor-page-note">These two actors no longer share a passage or a paragraph.</p>}
    </>
  );
}
