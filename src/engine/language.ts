import { stemmer } from 'stemmer';

/**
 * Words of the languages people ask in, as opposed to words of the article: what carries
 * no meaning for matching, and which words ask for which kind of answer.
 */

/** Function words and chat filler: they never decide which entry answers. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the is are was were be been being am do does did done doing have has had having of in on at to for from by
   with about as into onto over under and or but if then so than that this these those it its itself he him his she her
   they them their theirs we us our you your yours i me my mine what which who whom whose when where why how there here
   any some can could would should will shall may might must just also very really actually pls plz please thx thanks
   ty hey hi hello yo ok okay lol lmao rofl bro bruh dude guys man quick q question questions wondering wonder curious
   u ur r ya yeah yes yep nope hmm hm um uh like tho though btw idk dunno rn abt gonna wanna gotta kinda sorta
   let lets anyone someone somebody anybody one ones thing things stuff something anything everything again still even
   not no only all both each either every much many more most other another own same such too up out off
   get got gets getting know knows knew tell told explain give show find me mate fam pal sir everyone here ever count
   whats wat wht hw hwo wen whn wher whre wich whcih whos whoes wheres hows thats im ive dont didnt doesnt isnt wasnt cant wont aint bc cuz coz cos
   thru tho y k kk imo imho tbh fyi asap bot nah naw nope yea yup even per non
   fr frfr ngl lowkey highkey ong istg tbf smh deadass lmk idc iirc afaik btw anywhere somewhere everywhere newbie noob newcomer
   и в во на о об с со к по за из у что кто как где когда ли же это этот эта тот та ну а но или
   какой какая какое какие каком какую каким какого чем зачем почему ли был была были есть такой такая такие
   은 는 이 가 을 를 의 에 누가 누구 누구야 누군지 누구예요 누구입니까 무엇 뭐 뭐야 뭔가 어떤 어느 그 이번 좀 요 언제 언제야 어디 어디야 몇`.split(/\s+/),
);

/** Korean question words take endings ("누구인가요", "언제였어"): any word starting with one is one. */
const KOREAN_QUESTION_WORDS = ['누구', '누가', '언제', '어디', '무엇', '뭐', '몇', '어느', '어떤', '어떻게', '왜'];

export function isStopword(word: string): boolean {
  if (STOPWORDS.has(word)) return true;
  const first = word.charCodeAt(0);
  // Only Hangul syllables (U+AC00..U+D7A3) can start a Korean question word.
  return first >= 0xac00 && first <= 0xd7a3 && KOREAN_QUESTION_WORDS.some((q) => word.startsWith(q));
}

/**
 * Everyday words that show up in questions of every kind and say little about which fact is
 * asked ("who's the ferry guy", "what's his position"). They count a little when the
 * knowledge uses them, and an everyday word the knowledge never uses is no sign that the
 * question is about something the article leaves out.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  `article articles story piece text report reported news post says said say saying mention mentions mentioned
   talk talks talked talking name named names called call info information detail details exactly exact quote quotes
   quoted word words describe described description mean means meant part role job title position positions
   guy guys person people's folks dude lady thing kind sort type way ways bit lot lots
   use used uses using work works worked working want wants wanted need needs needed make makes made making
   take takes took taken come comes came coming see saw seen look looks looking seem seems happen happens happened
   start started starts begin began keep kept put puts try tried trying ask asked asking answer answers
   now today currently current recently right alright else actually basically literally probably maybe perhaps
   according regarding concerning re related relating back time times anyway whatever line lines round
   dad mom mum father mother friend friends teacher class homework school server chat channel
   ignore rules rule instructions previous prompt system pretend act roleplay forget
   good bad big small great nice important main new old real true false sure certain
   summary summarize summarise overview tldr tl dr gist short brief briefly simple simply
   list full whole entire complete total matter matters point portfolio post responsibility function duty gig
   occupation profession view views stance opinion opinions take thoughts
   sorry dumb stupid silly late joined join forgot forget forgetting remember remind reminder confused confusing
   wait hold guess reckon suppose supposed heard hear read reading saw skim skimmed missed
   началась начался начало`.split(/\s+/),
);

/**
 * Words for offices that a country fills with one named person: "education minister" asks
 * for someone, so when no fact holds that role, the article does not name them.
 */
