/** A small set of 16px line icons, drawn here so that no icon font or library is needed. */
const PATHS = {
  overview: 'M2.5 2.5h4.5v4.5h-4.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5h-4.5zM9 9h4.5v4.5H9z',
  topology:
    'M2.25 4a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0M10.25 4a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0M6.25 12a1.75 1.75 0 1 0 3.5 0a1.75 1.75 0 1 0-3.5 0M5.75 4h4.5M4.8 5.5l2.4 5M11.2 5.5l-2.4 5',
  workloads: 'M8 1.8l5.5 3v6.4L8 14.2l-5.5-3V4.8zM2.5 4.8L8 7.8l5.5-3M8 7.8v6.4',
  services: 'M2.5 3h11v3.5h-11zM2.5 9.5h11V13h-11zM5 4.75h.01M5 11.25h.01M8 6.5v3',
  config: 'M3 2.5h6.5L13 6v7.5H3zM9.5 2.5V6H13M5.5 8.5h5M5.5 11h5',
  metrics: 'M2.5 13.5h11M4 11l2.5-4 2.5 2.5L12.5 4',
  traces: 'M2.5 3.5h6M4.5 6.5h7M6.5 9.5h4M5 12.5h8.5',
  logs: 'M3 3.5h10M3 6.5h10M3 9.5h7M3 12.5h8',
  canary: 'M2.5 8h4.5M7 8l2.5-4H13.5M7 8l2.5 4H13.5M11.5 2l2 2-2 2M11.5 10l2 2-2 2',
  security: 'M8 1.8l5 2v4c0 3.2-2.2 5.4-5 6.4-2.8-1-5-3.2-5-6.4v-4zM5.8 8l1.6 1.6L10.5 6.5',
  sun: 'M8 5.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6zM8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1',
  moon: 'M13 9.6A5.5 5.5 0 0 1 6.4 3a5.5 5.5 0 1 0 6.6 6.6z',
  clock: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3l2 1.5',
  refresh: 'M13 3.5V6.5h-3M3 12.5V9.5h3M12.6 6.5A5 5 0 0 0 3.8 5M3.4 9.5a5 5 0 0 0 8.8 1.5',
  namespace: 'M2.5 4.5h4l1.5 1.5h5.5v7h-11z',
  key: 'M10 2.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM7.5 8.5l-5 5M4 12l1.5 1.5M5.5 10.5L7 12',
  logout: 'M6 2.5H3v11h3M10.5 5l3 3-3 3M13.5 8H6',
  search: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM10.5 10.5L14 14',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
