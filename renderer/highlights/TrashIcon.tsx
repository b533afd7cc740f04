/** The bin on Delete buttons, for highlights and notes alike; the button around it carries the name. */
export function TrashIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d="M4.5 6h11M8 6V4.5h4V6m-6 0 .7 9.5h6.6L14 6M8.5 8.5v4.5m3-4.5v4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