export const OFFICE_WORDS: ReadonlySet<string> = new Set(
  `minister ministers ministry secretary premier ambassador envoy spokesman spokeswoman spokesperson governor mayor
   chancellor senator general admiral`.split(/\s+/),
);

/** Words that ask what someone said or wrote, in any article; concepts.yaml may add more. */
export const SPEECH_WORDS: readonly string[] = Object.freeze(
  `say says said saying tell tells told write writes wrote written claim claims claimed quote quotes quoted comment
   comments commented statement statements remark remarks remarked think thinks thought thoughts believe believes
   opinion speak speaks spoke declare declared argue argued words сказал заявил написал 말했 밝혔`.split(/\s+/),
);

/** Words for the article itself: "what did the article say" asks the article, not a person in it. */
export const ARTICLE_WORDS: ReadonlySet<string> = new Set(
  'article articles story piece text report paper op oped essay letter author writer'.split(' '),
);
export const ARTICLE_STEMS: ReadonlySet<string> = new Set([...ARTICLE_WORDS].map((w) => stemmer(w)));

/** Korean particles glued to the end of a word ("푸틴은" is "푸틴" + topic marker). */
export const HANGUL_PARTICLES = [
  '에서는', '에게서', '으로는', '이라고', '이랑', '이나', '한테', '처럼', '보다', '라고', '에서', '에게', '으로', '하고',
  '까지', '부터', '께서',
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '랑', '만', '요',
];

export type QuestionKind = 'age' | 'date' | 'duration' | 'place' | 'number' | 'person' | 'organisation' | 'other';

/** Phrases that ask for a kind of answer, in the order they are tried ("how many years" asks for a number). */
const KIND_PHRASES: ReadonlyArray<[QuestionKind, readonly string[]]> = [
  ['age', ['how old', 'what age', 'сколько лет']],
  ['number', ['how many', 'how much', 'number of', 'count', 'сколько', 'how heavy', 'how big', 'how tall', 'how large', 'how small',
    'how wide', 'how deep', 'how fast', 'how far', 'how high']],
  ['date', ['when', 'last time', 'what year', 'which year', 'what date', 'which date', 'what month', 'which month', 'what time', 'what day', 'which day', 'how long ago', 'когда', 'каком году', 'какого числа', 'какой год']],
  ['duration', ['how long', 'for how long', 'how often']],
  ['place', ['where', 'which city', 'what city', 'which country', 'what country', 'what place', 'which place', 'what town',
    'which town', 'what region', 'which region', 'what area', 'which area', 'what location', 'which location', 'где', 'куда']],
  ['organisation', ['which newspaper', 'what newspaper', 'which paper', 'what paper', 'which daily', 'what daily',
    'which publication', 'what publication', 'which outlet', 'what outlet', 'which agency', 'what agency',
    'which organisation', 'which organization', 'which company', 'what company', 'which website', 'what website',
    'which media', 'what media', 'какая газета', 'какой газете', 'в какой газете']],
  ['person', ['who', 'whom', 'whose', 'кто']],
];

const PAST = new Set(
  `did was were had has have last previous previously ago before ever first met visited went gone been happened
   liberated rebuilt recognised recognized established reported published said wrote`.split(/\s+/),
);
const FUTURE = new Set('will gonna shall upcoming coming next soon planned scheduled expected'.split(' '));
/** "when is the visit" asks about what is to come as much as "when will it be". */
const PRESENT = new Set(['is', 'are']);

const WILL = new Set(['will', 'gonna', 'shall']);

/** "will putin meet kim": a plain question about the future, with no sign of the past. */
export function asksWhatWillHappen(wordList: readonly string[]): boolean {
  if (wordList.some((w) => PAST.has(w) || /^(?:1[89]|20)\d\d$/.test(w))) return false;
  return wordList.some((w) => WILL.has(w));
}

/**
 * Whether a question asks about what is still to come ("when is the visit", "how long will he
 * stay"): the article dates only what has happened, so such a "when" has no answer in it.
 */
