/** A stable colour per service, from a palette that reads on both the light and the dark theme. */
const PALETTE = ['#3b82c4', '#2e9e6a', '#c47f1b', '#8a5cc7', '#1b9aaa', '#c2527a', '#6b8e23', '#d0662e', '#5867c9', '#9a7b4f'];

export function serviceColor(service: string): string {
  let hash = 0;
  for (let i = 0; i < service.length; i++) hash = (hash * 31 + service.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? PALETTE[0]!;
}
