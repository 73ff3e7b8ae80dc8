// Every measurement of bench:http goes through `load`: autocannon, told not to keep the bodies.
//
// autocannon 9 appends each chunk of every response body to a string (`req.body += chunk`, in
// its PipelinedRequestsQueue), decoding the bytes as UTF-8, whether or not anything reads the
// body; the benchmark never does (it checks status codes; the recording measure reads the
// database afterwards). For compressed pages that decoding was most of the load generator's
// work: on this machine a bare Node server sending fixed 55 kB answers got 1,000 a second out of
// autocannon at ten connections, and 4,700–6,000 with the bodies dropped (docs/performance.md,
// "At scale 1 again (stop 34)"). As autocannon runs on the same two cores as the app, the
// measure of a large page was the client's speed, not the server's. Bytes are still counted.
import autocannon from "autocannon";

type Queue = { addBody?: unknown };

/**
 * autocannon's `setupClient`: the client's queue of requests keeps no body. Throws if the queue
 * is not where autocannon 9 has it, so that an upgrade cannot silently measure bodies again.
 */
export function dropBodies(client: autocannon.Client) {
  const queue = (client as unknown as { pipelinedRequests?: Queue }).pipelinedRequests;
  if (typeof queue?.addBody !== "function") throw new Error("bench:http: autocannon's client has no pipelinedRequests.addBody; check scripts/bench-http/load.ts against the installed autocannon.");
  queue.addBody = () => {};
}

/** autocannon with `dropBodies` on every client. */
export function load(options: Omit<autocannon.Options, "setupClient">) {
  return autocannon({ ...options, setupClient: dropBodies });
}
