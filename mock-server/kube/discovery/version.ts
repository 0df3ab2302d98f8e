/** What /version reports: a Kubernetes 1.32 server, marked as this mock in the build metadata. */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4+meshdeck',
  gitCommit: '59526cd4867447956156ae3a602fcbac10ee0d6a',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:03:12Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;
