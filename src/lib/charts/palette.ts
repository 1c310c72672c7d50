// Colours that stay apart for the colour-blind (Okabe & Ito, 2008): series in fixed order.
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const;

/** A sequential scheme readable in grey and by the colour-blind, for 0–1 heatmaps. */
export const SEQUENTIAL = 'viridis';
