import { readFileSync } from 'node:fs';
import type { DecisionModel } from './model.ts';

/**
 * The decision the project ships, fitted by `npm run model:fit` and committed as data beside
 * this file. Read once, when the engine is first imported.
 */
export const DECISION_MODEL: DecisionModel = Object.freeze(
  JSON.parse(readFileSync(new URL('./decision-model.json', import.meta.url), 'utf8')) as DecisionModel,
);
