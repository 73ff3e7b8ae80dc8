/**
 * A page streamed in behind its loading skeleton arrives after the browser looked for the
 * address's #fragment (a "Sign in to comment" return, a shared link to a section), so the browser
 * did not scroll to it. Scrolls there once it is on the page, unless the reader has scrolled
 * meanwhile; gives up after `timeout` ms. Returns a function that stops watching.
 */
export function followHashWhenStreamed(timeout = 15_000): () => void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return () => {};
  const startY = window.scrollY;
  const arrived = () => {
    const target = document.getElementById(id);
    if (!target || target.closest("[hidden]")) return false;
    const { top, bottom } = target.getBoundingClientRect();
    const inView = top < window.innerHeight && bottom > 0;
    if (!inView && window.scrollY === startY) target.scrollIntoView();
    return true;
  };
  if (arrived()) return () => {};
  const observer = new MutationObserver(() => {
    if (arrived()) stop();
  });
  const timer = window.setTimeout(stop, timeout);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
  return stop;
}
