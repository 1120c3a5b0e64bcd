import shipped from './decision-model.json' with { type: 'json' };
import type { DecisionModel } from './model.ts';

/** The decision the project ships: fitted by `npm run model:fit` and committed as data beside this file. */
export const DECISION_MODEL: DecisionModel = Object.freeze(shipped as DecisionModel);
