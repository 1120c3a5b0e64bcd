/**
 * British and American spellings differ in a few regular ways. Each pair is a British spelling
 * fragment and its American one; a candidate made by swapping one fragment is only a variant
 * when the word list confirms it (see `spellingVariants`), so the rules may over-generate.
 */
export const PAIRS: ReadonlyArray<readonly [british: string, american: string]> = [
  ['our', 'or'], // colour, honourable, neighbourhood
  ['tre', 'ter'], // centre, theatre, metres
  ['tred', 'tered'], // centred
  ['tring', 'tering'], // centring
  ['bre', 'ber'], // fibre, calibre, sombre
  ['ise', 'ize'], // organise, recognised, criticises
  ['isa', 'iza'], // organisation, civilisation
  ['isi', 'izi'], // organising
  ['yse', 'yze'], // analyse, paralysed
  ['ysi', 'yzi'], // analysing
  ['ence', 'ense'], // defence, licence, offence
  ['ll', 'l'], // travelled, cancelling, counsellor, enrol/enroll (both ways)
  ['ogue', 'og'], // catalogue, dialogue
  ['amme', 'am'], // programme, kilogramme
  ['ae', 'e'], // anaemia, paediatric, encyclopaedia
  ['oe', 'e'], // oestrogen, manoeuvre (with 're')
  ['grey', 'gray'],
  ['que', 'ck'], // cheque
  ['yre', 'ire'], // tyre
  ['ough', 'ow'], // plough
  ['nium', 'num'], // aluminium
  ['dgement', 'dgment'], // judgement, acknowledgement
  ['sc', 'sk'], // sceptic
  ['ould', 'old'], // mould, smoulder
  ['eing', 'ing'], // ageing
  ['aught', 'aft'], // draught
  ['osy', 'ozy'], // cosy
];

function swaps(word: string, from: string, to: string, out: Set<string>): void {
  for (let i = word.indexOf(from); i !== -1; i = word.indexOf(from, i + 1))
    out.add(word.slice(0, i) + to + word.slice(i + from.length));
}

/** Every spelling one rule away from `word`, in either direction, unchecked. */
export function variantCandidates(word: string): Set<string> {
  const out = new Set<string>();
  for (const [british, american] of PAIRS) {
    swaps(word, british, american, out);
    swaps(word, american, british, out);
  }
  out.delete(word);
  return out;
}

/** The spellings one British-to-American swap away from `word`, unchecked. */
export function americanOf(word: string): Set<string> {
  const out = new Set<string>();
  for (const [british, american] of PAIRS) swaps(word, british, american, out);
  out.delete(word);
  return out;
}
