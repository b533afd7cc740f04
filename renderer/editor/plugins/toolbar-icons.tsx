/** Small line icons for the formatting toolbar, drawn in currentColor on a 20×20 grid. */
const STROKE = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function Icon({ children }: { children: React.ReactNode }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const icons = {
  undo: (
    <Icon>
      <path {...STROKE} d="M7.5 5 4 8.5 7.5 12M4.5 8.5h7a4.5 4.5 0 0 1 0 9H9" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path {...STROKE} d="M12.5 5 16 8.5 12.5 12M15.5 8.5h-7a4.5 4.5 0 0 0 0 9H11" />
    </Icon>
  ),
  bulleted: (
    <Icon>
      <path {...STROKE} d="M8 5.5h8.5M8 10h8.5M8 14.5h8.5" />
      <circle cx="4.25" cy="5.5" r="1.1" fill="currentColor" />
      <circle cx="4.25" cy="10" r="1.1" fill="currentColor" />
      <circle cx="4.25" cy="14.5" r="1.1" fill="currentColor" />
    </Icon>
  ),
  numbered: (
    <Icon>
      <path {...STROKE} d="M8.5 5.5h8M8.5 10h8M8.5 14.5h8M3.5 4.25l1.25-.75v4M3 16.25h2.75M3.25 12.4c.4-.6 2.3-.7 2.3.5 0 1-2.55 1.9-2.55 3.35" />
    </Icon>
  ),
  check: (
    <Icon>
      <rect {...STROKE} x="2.75" y="3.25" width="5" height="5" rx="1" />
      <path {...STROKE} d="m3.9 13.9 1.3 1.3 2.4-2.7M10.5 5.75h6.5M10.5 14h6.5" />
    </Icon>
  ),
  quote: (
    <Icon>
      <path {...STROKE} d="M4 4.5v11M8 6.5h8.5M8 10h8.5M8 13.5h6" />
    </Icon>
  ),
  rule: (
    <Icon>
      <path {...STROKE} d="M3 10h14" />
      <path {...STROKE} strokeWidth={1.2} d="M6 5.5h8M6 14.5h8" opacity="0.45" />
    </Icon>
  ),
  code: (
    <Icon>
      <path {...STROKE} d="M7 6 3 10l4 4M13 6l4 4-4 4" />
    </Icon>
  ),
};
