/**
 * Ordinary English words that tell what kind of thing a name is: titles and job nouns
 * (a person), company and institution nouns (an organisation), speech verbs, and the
 * world's countries and continents. None of it is about one article.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Head nouns of an office or job; "Foreign Minister", "chief executive", "the club's coach". */
export const ROLE_HEADS = words(`
  minister president vice-president leader chairman chairwoman chairperson chair co-chairman co-chair
  chief executive ceo cfo coo cto director director-general general head manager analyst spokesman spokeswoman
  spokesperson secretary mayor governor councillor councilor senator congressman congresswoman representative
  king queen prince princess emperor chancellor premier coach captain editor founder co-founder owner
  professor economist officer ambassador commissioner adviser advisor striker midfielder defender goalkeeper
  forward winger player correspondent reporter judge justice lawyer attorney prosecutor inspector superintendent
  commander marshal colonel major lieutenant sergeant admiral boss chief deputy treasurer partner principal
  dean rector vice-chancellor curator architect engineer scientist researcher futurologist strategist
  executive-director md chancellor registrar clerk solicitor barrister speaker leader-elect president-elect
  trustee presenter anchor author novelist poet actor actress singer musician artist designer producer
  investor banker trader consultant physician doctor surgeon nurse teacher pastor bishop archbishop pope cardinal
  rabbi imam cleric governor-general viceroy sheriff constable detective officer-in-charge manager-designate
`);

/** Title words that only stand before a name: "Mr Varga", "Dr Jones". */
export const HONORIFICS = words(`mr mrs ms miss dr sir dame lord lady prof mr. mrs. ms. dr. prof.`);

/** Nouns that name an organisation when they end or stand in a name, or describe one in apposition. */
export const ORG_WORDS = words(`
  group labs lab laboratory laboratories bank inc inc. ltd ltd. plc corp corp. corporation company co co.
  railways railway airlines airline airways agency institute university college school ministry department
  council party government news times post journal herald tribune gazette sinmun club fc united association
  federation union committee commission foundation trust society organisation organization authority board
  service services studios motors energy holdings partners capital media press broadcasting network networks
  systems technologies industries international enterprises foods pharmaceuticals insurance bureau office
  parliament assembly congress senate court police army navy kremlin league academy hospital museum
  orchestra theatre centre center partnership alliance consortium coalition daily weekly courier telegraph chronicle observer mail express mirror
`);

/** Portfolios of an office, not organisations: "Finance Director", "Health Minister". */
export const PORTFOLIOS = words(`
  finance financial sales marketing operations technology technical communications health foreign defence defense
  transport transportation education justice interior home trade energy environment culture sport sports
  agriculture labour labor economy economic development security research human resources legal commercial
  creative editorial digital news football medical science housing planning tourism industry employment
  emergency emergencies veterans affairs public works infrastructure regional digital innovation
`);

/** Nouns that describe an organisation before or after its name: "oil giant Acme", "the weekly Valley Post". */
export const ORG_DESCRIPTORS = words(`
  daily newspaper paper broadcaster agency company firm group bank club giant maker retailer manufacturer
  carrier airline insurer lender publisher operator supplier producer brand chain charity council ministry
  department institute university laboratory lab organisation organization body regulator start-up startup
  watchdog union party team side outfit network website channel magazine magazines station developer
  trust hospital school college authority partnership association federation league
`);

/** Nouns that describe a place in apposition: "Tanefield, a former railway yard". */
export const PLACE_DESCRIPTORS = words(`
  yard site town city village suburb district region area island port base valley county province state
  neighbourhood neighborhood estate park stadium arena capital country nation coast peninsula
`);

/** Places that are organisations' homes rather than organisations: kept out of ORG_WORDS matches. */
export const PLACE_WORDS = words(`city town village county province state region district island islands river
  mountain mountains lake sea ocean bay valley coast peninsula square street road avenue airport port harbour cosmodrome spaceport
  arena stadium bridge hall`);

/** Lemmas of verbs that report what someone said or wrote. */
export const SPEECH_VERBS = words(`
  say tell write add state announce report explain insist argue warn claim comment note declare reply
  confirm deny admit suggest urge predict ask answer respond acknowledge stress emphasise
  emphasize remark observe quote tweet
`);

/** Abbreviations of offices and their spelled-out forms, both ways. */
export const ROLE_EXPANSIONS: readonly (readonly string[])[] = [
  ['ceo', 'chief executive', 'chief executive officer'],
  ['cfo', 'chief financial officer', 'finance chief', 'finance director'],
  ['coo', 'chief operating officer'],
  ['cto', 'chief technology officer'],
  ['md', 'managing director'],
  ['pm', 'prime minister', 'premier'],
  ['director general', 'director-general'],
  ['co-chairman', 'co chairman', 'cochairman'],
  ['chairman', 'chair', 'chairperson'],
  ['defense', 'defence'],
  ['vice president', 'vice-president'],
];

