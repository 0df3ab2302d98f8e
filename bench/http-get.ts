import http from 'node:http';

/** GETs a URL and resolves with the whole body as bytes (no decoding, so only the transfer is timed). */
export function getBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`GET ${url}: HTTP ${response.statusCode}`)),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}
