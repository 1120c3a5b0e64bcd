/**
 * `npm run bench:lexical`: what the general word knowledge costs — the time of the first call
 * of each function (which reads its table), the time of later calls, and the heap it keeps.
 */
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const before = heap();
let t = performance.now();
const lexical = await import('../src/lexical/index.ts');
const importMs = performance.now() - t;

const first = (name: string, fn: () => unknown) => {
  const start = performance.now();
  fn();
  return `${name} ${(performance.now() - start).toFixed(1)} ms`;
};
const cold = [
  first('isEnglishWord (words, exceptions)', () => lexical.isEnglishWord('visited')),
  first('spellingVariants (variants)', () => lexical.spellingVariants('colour')),
  first('synonyms (synonyms)', () => lexical.synonyms('buy')),
  first('related (related)', () => lexical.related('visit')),
  first('categoriesOf (categories)', () => lexical.categoriesOf('dublin')),
];
const afterAll = heap();

const sample = `the leaders met in the capital and visited factories while ministers signed agreements on trade
  energy railways space cooperation sanctions economy security defence programme organised travelled bigger cities
  children went bought quit firms shut chief resigned economic russian korean`.split(/\s+/);
t = performance.now();
let n = 0;
for (let round = 0; round < 50; round++)
  for (const w of sample) {
    const word = round === 0 ? w : `${w}${round % 7 === 0 ? 's' : ''}`;
    lexical.isEnglishWord(word);
    lexical.lemmas(word);
    lexical.synonyms(word);
    lexical.spellingVariants(word);
    n++;
  }
const warmUs = ((performance.now() - t) * 1000) / n;

process.stdout.write(
  `import ${importMs.toFixed(1)} ms (${gc ? 'with' : 'without'} forced GC)\n` +
    `first calls: ${cold.join('; ')}\n` +
    `warm: ${warmUs.toFixed(1)} µs per word for isEnglishWord+lemmas+synonyms+spellingVariants\n` +
    `heap kept with every table loaded: ${((afterAll - before) / 1024 / 1024).toFixed(1)} MiB\n`,
);
