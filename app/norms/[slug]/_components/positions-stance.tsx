import type { CSSProperties } from "react";
import type { Stance } from "~/server/schemas/vocabulary";

// Neutral fills, told apart by pattern and lightness as well as hue, so the chart reads in
// greyscale too; no red or green, which would suggest that one stance is right.
export const stanceFill: Record<Stance, CSSProperties> = {
  endorse: { backgroundColor: "#1d70b8" },
  endorse_with_reservations: {
    backgroundColor: "#bbd4ea",
    backgroundImage: "repeating-linear-gradient(135deg, #1d70b8 0 3px, transparent 3px 8px)",
  },
  object: {
    backgroundColor: "#dee0e2",
    backgroundImage:
      "repeating-linear-gradient(45deg, #505a5f 0 2px, transparent 2px 7px), repeating-linear-gradient(-45deg, #505a5f 0 2px, transparent 2px 7px)",
  },
  abstain: { backgroundColor: "#f3f2f1", boxShadow: "inset 0 0 0 1px #b1b4b6" },
};

/** A small key square in a stance's fill; decorative, so the stance's name must be beside it. */
export function StanceSwatch({ stance, className = "size-4" }: { stance: Stance; className?: string }) {
  return <span aria-hidden="true" className={`inline-block shrink-0 border border-foreground ${className}`} style={stanceFill[stance]} />;
}
