"use client";

import { useEffect } from "react";
import { followHashWhenStreamed } from "./follow-hash";

/**
 * Marks the page as interactive once React has hydrated it (the end-to-end tests wait for it), and
 * brings the address's #fragment into view once a streamed page has delivered it.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.body.dataset.hydrated = "true";
    return followHashWhenStreamed();
  }, []);
  return null;
}
