/**
 * Where a result's passage is, after its title: "· p. 12", or an EPUB chapter's title. The dot is
 * for the eye; a screen reader hears a comma, so the option reads "Title, p. 12". A chapter's
 * title is isolated: a book may be written right to left.
 */
export function ResultPlace({ place }: { place: string | null }) {
  if (place === null) return null;
  return (
    <span className="search-option-place">
      <span aria-hidden="true">· </span>
      <span className="visually-hidden">, </span>
      <bdi>{place}</bdi>
    </span>
  );
}
