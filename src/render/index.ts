// Renderers: one file per output format. In: a SpecSet or one spec. Out: the document as a
// string. They never read sources, print or exit.

export { LIST_LIMIT, renderPlainList, renderPlainSpec, renderPlainSpecs, renderPlainSummary } from './plain.js';
export { renderRstList, renderRstSpec, renderRstSpecs } from './rst.js';
export { renderMan } from './man.js';
export { specView } from './view.js';
