/**
 * The closed classes of English that WordNet leaves out: articles, pronouns, prepositions,
 * conjunctions, auxiliaries and modals, determiners and quantifiers, question words, and their
 * usual contractions (with and without the apostrophe, as people type them in chat).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any no every each either neither all both half several many much more most
   few fewer fewest little less least enough such what whatever which whichever who whoever whom whose when whenever
   where wherever why how however whether
   i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
   we us our ours ourselves they them their theirs themselves one ones oneself someone somebody something anyone
   anybody anything everyone everybody everything nobody nothing none somewhere anywhere everywhere nowhere
   be am is are was were been being do does did done doing have has had having will would shall should can could
   may might must ought need dare
   of in on at to for from by with without about above below across after before against along amid among amongst
   around as behind beneath beside besides between beyond despite down during except inside into like near off onto
   out outside over past per since than through throughout till toward towards under underneath unlike until unto up
   upon via within
   and or but nor so yet because although though while whereas unless if once than then also too either else
   not never always often sometimes just only even still already again ever here there now very quite rather really
   yes no not
   i'm im i've ive i'd id i'll you're youre you've youve you'd you'll he's hes she's shes it's it's we're we've
   they're theyre they've theyve that's thats what's whats who's whos where's wheres when's how's hows there's theres
   here's let's lets isn't isnt aren't arent wasn't wasnt weren't werent don't dont doesn't doesnt didn't didnt
   haven't havent hasn't hasnt hadn't hadnt won't wont wouldn't wouldnt can't cant couldn't couldnt shouldn't shouldnt
   mustn't mightn't ain't aint gonna wanna gotta why'd how'd where'd who'd what'd that'd it'd there'd we'd they'd
   he'd she'd we'll they'll he'll she'll it'll that'll who'll there'll`.split(/\s+/),
);

/**
 * What people put around a question in chat without asking anything by it: greetings,
 * politeness, hedges, abbreviations, and the verbs of wondering aloud. None of them is a sign
 * that a question is about something the article leaves out.
 */
export const CHAT_FILLER: ReadonlySet<string> = new Set(
  `hey hi hello hiya heya yo sup howdy greetings morning evening thanks thank thx ty tysm pls plz please sorry
   ok okay k kk alright yeah yea yep yup yes nope nah naw sure cool nice great awesome
   lol lmao lmfao rofl haha hahaha heh hehe omg wow whoa oh ah ahh uh um umm hmm hm er erm meh welp
   btw tbh ngl imo imho fyi idk dunno iirc afaik smh tbf istg fr frfr ong lowkey highkey deadass lmk idc rn asap
   guys guy folks people everyone anyone bro bruh dude mate fam pal buddy sir maam y'all yall
   honestly basically literally actually seriously really genuinely just simply kinda sorta somewhat pretty quite
   wondering wonder wondered curious confused quick question q asking ask wanted want wanna know knows tell
   sounds sound seems seem guess reckon suppose think thought feel anyway anyways so um well like
   u ur r ya yah cuz coz cos bc tho thru`.split(/\s+/),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

export function isChatFiller(word: string): boolean {
  return CHAT_FILLER.has(word);
}
