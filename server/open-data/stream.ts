// Streamed open-data responses: the body is written as it is read, a batch of rows at a time, so a
// large export holds one batch in memory, not the whole file. The stream is pulled: the next batch
// is read only when the client has taken the last one. The first batch is read before the response
// starts, so a bad parameter or an unknown norm still answers with its JSON error and status; a
// failure later can only end the stream early (the client sees a truncated body, and it is logged).
import { logger } from "../logger";

/** Rows per read when an export is streamed. */
export const STREAM_BATCH = 500;

export async function streamResponse(parts: AsyncIterable<string>, headers: Record<string, string>): Promise<Response> {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.asyncIterator]();
  // Read the first part now: errors before any byte is sent become the usual error responses.
  const first = await iterator.next();
  let pending: string | null = first.done ? null : first.value;
  let finished = first.done ?? false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (pending !== null) {
          const chunk = pending;
          pending = null;
          if (chunk) controller.enqueue(encoder.encode(chunk));
          return;
        }
        // Until something is sent: a pull that enqueues nothing would leave the reader waiting.
        while (!finished) {
          const next = await iterator.next();
          if (next.done) finished = true;
          else if (next.value) return controller.enqueue(encoder.encode(next.value));
        }
        controller.close();
      } catch (error) {
        logger.error({ err: error }, "open-data stream failed after it started");
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, { status: 200, headers });
}

/**
 * A JSON object streamed with one array member written element by element: the same bytes as
 * JSON.stringify of the whole object with `arrayKey` last, e.g. {"norm":{…},"positions":[…]}.
 */
export async function* jsonWithArray<T>(head: Record<string, unknown>, arrayKey: string, batches: AsyncIterable<T[]>): AsyncGenerator<string> {
  const opening = JSON.stringify(head);
  let prefix = `${opening === "{}" ? "{" : `${opening.slice(0, -1)},`}${JSON.stringify(arrayKey)}:[`;
  // (Each batch is one chunk; its first carries the object's opening.)
  let first = true;
  for await (const batch of batches) {
    let chunk = prefix;
    prefix = "";
    for (const item of batch) {
      chunk += (first ? "" : ",") + JSON.stringify(item);
      first = false;
    }
    yield chunk;
  }
  yield `${prefix}]}`;
}
