import shipped from './decision-model.json' with { type: 'json' };
import type { DecisionModel } from './model.ts';

/** What a model file must hold for the engine to use it: checked once, so a bad refit fails at start, not per question. */
export function asDecisionModel(value: unknown): DecisionModel {
  const m = value as Partial<DecisionModel> | null;
  const scorer = m?.scorer;
  const ok =
    typeof m === 'object' &&
    m !== null &&
    typeof m.threshold === 'number' &&
    typeof m.second === 'number' &&
    typeof m.calibration?.a === 'number' &&
    typeof m.calibration.b === 'number' &&
    (scorer?.kind === 'logistic' || scorer?.kind === 'trees') &&
    Array.isArray(scorer.features) &&
    (scorer.kind === 'trees' ? Array.isArray(scorer.trees) : Array.isArray(scorer.weights) && scorer.weights.length === scorer.features.length);
  if (!ok) throw new Error('decision-model.json is not a decision model: refit it with npm run model:fit -- --write');
  return Object.freeze(m as DecisionModel);
}

/** The decision the project ships: fitted by `npm run model:fit` and committed as data beside this file. */
export const DECISION_MODEL: DecisionModel = asDecisionModel(shipped);