export function asksAboutTheFuture(wordList: readonly string[], presentCounts = true): boolean {
  if (wordList.some((w) => PAST.has(w) || /^(?:1[89]|20)\d\d$/.test(w))) return false;
  return wordList.some((w) => FUTURE.has(w) || (presentCounts && PRESENT.has(w)));
}

/** Korean question words take endings ("언제야", "누구야"), so they match at the start of a word. */
const KIND_PREFIXES: ReadonlyArray<[QuestionKind, readonly string[]]> = [
  ['number', ['몇']],
  ['date', ['언제']],
  ['place', ['어디']],
  ['person', ['누구', '누가']],
];

/** Each kind phrase as words, under its first word, with the place of its kind in KIND_PHRASES. */
const KIND_PHRASES_BY_START: ReadonlyMap<string, ReadonlyArray<{ readonly rank: number; readonly words: readonly string[] }>> = (() => {
  const out = new Map<string, Array<{ rank: number; words: string[] }>>();
  KIND_PHRASES.forEach(([, phrases], rank) => {
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      const list = out.get(words[0]!) ?? [];
      list.push({ rank, words });
      out.set(words[0]!, list);
    }
  });
  return out;
})();

export function questionKind(wordList: readonly string[]): QuestionKind {
  // The kind tried first among the phrases the question holds, found from the words that start one.
  let rank = KIND_PHRASES.length;
  for (let i = 0; i < wordList.length; i++) {
    for (const phrase of KIND_PHRASES_BY_START.get(wordList[i]!) ?? []) {
      if (phrase.rank >= rank || i + phrase.words.length > wordList.length) continue;
      if (phrase.words.every((w, k) => wordList[i + k] === w)) rank = phrase.rank;
    }
  }
  if (rank < KIND_PHRASES.length) return KIND_PHRASES[rank]![0];
  for (const [kind, prefixes] of KIND_PREFIXES)
    if (wordList.some((w) => prefixes.some((p) => w.startsWith(p)))) return kind;
  return 'other';
}

/** Words that deny what a clause says: a sentence that negates the asked fact does not state it. */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(
  `not no never neither nor none nobody nothing nowhere cannot cant can't dont don't doesnt doesn't didnt didn't isnt isn't
   wasnt wasn't werent weren't wont won't wouldnt wouldn't couldnt couldn't shouldnt shouldn't hasnt hasn't havent haven't
   hadnt hadn't without unable failed fail fails lack lacked lacks`.split(/\s+/),
);

/** The question words that open a question, by the kind of answer they ask for; the rest ask "what". */
export const OPENING_WORDS: Readonly<Record<string, string>> = Object.freeze({
  who: 'who', whom: 'who', whose: 'who', whos: 'who',
  when: 'when', wen: 'when', whn: 'when',
  where: 'where', wher: 'where', whre: 'where', wheres: 'where',
  why: 'why',
  how: 'how', hw: 'how', hows: 'how',
  which: 'which', wich: 'which', whcih: 'which',
  what: 'what', whats: 'what', wat: 'what', wht: 'what',
  is: 'yes-no', are: 'yes-no', was: 'yes-no', were: 'yes-no', did: 'yes-no', does: 'yes-no', do: 'yes-no',
  has: 'yes-no', have: 'yes-no', had: 'yes-no', can: 'yes-no', could: 'yes-no', will: 'yes-no', would: 'yes-no', should: 'yes-no',
});

/** Words that ask for names besides the one given ("which other firms apart from BT"). */
export const OTHERS_WORDS: readonly (readonly string[])[] = Object.freeze(
  ['other', 'else', 'besides', 'except', 'apart from', 'aside from', 'other than', 'as well as'].map((p) => p.split(' ')),
);

/**
 * A question made only of these words (and function words) asks what the whole article is
 * about: "what is this article about", "summary pls", "tl;dr", "whats the gist".
 */
export const ABOUT_WORDS: ReadonlySet<string> = new Set(
  `about summary summarise summarize summarised summarized sum tldr tl dr gist overview outline recap brief briefly main point
   points key takeaway takeaways topic subject headline short version basically general`.split(/\s+/),
);
