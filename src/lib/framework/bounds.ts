// The largest max points or weight a framework or a what-if edit may give. Scores add points as
// exact decimals (scoring/exactSum.ts), which hold up to 10^20; no real framework comes near
// this bound, and a figure past it is a typing slip better reported than scored.
export const MAX_POINTS_OR_WEIGHT = 1e9;
