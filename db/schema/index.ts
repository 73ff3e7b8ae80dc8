export * from "./users";
export * from "./organizations";
export * from "./audit";
export * from "./reference";
export * from "./rate-limits";
export * from "./norms";
export * from "./positions";
export * from "./comments";
