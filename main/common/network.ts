import type { GradeFilter } from './admiralty';
import type { ActorKind, ActorPassage } from './records';

/**
 * The actor network: who appears with whom. Two actors are linked by every live passage tagged
 * with both; a link's weight is how many such passages there are. Shared by the core (which builds
 * it), the command line and the page.
 */
export interface NetworkNode {
  id: number;
  name: string;
  kind: ActorKind;
  colour: string;
  /** Live passages tagged with the actor within the filter. */
  passages: number;
}

export interface NetworkLink {
  /** The lower actor id of the pair, so each pair is listed once. */
  source: number;
  target: number;
  weight: number;
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
  /** Links tied by at least this many passages. */
  minWeight?: number | undefined;
}

/** The passages that tie two actors, for a link opened in the network. */
export interface NetworkLinkPassages {
  source: NetworkNode;
  target: NetworkNode;
  passages: ActorPassage[];
  /** All of them, when more than the list holds. */
  total: number;
}
