/**
 * Exchange with other tools: the Open-PSA MEF export of a variant's fault tree (checked
 * against SCRAM). The door of shared/engine/interop/.
 */
export { exportMef } from './mef';
