/** The services feature's public face, for other screens (detail pages) to reuse. */
export { REFERENCING_KINDS, deriveServices, formatPort } from './derive';
export type { ServiceRow } from './derive';
