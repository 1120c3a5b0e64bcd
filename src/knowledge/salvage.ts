import { SENTENCE_ID } from './schema.ts';

/**
 * What can still be checked of an entry that failed its schema: its well-formed citations,
 * evidence and text. Only fields of the right shape are taken; the schema reports the rest.
 */
export interface SalvagedEntry {
  readonly id: string;
  readonly cite: readonly string[];
  readonly evidence: readonly string[];
  readonly text: string;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function salvageCited(raw: unknown, textField: 'answer' | 'description', id: string): SalvagedEntry | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const item = raw as Record<string, unknown>;
  const cite = strings(item.cite).filter((c) => SENTENCE_ID.test(c));
  const evidence = strings(item.evidence).filter((e) => e.trim() !== '');
  const text = typeof item[textField] === 'string' ? (item[textField] as string) : '';
  return { id, cite, evidence, text };
}
