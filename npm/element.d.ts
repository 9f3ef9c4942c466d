// Importing 'msl-departures/element' registers <msl-departures> (attributes lang, state, theme, label; see README.md).
export {};

declare global {
  interface HTMLElementTagNameMap {
    'msl-departures': HTMLElement;
  }
}
