"use client";

import { useEffect } from "react";

/** Marks the page as interactive once React has hydrated it (the end-to-end tests wait for it). */
export function HydrationMarker() {
  useEffect(() => {
    document.body.dataset.hydrated = "true";
  }, []);
  return null;
}
