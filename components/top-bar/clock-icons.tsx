/** The clock control's glyphs, drawn as SVG (the system fonts do not all have ⏸ ⏩). */

const common = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'currentColor', 'aria-hidden': true } as const;

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="3" y="2" width="3.5" height="12" rx="0.75" />
      <rect x="9.5" y="2" width="3.5" height="12" rx="0.75" />
    </svg>
  );
}

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M4 2.2v11.6a.7.7 0 0 0 1.06.6l9.3-5.8a.7.7 0 0 0 0-1.2L5.06 1.6A.7.7 0 0 0 4 2.2Z" />
    </svg>
  );
}

export function FastForwardIcon() {
  return (
    <svg {...common}>
      <path d="M1 3.2v9.6a.6.6 0 0 0 .95.5L8 9v3.8a.6.6 0 0 0 .95.5l6.6-4.8a.6.6 0 0 0 0-1L8.95 2.7A.6.6 0 0 0 8 3.2V7L1.95 2.7A.6.6 0 0 0 1 3.2Z" />
    </svg>
  );
}
