import type { GradeFilter } from './admiralty';
import type { ActorKind, ActorPassage } from './records';

/**
 * The actor network: who appears with whom. Two actors are linked by every live passage tagged
 * with both and by every paragraph where mentions of both were accepted; a link's weight is how
 * many of those there are. Shared by the core (which builds it), the command line and the page.
 */
export interface NetworkNode {
  id: number;
  name: string;
  kind: ActorKind;
  colour: string;
  /** Live passages tagged with the actor within the filter. */
  passages: number;
  /** Accepted mentions of the actor within the filter. */
  mentions: number;
}

export interface NetworkLink {
  /** The lower actor id of the pair, so each pair is listed once. */
  source: number;
  target: number;
  /** passages + paragraphs. */
  weight: number;
  /** Live passages tagged with both. */
  passages: number;
  /** Paragraphs with an accepted mention of each. */
  paragraphs: number;
}

export interface ActorNetwork {
  nodes: NetworkNode[];
  links: NetworkLink[];
}

/**
 * Which live passages an analysis counts: the same narrowing for the network and the co-occurrence
 * matrix, by grade too ("only what B2 or better sources say").
 */
export interface PassageFilter extends GradeFilter {
  documentId?: number | undefined;
  collectionId?: number | undefined;
  /** Documents published on or after this partial date (2012, 2012-03, 2012-03-14). */
  publishedFrom?: string | undefined;
  /** Documents published on or before this partial date; "2012" takes in all of 2012. */
  publishedTo?: string | undefined;
}

export interface NetworkFilter extends PassageFilter {
  /** Only actors of these kinds, and links between two of them. */
  kinds?: readonly ActorKind[] | undefined;
  /** Links of at least this weight (passages and paragraphs). */
  minWeight?: number | undefined;
}

/** A paragraph that names two linked actors, cut around the mentions when long. */
export interface LinkParagraph {
  documentId: number;
  documentTitle: string;
  /** The first mention's place in the document's text, where the paragraph opens. */
  start: number;
  end: number;
  /** The paragraph's words, whitespace runs as one space, with an ellipsis where cut. */
  excerpt: string;
  /** The mentions of either actor, as offsets in `excerpt`. */
  marks: Array<{ start: number; end: number }>;
}

/** The passages and paragraphs that tie two actors, for a link opened in the network. */
export interface NetworkLinkPassages {
  source: NetworkNode;
  target: NetworkNode;
  passages: ActorPassage[];
  /** All of them, when more than the list holds. */
  total: number;
  paragraphs: LinkParagraph[];
  paragraphTotal: number;
}
