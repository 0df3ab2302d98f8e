/** Reads a stream of newline-delimited JSON values, as a Kubernetes watch sends them. */
export async function* readJsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) yield JSON.parse(line) as unknown;
        newline = buffered.indexOf('\n');
      }
      if (done) break;
    }
    const last = buffered.trim();
    if (last) yield JSON.parse(last) as unknown;
  } finally {
    // Closes the connection when the consumer stops early (abort, relist).
    await reader.cancel().catch(() => undefined);
  }
}