/** "Foreign Minister" is also "minister of foreign affairs"; other "X Minister"s become "minister of X". */
export const MINISTRY_NAMES: Readonly<Record<string, string>> = {
  foreign: 'foreign affairs',
  interior: 'internal affairs',
  home: 'home affairs',
};

/** Countries and their adjectives, for "Russian President" and "the D.P.R.K.". */
export const COUNTRIES: readonly { name: string; adjectives?: readonly string[]; aliases?: readonly string[] }[] = [
  { name: 'Afghanistan', adjectives: ['Afghan'] },
  { name: 'Albania', adjectives: ['Albanian'] },
  { name: 'Algeria', adjectives: ['Algerian'] },
  { name: 'Argentina', adjectives: ['Argentine', 'Argentinian'] },
  { name: 'Armenia', adjectives: ['Armenian'] },
  { name: 'Australia', adjectives: ['Australian'] },
  { name: 'Austria', adjectives: ['Austrian'] },
  { name: 'Azerbaijan', adjectives: ['Azerbaijani'] },
  { name: 'Bangladesh', adjectives: ['Bangladeshi'] },
  { name: 'Belarus', adjectives: ['Belarusian'] },
  { name: 'Belgium', adjectives: ['Belgian'] },
  { name: 'Bolivia', adjectives: ['Bolivian'] },
  { name: 'Bosnia', adjectives: ['Bosnian'] },
  { name: 'Brazil', adjectives: ['Brazilian'] },
  { name: 'Bulgaria', adjectives: ['Bulgarian'] },
  { name: 'Cambodia', adjectives: ['Cambodian'] },
  { name: 'Canada', adjectives: ['Canadian'] },
  { name: 'Chile', adjectives: ['Chilean'] },
  { name: 'China', adjectives: ['Chinese'] },
  { name: 'Colombia', adjectives: ['Colombian'] },
  { name: 'Croatia', adjectives: ['Croatian'] },
  { name: 'Cuba', adjectives: ['Cuban'] },
  { name: 'Cyprus', adjectives: ['Cypriot'] },
  { name: 'Czech Republic', adjectives: ['Czech'], aliases: ['Czechia'] },
  { name: 'Denmark', adjectives: ['Danish'] },
  { name: 'Egypt', adjectives: ['Egyptian'] },
  { name: 'England', adjectives: ['English'] },
  { name: 'Estonia', adjectives: ['Estonian'] },
  { name: 'Ethiopia', adjectives: ['Ethiopian'] },
  { name: 'Finland', adjectives: ['Finnish'] },
  { name: 'France', adjectives: ['French'] },
  { name: 'Georgia', adjectives: ['Georgian'] },
  { name: 'Germany', adjectives: ['German'] },
  { name: 'Ghana', adjectives: ['Ghanaian'] },
  { name: 'Greece', adjectives: ['Greek'] },
  { name: 'Hungary', adjectives: ['Hungarian'] },
  { name: 'Iceland', adjectives: ['Icelandic'] },
  { name: 'India', adjectives: ['Indian'] },
  { name: 'Indonesia', adjectives: ['Indonesian'] },
  { name: 'Iran', adjectives: ['Iranian'] },
  { name: 'Iraq', adjectives: ['Iraqi'] },
  { name: 'Ireland', adjectives: ['Irish'] },
  { name: 'Israel', adjectives: ['Israeli'] },
  { name: 'Italy', adjectives: ['Italian'] },
  { name: 'Japan', adjectives: ['Japanese'] },
  { name: 'Jordan', adjectives: ['Jordanian'] },
  { name: 'Kazakhstan', adjectives: ['Kazakh'] },
  { name: 'Kenya', adjectives: ['Kenyan'] },
  { name: 'Korea', adjectives: ['Korean'] },
  { name: 'North Korea', adjectives: ['North Korean'], aliases: ['D.P.R.K.', 'DPRK', 'the D.P.R.K.', 'the DPRK', 'NK', 'N. Korea', 'N Korea'] },
  { name: 'South Korea', adjectives: ['South Korean'], aliases: ['ROK'] },
  { name: 'Latvia', adjectives: ['Latvian'] },
  { name: 'Lebanon', adjectives: ['Lebanese'] },
  { name: 'Libya', adjectives: ['Libyan'] },
  { name: 'Lithuania', adjectives: ['Lithuanian'] },
  { name: 'Luxembourg' },
  { name: 'Malaysia', adjectives: ['Malaysian'] },
  { name: 'Mexico', adjectives: ['Mexican'] },
  { name: 'Moldova', adjectives: ['Moldovan'] },
  { name: 'Mongolia', adjectives: ['Mongolian'] },
  { name: 'Morocco', adjectives: ['Moroccan'] },
  { name: 'Netherlands', adjectives: ['Dutch'], aliases: ['the Netherlands', 'Holland'] },
  { name: 'New Zealand', adjectives: ['New Zealander'] },
  { name: 'Nigeria', adjectives: ['Nigerian'] },
  { name: 'Norway', adjectives: ['Norwegian'] },
  { name: 'Pakistan', adjectives: ['Pakistani'] },
  { name: 'Peru', adjectives: ['Peruvian'] },
  { name: 'Philippines', adjectives: ['Filipino', 'Philippine'], aliases: ['the Philippines'] },
  { name: 'Poland', adjectives: ['Polish'] },
  { name: 'Portugal', adjectives: ['Portuguese'] },
  { name: 'Qatar', adjectives: ['Qatari'] },
  { name: 'Romania', adjectives: ['Romanian'] },
  { name: 'Russia', adjectives: ['Russian'], aliases: ['Russian Federation', 'the Russian Federation'] },
  { name: 'Saudi Arabia', adjectives: ['Saudi'] },
  { name: 'Scotland', adjectives: ['Scottish'] },
  { name: 'Serbia', adjectives: ['Serbian'] },
  { name: 'Singapore', adjectives: ['Singaporean'] },
  { name: 'Slovakia', adjectives: ['Slovak'] },
  { name: 'Slovenia', adjectives: ['Slovenian'] },
  { name: 'South Africa', adjectives: ['South African'] },
  { name: 'Spain', adjectives: ['Spanish'] },
  { name: 'Sweden', adjectives: ['Swedish'] },
  { name: 'Switzerland', adjectives: ['Swiss'] },
  { name: 'Syria', adjectives: ['Syrian'] },
  { name: 'Taiwan', adjectives: ['Taiwanese'] },
  { name: 'Thailand', adjectives: ['Thai'] },
  { name: 'Turkey', adjectives: ['Turkish'], aliases: ['Türkiye'] },
  { name: 'Ukraine', adjectives: ['Ukrainian'] },
  { name: 'United Arab Emirates', adjectives: ['Emirati'], aliases: ['UAE'] },
  { name: 'United Kingdom', adjectives: ['British'], aliases: ['UK', 'U.K.', 'Britain', 'Great Britain', 'the UK', 'the United Kingdom'] },
  { name: 'United States', adjectives: ['American'], aliases: ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'the US', 'the United States'] },
  { name: 'Uruguay', adjectives: ['Uruguayan'] },
  { name: 'Paraguay', adjectives: ['Paraguayan'] },
  { name: 'Ecuador', adjectives: ['Ecuadorian'] },
  { name: 'Senegal', adjectives: ['Senegalese'] },
  { name: 'Cameroon', adjectives: ['Cameroonian'] },
  { name: 'Ivory Coast', adjectives: ['Ivorian'] },
  { name: 'Tunisia', adjectives: ['Tunisian'] },
  { name: 'Uzbekistan', adjectives: ['Uzbek'] },
  { name: 'Sri Lanka', adjectives: ['Sri Lankan'] },
  { name: 'Nepal', adjectives: ['Nepalese', 'Nepali'] },
  { name: 'Myanmar', adjectives: ['Burmese'] },
  { name: 'Venezuela', adjectives: ['Venezuelan'] },
  { name: 'Vietnam', adjectives: ['Vietnamese'] },
  { name: 'Wales', adjectives: ['Welsh'] },
  { name: 'Yemen', adjectives: ['Yemeni'] },
];

/** Regions that are places but not countries. */
export const REGIONS = words(`Europe Asia Africa America Eurasia Antarctica Oceania Arctic Antarctic Balkans Caucasus
  Scandinavia Siberia Middle-East`);

/** Family-name-first name orders: "Kim Jong Un" is Mr Kim. */
export const FAMILY_NAME_FIRST = words(`kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang
  xi li wang zhang liu chen yang huang zhao wu zhou hu jin ri`);

/** Single capitalised words that start sentences or titles without being names. */
export const NOT_NAMES = words(`the a an this that these those it its he she they we i you his her their our my
  your today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december shares sales but and or so yet after before
  while when where during since under over in on at by for from with without about according however meanwhile
  also other others one two three many several some all both each every gmt utc bst cet est pst`);
