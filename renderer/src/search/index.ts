/** Find a node of the active variant by name or id, and go to it on the canvas. */
export { NodeSearch } from './NodeSearch';
export { findNodes, fold, type NodeMatch } from './find-nodes';
