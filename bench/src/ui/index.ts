export { runUiBench, UI_TARGETS, type UiResults } from './uiBench';
