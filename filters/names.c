/*
 * names.c — the person detector: tokens, word classes, known people,
 * unknown people, context.  See names.h and docs/anon-names.1.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casefile.h"
#include "lexicon.h"
#include "names.h"
#include "record.h"
#include "sbuf.h"
#include "spanmap.h"
#include "utf8.h"
#include "wordclass.h"

/* For the tokenizer's helpers, which GCC otherwise keeps out of line. */
#define ALWAYS_INLINE	static inline __attribute__((always_inline))

/*
 * strpbrk(fl, set) for lexicon flags and a set of lower-case ASCII
 * letters given as a mask of FL() bits: the flags are a few letters, and
 * the library's strpbrk() costs more to set up than to scan them.
 */
#define FL(c)	(1u << ((c) - 'a'))
#define FL_SP	(FL('s') | FL('p'))
#define FL_FMG	(FL('f') | FL('m') | FL('g'))
#define FL_FMGP	(FL('f') | FL('m') | FL('g') | FL('p'))
#define FL_FMGSP	(FL('f') | FL('m') | FL('g') | FL('s') | FL('p'))
#define FL_FMGSPH	(FL_FMGSP | FL('h'))

ALWAYS_INLINE const char *
flag_in(const char *fl, uint32_t set)
{
	for (; *fl != '\0'; fl++)
		if ((unsigned)(*fl - 'a') < 26 && (set >> (*fl - 'a') & 1))
			return fl;
	return NULL;
}

/* strchr(fl, c) != NULL for a lower-case ASCII letter c. */
#define flag_has(fl, c)	(flag_in((fl), FL(c)) != NULL)

#define EN_GB		"/usr/share/hunspell/en_GB"
#define MAXWORD		64	/* longer "words" are never names */
#define MAXRUN		8	/* tokens in one name, title included */

/* Token flags. */
#define T_CAP		0x001	/* first letter upper case */
#define T_ALLCAPS	0x002	/* every letter upper case, two or more */
#define T_POSS		0x004	/* followed by 's, ’s or a bare apostrophe */
#define T_SENT		0x008	/* starts a sentence, a heading or a cell */
#define T_DOT		0x010	/* followed directly by '.' */
#define T_CELL		0x020	/* first token of a table cell */
#define T_INITIAL	0x040	/* one upper-case letter */
#define T_DIGIT		0x080	/* holds a digit */
#define T_PARTICLE	0x100	/* van, der, bin, al-... in lower case: ask
				 * particle(), which sets it */
#define T_PCHECKED	0x200	/* T_PARTICLE is known */
#define T_QUOTED	0x400	/* inside "..." or “...” */

/* What is found out about a token later is 0 until it is (tok_push()). */
struct tok {
	size_t		 s, e;		/* the word */
	size_t		 pe;		/* end with the possessive suffix */
	size_t		 fold;		/* offset of the plain form in ctx->fb */
	size_t		 flen;
	unsigned	 f;
	int		 wc;		/* names_wclass, 0 = not looked up */
	const char	*lex;		/* flags from the lexicon, or NULL */
	int		 haslex;	/* lex was looked up */
	unsigned	 wlb;		/* WL_* of the plain form and WL_KNOWN,
					 * 0 = not looked up */
	signed char	 score[2];	/* score(t, 0) and score(t, 1) plus 1,
					 * 0 = not computed */
};

/* kwfirst[]: a forename or nickname, a forename starts with the byte. */
#define KWF_FORE	1
#define KWF_FIRST	2
#define KWF_ANY		4	/* any known word (a test before the scans) */

/* One word of a known person's names. */
enum kpart { KP_FIRST, KP_MIDDLE, KP_LAST, KP_NICK };

struct kword {
	char		*w;		/* plain form */
	size_t		 len;
	size_t		 person;	/* index into the case file */
	enum kpart	 part;
	int		 common;	/* hunspell accepts it in lower case */
};

/*
 * A known person's surname of several words with a particle ("ap Rhodri",
 * "Mac an t-Saoir", "van der Berg"): its plain words, one space apart.
 */
struct kcomp {
	char		*w;
	size_t		 len;
	size_t		 person;
	int		 nw;		/* words */
};

struct kperson {
	char		 gender;	/* 'f', 'm' or 0 */
	int		 child;
#define MAXINIT	8
	char		 init[MAXINIT][MAXRUN + 1];	/* "ks", "kjs", "sfk" */
	int		 ninit;
	char		 first;		/* the forename's initial */
	char		 sur[4];	/* the surname's: "s", "fk" */
	unsigned long	 seen;		/* order of the last mention, 0 = none */
};

#define NOIDX	((size_t)-1)

/* One word of the small word lists below, with the lists it is in. */
struct wlent {
	const char	*w;		/* NULL = empty slot */
	size_t		 len;
	uint64_t	 pk;		/* wl_pack() of the word */
	unsigned	 bits;		/* WL_* */
};
#define WLCAP	4096		/* slots; a power of two, about six times the
				 * words (short probes for the many misses) */

/*
 * A person the detector met in this document.  The memories are found
 * through a hash of their word (wnext chains those of one bucket) and,
 * for forenames, through their first byte (fnext).
 */
struct mem {
	char		*w;		/* plain form of one name word */
	size_t		 wl;
	char		*key;		/* the person's key */
	char		*sub;		/* profession slug or "" */
	int		 part;		/* 0 forename, 1 surname */
	char		 gender;	/* 'f', 'm' or 0: from a title or forename */
	unsigned long	 seen;
	size_t		 wnext, fnext;
};

/* The initials of a person the detector met: "sfk" for Sienna Fletcher-Kemp. */
struct minit {
	char		 ini[MAXRUN + 1];
	size_t		 il;
	char		*key;
	char		*sub;
	unsigned long	 seen;
	size_t		 next;		/* in the chain of its hash bucket */
};

/*
 * What the word class table and the names lexicon say of a word as
 * written, kept for the words met (wfact_get()): the same words come back
 * all through a document, and the tables are large enough that a lookup
 * misses the cache.
 */
struct wfact {
	uint64_t	 h;		/* whash() of the word */
	size_t		 off;		/* the word in nm->wfkeys, */
	size_t		 len;		/* len 0 = empty slot */
	int		 wc;		/* names_wclass, 0 = not looked up */
	const char	*lex;		/* looked up with wc */
};
#define WFMAX	(1 << 16)	/* slots at most; then it starts again */

/* Heads of hash chains of indices (NOIDX = empty); cap a power of two. */
struct ihash {
	size_t		*head;
	size_t		 cap;
};

struct names {
	const struct casefile	*cf;
	struct lexicon		*lex;
	struct lexicon		*allow;
	struct wordclass	*wc;		/* hunspell's verdicts */
	double			 wc_time;
	struct kword		*kw;
	size_t			 nkw;
	size_t			 nkw_case;	/* from the case file; short
						 * forms learnt come after */
	unsigned char		 kwfirst[256];	/* by first byte: KWF_* of the
						 * words kw ever held */
	struct kcomp		*kc;		/* surnames with particles */
	size_t			 nkc;
	struct kperson		*kp;
	struct mem		*mem;
	size_t			 nmem, capmem;
	struct ihash		 memh;		/* mem by word */
	size_t			 fhead[256];	/* forename mem by first byte */
	struct minit		*mi;
	size_t			 nmi, capmi;
	struct ihash		 mih;		/* mi by initials */
	unsigned long		 clock;
	struct spanmap		 pri;		/* upstream mentions */
	struct spanmap		 fnd;		/* mentions found in this unit */
	struct wlent		 wl[WLCAP];	/* the small word lists */
	size_t			 wlmax;		/* their longest word */
	size_t			 wlmaxb[32];	/* the longest of each list */
	unsigned		 wlfirst[256];	/* lists with a word of that first byte */
	struct tok		*tok;
	size_t			 ntok, captok;
	size_t			*capj;		/* the tokens with T_CAP, in order
						 * (room for captok) */
	size_t			 ncapj;
	size_t			 nquoted;	/* tokens with T_QUOTED */
	/* Of the paragraph being tokenized, for sent_flags(): */
	size_t			 numpre;	/* prefix of digits . space tab */
	size_t			 linepre;	/* prefix of digits . space */
	size_t			 bracket;	/* first ( or [ after byte 0 */
	struct sbuf		 fb;		/* plain forms of the tokens */
	const char		*text;		/* the paragraph tokenized */
	struct wfact		*wf;		/* facts of the words met */
	size_t			 nwf, capwf;
	struct sbuf		 wfkeys;	/* their words */
};

/* ------------------------------------------------------------------ */
/* Small word lists: English grammar and titles, not data about people. */

struct title {
	const char	*w;		/* as written, one or two words */
	char		 gender;
	const char	*sub;		/* subtype it implies */
};

static const struct title titles[] = {
	{ "Chief Inspector", 0, "police-officer" },
	{ "DC", 0, "police-officer" },
	{ "DCI", 0, "police-officer" },
	{ "DI", 0, "police-officer" },
	{ "DS", 0, "police-officer" },
	{ "DSI", 0, "police-officer" },
	{ "Detective Chief Inspector", 0, "police-officer" },
	{ "Detective Constable", 0, "police-officer" },
	{ "Detective Inspector", 0, "police-officer" },
	{ "Detective Sergeant", 0, "police-officer" },
	{ "Dame", 'f', "" },
	{ "Doctor", 0, "professional" },
	{ "Dr", 0, "professional" },
	{ "Dr.", 0, "professional" },
	{ "HHJ", 0, "professional" },
	{ "Inspector", 0, "police-officer" },
	{ "Judge", 0, "professional" },
	{ "Lady", 'f', "" },
	{ "Lord", 'm', "" },
	{ "Miss", 'f', "" },
	{ "Mr", 'm', "" },
	{ "Mr.", 'm', "" },
	{ "Mrs", 'f', "" },
	{ "Mrs.", 'f', "" },
	{ "Ms", 'f', "" },
	{ "Ms.", 'f', "" },
	{ "Mx", 0, "" },
	{ "PC", 0, "police-officer" },
	{ "PS", 0, "police-officer" },
	{ "Police Constable", 0, "police-officer" },
	{ "Prof", 0, "professional" },
	{ "Professor", 0, "professional" },
	{ "Rev", 0, "professional" },
	{ "Reverend", 0, "professional" },
	{ "Sergeant", 0, "police-officer" },
	{ "Sgt", 0, "police-officer" },
	{ "Sir", 'm', "" },
	{ NULL, 0, NULL }
};

struct role {
	const char	*w;		/* lower case */
	size_t		 len;
	const char	*slug;
};
#define R(w, slug)	{ w, sizeof(w) - 1, slug }

/* A word of a list with its length. */
struct lword {
	const char	*w;
	size_t		 len;
};
#define LW(w)		{ w, sizeof(w) - 1 }

/* Longest first where one is the end of another. */
static const struct role roles[] = {
	R("consultant paediatrician", "paediatrician"),
	R("community paediatrician", "paediatrician"),
	R("paediatrician", "paediatrician"),
	R("health visitor", "health-visitor"),
	R("hv", "health-visitor"),
	R("social worker", "social-worker"),
	R("family gp", "gp"),
	R("general practitioner", "gp"),
	R("gp", "gp"),
	R("midwife", "midwife"),
	R("class teacher", "teacher"),
	R("head teacher", "teacher"),
	R("headteacher", "teacher"),
	R("teacher", "teacher"),
	R("school nurse", "nurse"),
	R("nurse", "nurse"),
	R("doctor", "doctor"),
	R("probation officer", "probation-officer"),
	R("housing officer", "housing-officer"),
	R("police officer", "police-officer"),
	R("attending officer", "police-officer"),
	R("detective constable", "police-officer"),
	R("detective sergeant", "police-officer"),
	R("detective inspector", "police-officer"),
	R("police constable", "police-officer"),
	R("officer", "professional"),
	R("worker", "professional"),
	R("manager", "professional"),
	R("lead", "professional"),
	R("chair", "professional"),
	R("reviewer", "professional"),
	R("advocate", "professional"),
	R("practitioner", "professional"),
	R("psychiatrist", "professional"),
	R("psychologist", "professional"),
	R("therapist", "professional"),
	R("consultant", "professional"),
	R("registrar", "professional"),
	R("inspector", "police-officer"),
	R("key worker", "professional"),
	R("keyworker", "professional"),
	{ NULL, 0, NULL }
};

/* Relations before a name: "her mother, X", "known as X". */
static const struct lword relations[] = {
	LW("mother"), LW("father"), LW("partner"), LW("boyfriend"),
	LW("girlfriend"), LW("husband"), LW("wife"), LW("brother"),
	LW("sister"), LW("son"), LW("daughter"), LW("aunt"), LW("uncle"),
	LW("cousin"), LW("grandmother"), LW("grandfather"), LW("nan"),
	LW("grandad"), LW("friend"), LW("neighbour"), LW("stepfather"),
	LW("stepmother"), LW("sibling"), LW("niece"), LW("nephew"),
	LW("known as"), LW("called"), LW("named"), LW("name of"),
	LW("alias"), LW("aka"), LW("née"), LW("nee"), LW("with"), LW("by"),
	LW("to"), { NULL, 0 }
};

/*
 * Kinship right before a forename that is also a word: "her daughter
 * Hope", "his big sister Rose" (not "with", "by": "with Hope").
 */
static const struct lword kin_words[] = {
	LW("mother"), LW("father"), LW("partner"), LW("boyfriend"),
	LW("girlfriend"), LW("husband"), LW("wife"), LW("brother"),
	LW("sister"), LW("son"), LW("daughter"), LW("aunt"), LW("uncle"),
	LW("cousin"), LW("grandmother"), LW("grandfather"), LW("nan"),
	LW("grandad"), LW("stepfather"), LW("stepmother"), LW("sibling"),
	LW("niece"), LW("nephew"), LW("mum"), LW("dad"), LW("twin"),
	LW("half-sister"), LW("half-brother"), LW("stepsister"),
	LW("stepbrother"), LW("grandson"), LW("granddaughter"), LW("gran"),
	LW("known as"), LW("named"), LW("née"), LW("nee"), { NULL, 0 }
};

/* Before a maiden name: "Mrs Jones (née Carver)". */
static const struct lword nee_words[] = {
	LW("née"), LW("nee"), { NULL, 0 }
};

/* Before a quoted nickname: known as "Bee", calls him "Tiger". */
static const struct lword nick_words[] = {
	LW("known as"), LW("called"), LW("calls him"), LW("calls her"),
	LW("call him"), LW("call her"), LW("nicknamed"), LW("aka"),
	{ NULL, 0 }
};

/* Verbs of speech: after them even a sentence's first word is a name. */
static const char *const speech_verbs[] = {
	"said", "says", "told", "tells", "asked", "asks", "explained",
	"explains", "replied", "disclosed", "recalled", "recalls", NULL
};

/* Words after a possessive name that show a person: "X's partner". */
static const char *const poss_person[] = {
	"partner", "mother", "father", "boyfriend", "girlfriend", "husband",
	"wife", "brother", "sister", "son", "daughter", "baby", "children",
	"child", "aunt", "uncle", "cousin", "friend", "family", "care",
	"behaviour", "account", "view", "views", "wish", "wishes", "school",
	"attendance", "health", "needs", "home", "flat", "house", "room",
	"bedroom", "phone", "mobile", "injuries", "injury", "death", "birth",
	"relationship", "mental", "drinking", "drug", "parents", "parenting",
	"nursery", "ex-partner", "former", "new", "own", "case", "file",
	"records", "name", "grandmother", "grandfather", "paternal", "maternal",
	"step-father", "stepfather", "step-mother", "stepmother", "siblings",
	"half-sister", "half-brother", NULL
};

/* Verbs after a bare name that make it a person: "Okafor said". */
static const char *const person_verbs[] = {
	"said", "told", "reported", "attended", "disclosed", "had", "has",
	"did", "went", "lived", "stayed", "returned", "moved", "called",
	"telephoned", "phoned", "rang", "asked", "agreed", "explained",
	"described", "stated", "continued", "would", "could", "left",
	"became", "started", "missed", "made", "gave", "took", "saw",
	"spoke", "refused", "declined", "denied", "admitted", "arrived",
	"visited", "emailed", "wrote", "recorded", "noted", "contacted",
	"confirmed", "says", "felt", "thought", "knew", "met", "shouted",
	"hit", "cried", "is", "was", "and", "who", "herself", "himself",
	/*
	 * The present tense of reports written in it ("Tiarnán looks"),
	 * not the verbs that are also plural nouns ("Home visits").
	 */
	"tells", "looks", "goes", "keeps", "asks", "attends", "arrives",
	"agrees", "explains", "describes", "feels", "thinks", "knows",
	"denies", "admits", "refuses", "speaks", NULL
};

/* After "was": words that keep a trap word a person ("Amber was seen"). */
static const char *const was_person[] = {
	"seen", "taken", "admitted", "born", "found", "brought", "not",
	"still", "living", "placed", "discharged", "arrested", "known",
	"subject", "referred", "interviewed", "spoken", "observed",
	"described", "noted", "reported", "excluded", "assessed", "examined",
	"present", "at", "in", "with", "alone", "asleep", "crying", "heard",
	"pregnant", "aged", "then", "also", "visited", "living", "left",
	"sent", "given", "offered", "unable", "able", "reluctant", "angry",
	"upset", "staying", "told", "asked", "allocated", NULL
};

/* Lower-case words after a name that make it an eponym. */
static const char *const eponym_heads[] = {
	"disease", "syndrome", "palsy", "sarcoma", "lymphoma", "anomaly",
	"competence", "principle", "criteria", "scale", "test", NULL
};

/* A word after a name that makes the name part of something else. */
static const char *const heads[] = {
	"law", "syndrome", "disease", "competence", "guidelines", "criteria",
	"principle", "principles", "test", "scale", "model", "method",
	"act", "report", "inquiry", "review", "reviews", "trust",
	"foundation", "centre", "center", "school", "primary", "academy",
	"college", "university", "hospital", "infirmary", "surgery",
	"practice", "clinic", "road", "street", "lane", "avenue", "close",
	"drive", "way", "court", "house", "estate", "park", "partnership",
	"council", "services", "service", "team", "unit", "ward", "nursery",
	"church", "mosque", "temple", "police", "station", "prison",
	"gardens", "grove", "crescent", "place", "terrace", "square", "row",
	"hill", "green", "mews", "walk", "view", "rise", "vale", "medical",
	"health", "children's", "community", "group", "limited", "ltd",
	"plc", "associates", "partners", "solicitors", "housing", "homes",
	"scheme", "project", "programme", "board", "committee", "panel",
	"hall", "library", "fields", "moor", "heath", "wood", "cross",
	"bridge", "village", "town", "city", "county", "borough", "district",
	"institute", "society", "association", "charity", "federation",
	"high", "grammar", "infant", "infants", "junior", "sixth", "campus",
	"shopping", "retail", "hotel", "pub", "arms", "inn", "tavern",
	"bank", "media", "news", "times", "post", "gazette", "fm", "radio",
	"index", "questionnaire", "assessment", "tool", "framework",
	"approach", "theory", "effect", "palsy", "sign", "triad", "fracture",
	"fractures", "sarcoma", "lymphoma", "day", "eve", "family",
	"families", NULL
};

/* Capitalised words that are never a bare forename. */
static const char *const not_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "christmas", "easter", "eid", "ramadan", "diwali",
	"god", "allah", "jesus", "english", "british", "polish", "irish",
	"scottish", "welsh", "african", "asian", "caribbean", "muslim",
	"christian", "catholic", "hindu", "sikh", "jewish", "romanian",
	"lithuanian", "pakistani", "bangladeshi", "somali", "nigerian",
	"indian", "arabic", "urdu", "punjabi", "bengali", "gujarati",
	"britain", "europe", "america", "africa", "asia",
	"mixed", "white", "black", "other", "yes", "no", "n/a", "none",
	"unknown", "subject", "mother", "father", "sibling", "half-sibling",
	"grandmother", "grandfather", "partner", "name", "role", "dob",
	"chair", "present", "apologies", "author", "reviewer", "the", "an",
	"and", "to", "by", "of", "in", "on", "at", "or", "not", "any", "my",
	"you", "your", "this", "that", "child", "children", "officer", "he",
	"she", "it", "we", "they", "his", "her", "him", "them", "their", "its",
	"who", "whom", "whose", "what", "when", "where", "why", "how", "which",
	"there", "then", "these", "those", "here", "nobody", "someone",
	"everyone", "all", "both", "each", "neither", "either",
	/*
	 * Languages and peoples without a state of that name: "held in
	 * Gaelic", "a Yoruba name".  Nationalities of states stay out: TAB
	 * masks them (its DEM category) and this stage is what masks them.
	 */
	"gaelic", "yoruba", "igbo", "hausa", "twi", "swahili", "amharic",
	"tigrinya", "oromo", "farsi", "pashto", "sylheti", "tamil", "sinhala",
	"malayalam", "telugu", "tagalog", "mandarin", "cantonese", "hindi",
	"romany", "cornish", "manx", "scots", "lingala", "xhosa", NULL
};

/* Two-letter function words that capitals may spell. */
static const char *const function_words[] = {
	"am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in",
	"is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up",
	"us", "we", NULL
};

/* Lower-case name particles inside a name. */
static const char *const particles[] = {
	"al", "bin", "binti", "bint", "da", "de", "del", "della", "der",
	"di", "dos", "du", "el", "ibn", "la", "le", "ul", "van", "von",
	"ur", "ben", "abu", "den", "ter", "te", "ap", "ab", "ferch",
	"verch", "das", "des", NULL
};

/*
 * Gaelic words that start a surname written apart ("Mac an t-Saoir",
 * "Ní Bhriain", "Ó Dálaigh"): after them "an" and "na" are part of the
 * name, and in a case file they are never a name on their own.
 */
static const char *const gaelic_prefixes[] = {
	"mac", "mc", "nic", "mhic", "nig", "ni", "o", "ua", "ui", NULL
};

/*
 * After a lower-case word in a quoted message, verbs that need a person
 * as their subject there: "will can u", "thought jono did it".
 */
static const char *const lower_verbs[] = {
	"says", "said", "keeps", "kept", "did", "does", "didn't", "doesn't",
	"didnt", "doesnt", "can", "can't", "cant", "could", "won't", "wont",
	"wants", "wanted", "needs", "told", "asked", "hit", "likes", "loves",
	"cried", "screamed", "shouted", "went", "goes", NULL
};

/* After "Name," words that make the name a person's: "Hope, who". */
static const char *const appositions[] = {
	"who", "whose", "known", "aged", "nicknamed", "called", NULL
};

/*
 * Welsh initial mutations undone: a mutated form's start and the
 * radical's ("Domos" <- Tomos, "Fari" <- Mari, "Nghaerwen" <- Caerwen);
 * the last adds back the g that soft mutation drops ("Wenllian").
 */
static const char *const mutations[][2] = {
	{ "ngh", "c" }, { "mh", "p" }, { "nh", "t" }, { "ng", "g" },
	{ "dd", "d" }, { "th", "t" }, { "ch", "c" }, { "ph", "p" },
	{ "d", "t" }, { "f", "b" }, { "f", "m" }, { "g", "c" }, { "b", "p" },
	{ "l", "ll" }, { "r", "rh" }, { "n", "d" }, { "m", "b" }, { "", "g" },
	{ NULL, NULL }
};

/* Welsh words after which a name mutates ("am Domos", "i Fari"). */
static const char *const mutators[] = {
	"am", "i", "o", "at", "ar", "dan", "gan", "wrth", "heb", "hyd",
	"drwy", "trwy", "gyda", "efo", "a", "ac", "fy", "dy", "ei", "ein",
	"eich", "eu", "yn", "na", "neu", "ond", "mae", NULL
};

/* Upper-case abbreviations that are never a person's initials. */
static const char *const abbrevs[] = {
	"GP", "HV", "DC", "PC", "DS", "DI", "SW", "ED", "CP", "IT", "UK",
	"OK", "AM", "PM", "TV", "ID", "IQ", "MP", "QC", "KC", "RN", "CIN",
	"CPP", "LAC", "NHS", "CSC", "ASD", "DV", "CAF", "TAF", "EHA", "NFA",
	"RUI", "NI", "BBC", "ACE", "SCR", "LA", "IRO", "DSL", "SEN", "EHC",
	"PTSD", "OCD", "MRI", "CT", "FII", "NAI", "PS", "YOT", "DOB", "ENT",
	"UTI", "USA", "EU", "UN", "HMP", "YOI", "RAF", "ICU", "PICU", "NICU",
	"SCBU", "AE", "CCTV", "DNA", "HIV", "STI", "PE", "RE", "IVF", "OT",
	"SALT", "NEET", "PRU", "LD", "DBS", "VAT", "NHSE", "CQC",
	"OFSTED", "HMI", "RSE", "PSHE", NULL
};

/* After "X was": words that make X an ordinary word ("Hope was expressed"). */
static const char *const determiners[] = {
	"the", "her", "his", "their", "a", "an", "my", "our", "your", "its",
	NULL
};

static const char *const was_thing[] = {
	"expressed", "raised", "voiced", "shared", "lost", "restored",
	"the", "particularly", "fading", "given", "offered",
	"rated", "used", "applied", NULL
};

static int
in_list(const char *const *list, const char *w, size_t len)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == len && strncmp(*list, w, len) == 0)
			return 1;
	return 0;
}

/*
 * The lists above as one hash set (names_new() fills it): in_set(nm,
 * WL_HEAD, w, len) answers in_list(heads, w, len) without a scan, and
 * in_set_ci() in_list_ci() (the lists are in lower case).
 */
enum {
	WL_PARTICLE = 1 << 0,
	WL_POSS = 1 << 1,
	WL_WAS_PERSON = 1 << 2,
	WL_VERB = 1 << 3,
	WL_HEAD = 1 << 4,
	WL_NOT_NAME = 1 << 5,
	WL_FUNCTION = 1 << 6,
	WL_ABBREV = 1 << 7,
	WL_DETERMINER = 1 << 8,
	WL_WAS_THING = 1 << 9,
	WL_EPONYM = 1 << 10,
	WL_GAELIC = 1 << 11,
	WL_LOWER_VERB = 1 << 12,
	WL_APPOSITION = 1 << 13,
	WL_MUTATOR = 1 << 14,
	WL_KNOWN = 1 << 15,	/* struct tok's wlb holds the answer */
	WL_SPEECH = 1 << 16
};

static inline uint64_t	whash(const char *, size_t);

/*
 * The first eight bytes of w[0..len), zero-padded, as a number: with the
 * length it tells two words of up to eight bytes apart.
 */
static uint64_t
wl_pack(const char *w, size_t len)
{
	uint64_t pk = 0;
	size_t i;

	if (len >= 8) {
		memcpy(&pk, w, 8);
		return pk;
	}
	for (i = 0; i < len; i++)
		pk |= (uint64_t)(unsigned char)w[i] << (8 * i);
	return pk;
}

/* The slot to start from for a word: its packed bytes and length. */
static size_t
wl_slot(uint64_t pk, size_t len)
{
	return (size_t)(((pk ^ len) * 0x9E3779B97F4A7C15ULL) >> 40) &
	    (WLCAP - 1);
}

static void
wl_put(struct names *nm, const char *const *list, unsigned bit)
{
	struct wlent *e;
	size_t len, j;

	for (; *list != NULL; list++) {
		len = strlen(*list);
		if (len > nm->wlmax)
			nm->wlmax = len;
		for (j = 0; j < 32; j++)
			if ((bit & 1u << j) && len > nm->wlmaxb[j])
				nm->wlmaxb[j] = len;
		if (len > 0)
			nm->wlfirst[(unsigned char)(*list)[0]] |= bit;
		for (j = wl_slot(wl_pack(*list, len), len);; j = (j + 1) &
		    (WLCAP - 1)) {
			e = &nm->wl[j];
			if (e->w == NULL) {
				e->w = *list;
				e->len = len;
				e->pk = wl_pack(*list, len);
				e->bits = bit;
				break;
			}
			if (e->len == len && memcmp(e->w, *list, len) == 0) {
				e->bits |= bit;
				break;
			}
		}
	}
}

static void
wl_setup(struct names *nm)
{
	wl_put(nm, particles, WL_PARTICLE);
	wl_put(nm, poss_person, WL_POSS);
	wl_put(nm, was_person, WL_WAS_PERSON);
	wl_put(nm, person_verbs, WL_VERB);
	wl_put(nm, heads, WL_HEAD);
	wl_put(nm, not_names, WL_NOT_NAME);
	wl_put(nm, function_words, WL_FUNCTION);
	wl_put(nm, abbrevs, WL_ABBREV);
	wl_put(nm, determiners, WL_DETERMINER);
	wl_put(nm, was_thing, WL_WAS_THING);
	wl_put(nm, eponym_heads, WL_EPONYM);
	wl_put(nm, gaelic_prefixes, WL_GAELIC);
	wl_put(nm, lower_verbs, WL_LOWER_VERB);
	wl_put(nm, appositions, WL_APPOSITION);
	wl_put(nm, mutators, WL_MUTATOR);
	wl_put(nm, speech_verbs, WL_SPEECH);
}

/* The lists (WL_*) w[0..len) is in. */
static unsigned
in_set_bits(const struct names *nm, const char *w, size_t len)
{
	const struct wlent *e;
	uint64_t pk;
	size_t j;

	if (len == 0 || len > nm->wlmax ||
	    nm->wlfirst[(unsigned char)w[0]] == 0)
		return 0;
	pk = wl_pack(w, len);
	for (j = wl_slot(pk, len); (e = &nm->wl[j])->w != NULL;
	    j = (j + 1) & (WLCAP - 1))
		if (e->pk == pk && e->len == len && (len <= 8 ||
		    memcmp(e->w + 8, w + 8, len - 8) == 0))
			return e->bits;
	return 0;
}

/* bit is one list: its words are no longer than wlmaxb[] says. */
static int
in_set(const struct names *nm, unsigned bit, const char *w, size_t len)
{
	unsigned k;

	k = bit != 0 ? (unsigned)__builtin_ctz(bit) : 31;
	return len <= nm->wlmaxb[k] && len > 0 &&
	    (nm->wlfirst[(unsigned char)w[0]] & bit) != 0 &&
	    (in_set_bits(nm, w, len) & bit) != 0;
}

/* The lists w[0..len) is in, ignoring ASCII case. */
static unsigned
in_set_bits_ci(const struct names *nm, const char *w, size_t len)
{
	char buf[64];
	size_t i;

	if (len == 0 || len > nm->wlmax || len > sizeof(buf))
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
	return in_set_bits(nm, buf, len);
}

static int
in_set_ci(const struct names *nm, unsigned bit, const char *w, size_t len)
{
	return (in_set_bits_ci(nm, w, len) & bit) != 0;
}

/* ------------------------------------------------------------------ */
/* Characters. */

/* Returns 1 for the letters a name can be written in. */
static int
cp_letter(uint32_t c)
{
	if (c < 0x80)	/* isalpha() of the C locale (none is set) */
		return (c | 0x20) - 'a' < 26;
	if (c >= 0xC0 && c <= 0x24F)
		return c != 0xD7 && c != 0xF7;
	if (c >= 0x370 && c <= 0x52F)
		return 1;
	return c >= 0x1E00 && c <= 0x1EFF;
}

static int
cp_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x137)
		return (c & 1) == 0;
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) == 1;
	if (c >= 0x14A && c <= 0x177)
		return (c & 1) == 0;
	if (c == 0x178)
		return 1;
	if (c >= 0x179 && c <= 0x17E)
		return (c & 1) == 1;
	if (c >= 0x391 && c <= 0x3AB)
		return 1;
	if (c >= 0x400 && c <= 0x42F)
		return 1;
	if (c >= 0x1E00 && c <= 0x1EFF)
		return (c & 1) == 0;
	return 0;
}

static uint32_t
cp_at(const char *s, size_t len, size_t i, int *n)
{
	uint32_t c;
	int k;

	if (i < len && (unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	k = utf8_decode(s + i, len - i, &c);
	if (k <= 0) {
		*n = 1;
		return 0xFFFD;
	}
	*n = k;
	return c;
}

/* Is an apostrophe (' or ’) at s[i]?  Returns its length or 0. */
static int
apos_at(const char *s, size_t len, size_t i)
{
	if (i < len && s[i] == '\'')
		return 1;
	if (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99)
		return 3;
	return 0;
}

static int
letter_at(const char *s, size_t len, size_t i)
{
	int n;

	return i < len && cp_letter(cp_at(s, len, i, &n));
}

/*
 * Diacritic-free forms of U+00C0..U+017F; '\0' where the letter has no
 * plain form here (it is then copied folded).
 */
static const char plain_tab[] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"	/* C0-DF */
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"	/* E0-FF */
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkk"
    "lllllllllln"			/* 100-148 */
    "nnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

size_t
names_plain(char *dst, const char *src, size_t len)
{
	size_t i, o;
	uint32_t c;
	int n;
	char tmp[8];

	for (i = o = 0; i < len; i += n) {
		/* A run of ASCII, lower-cased as lexicon_fold() does. */
		while (i < len && (unsigned char)src[i] < 0x80) {
			dst[o++] = (unsigned)(src[i] - 'A') < 26 ?
			    (char)(src[i] + 32) : src[i];
			i++;
		}
		if (i == len)
			break;
		c = cp_at(src, len, i, &n);
		if (c >= 0xC0 && c <= 0x17F && plain_tab[c - 0xC0] != '\0') {
			dst[o++] = plain_tab[c - 0xC0];
			continue;
		}
		if (c == 0x2019) {	/* ’ -> ' */
			dst[o++] = '\'';
			continue;
		}
		lexicon_fold(tmp, src + i, (size_t)n);
		memcpy(dst + o, tmp, (size_t)n);
		o += (size_t)n;
	}
	dst[o] = '\0';
	return o;
}

int
names_edit_distance(const char *a, size_t al, const char *b, size_t bl,
    int max)
{
	int d[MAXWORD + 2][MAXWORD + 2];
	size_t i, j;
	int best, v;

	if (al > MAXWORD || bl > MAXWORD)
		return max + 1;
	if ((al > bl ? al - bl : bl - al) > (size_t)max)
		return max + 1;
	for (i = 0; i <= al; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= bl; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= al; i++) {
		best = max + 1;
		for (j = 1; j <= bl; j++) {
			v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return d[al][bl] > max ? max + 1 : d[al][bl];
}

/* ------------------------------------------------------------------ */
/* Hunspell classes, from the precomputed table (wordclass.h). */

enum names_wclass
names_word_class(struct names *nm, const char *word, size_t len)
{
	char c0[8];
	int n;

	if (len == 0 || len > 4 * MAXWORD)
		return WC_UNKNOWN;
	switch (wordclass_of(nm->wc, word, len)) {
	case WORDCLASS_LOWER:
		return WC_COMMON;
	case WORDCLASS_PROPER:
		/*
		 * Accepted only capitalised: a proper noun when the word is
		 * written with its first letter upper case (folding changes
		 * it); written in lower case it is no word at all.
		 */
		(void)cp_at(word, len, 0, &n);
		lexicon_fold(c0, word, (size_t)n);
		return memcmp(c0, word, (size_t)n) != 0 ? WC_PROPER :
		    WC_UNKNOWN;
	default:
		return WC_UNKNOWN;
	}
}

/* ------------------------------------------------------------------ */
/* Set-up. */

static int
kw_add(struct names *nm, const char *w, size_t len, size_t person,
    enum kpart part)
{
	struct kword *k, *v;
	char buf[4 * MAXWORD + 4];
	size_t i, n;

	if (len == 0 || len > 4 * MAXWORD)
		return 0;
	n = names_plain(buf, w, len);
	if (n == 1)		/* an initial in the case file */
		return 0;
	for (i = 0; i < nm->nkw; i++) {
		k = &nm->kw[i];
		if (k->person == person && k->len == n &&
		    memcmp(k->w, buf, n) == 0)
			return 0;
	}
	if ((v = realloc(nm->kw, (nm->nkw + 1) * sizeof(*v))) == NULL)
		return -1;
	nm->kw = v;
	k = &nm->kw[nm->nkw];
	if ((k->w = strndup(buf, n)) == NULL)
		return -1;
	nm->nkw++;
	k->len = n;
	k->person = person;
	k->part = part;
	if (part != KP_LAST && part != KP_MIDDLE)
		nm->kwfirst[(unsigned char)buf[0]] |= KWF_FORE;
	nm->kwfirst[(unsigned char)buf[0]] |= KWF_ANY;
	if (part == KP_FIRST)
		nm->kwfirst[(unsigned char)buf[0]] |= KWF_FIRST;
	k->common = names_word_class(nm, w, len) == WC_COMMON;
	return 0;
}

/*
 * Is w[0..len) a particle of a surname: "ap", "van", "de" in lower case,
 * or a Gaelic "Mac", "Nic", "Ní", "Ó" in any case?
 */
static int
name_particle(struct names *nm, const char *w, size_t len)
{
	char buf[16];
	size_t n;
	int k;

	if (len == 0 || len >= sizeof(buf))
		return 0;
	n = names_plain(buf, w, len);
	if (in_set(nm, WL_GAELIC, buf, n))
		return 1;
	return !cp_upper(cp_at(w, len, 0, &k)) &&
	    in_set(nm, WL_PARTICLE, buf, n);
}

static int
kc_add(struct names *nm, const char *const *w, const size_t *l, size_t n,
    size_t person)
{
	struct kcomp *v, *k;
	char buf[MAXRUN * (4 * MAXWORD + 1) + 1];
	size_t i, len = 0;

	for (i = 0; i < n; i++) {
		if (l[i] > 4 * MAXWORD)
			return 0;
		if (i > 0)
			buf[len++] = ' ';
		len += names_plain(buf + len, w[i], l[i]);
	}
	for (i = 0; i < nm->nkc; i++)
		if (nm->kc[i].person == person && nm->kc[i].len == len &&
		    memcmp(nm->kc[i].w, buf, len) == 0)
			return 0;
	if ((v = realloc(nm->kc, (nm->nkc + 1) * sizeof(*v))) == NULL)
		return -1;
	nm->kc = v;
	k = &nm->kc[nm->nkc];
	if ((k->w = strndup(buf, len)) == NULL)
		return -1;
	nm->nkc++;
	k->len = len;
	k->person = person;
	k->nw = (int)n;
	return 0;
}

/* Splits a name on spaces and adds its words; returns 0 or -1. */
static int
kw_add_name(struct names *nm, const char *name, size_t person, int alias)
{
	const char *w[MAXRUN], *p;
	size_t l[MAXRUN], n, i, pi;
	enum kpart part;

	for (n = 0, p = name; *p != '\0' && n < MAXRUN;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		w[n] = p;
		while (*p != '\0' && *p != ' ' && *p != ',')
			p++;
		l[n] = (size_t)(p - w[n]);
		n++;
	}
	/*
	 * A particle after the forename starts a surname of several words
	 * ("Tomos ap Rhodri", "Calum Mac an t-Saoir"): the words from it on
	 * are matched together, and the particles are no name alone.
	 */
	for (pi = 1; pi + 1 < n; pi++)
		if (name_particle(nm, w[pi], l[pi]))
			break;
	if (pi + 1 < n && kc_add(nm, w + pi, l + pi, n - pi, person) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (pi + 1 < n && i >= pi && i + 1 < n)
			continue;
		if (n == 1)
			part = alias ? KP_NICK : KP_FIRST;
		else if (i == 0)
			part = KP_FIRST;
		else if (i == n - 1)
			part = KP_LAST;
		else
			part = KP_MIDDLE;
		if (kw_add(nm, w[i], l[i], person, part) == -1)
			return -1;
	}
	return 0;
}

static void
add_initials(struct kperson *kp, const char *ini, size_t n)
{
	int i;

	if (n < 2 || n > MAXRUN || kp->ninit == MAXINIT)
		return;
	for (i = 0; i < kp->ninit; i++)
		if (strlen(kp->init[i]) == n && memcmp(kp->init[i], ini, n) == 0)
			return;
	memcpy(kp->init[kp->ninit], ini, n);
	kp->init[kp->ninit][n] = '\0';
	kp->ninit++;
}

/*
 * The initials of a name: of its words ("Sienna Fletcher-Kemp" -> "sf"),
 * of its words and their hyphenated parts ("sfk"), of the forename and
 * the surname alone ("ks" for Kayden James Smith).  The forename's
 * initial and the surname's are kept for initials with a middle one the
 * case file does not list ("KJS" for Kayden Smith).
 */
static void
set_initials(struct names *nm, size_t person, const char *name, int primary)
{
	struct kperson *kp = &nm->kp[person];
	const char *p = name;
	char words[MAXRUN], parts[MAXRUN], fold[8], sur[4];
	size_t nw = 0, np = 0, ns = 0;
	int k, start;

	while (*p != '\0' && nw < MAXRUN && np < MAXRUN) {
		while (*p == ' ' || *p == '-')
			p++;
		if (*p == '\0')
			break;
		start = p == name || p[-1] == ' ';
		(void)cp_at(p, strlen(p), 0, &k);
		names_plain(fold, p, (size_t)k);
		if (start) {
			words[nw++] = fold[0];
			ns = 0;
		}
		parts[np++] = fold[0];
		if (ns < sizeof(sur) - 1)
			sur[ns++] = fold[0];
		while (*p != '\0' && *p != ' ' && *p != '-')
			p++;
	}
	if (nw < 2)
		return;
	add_initials(kp, words, nw);
	add_initials(kp, parts, np);
	words[1] = words[nw - 1];
	add_initials(kp, words, 2);
	if (primary) {
		kp->first = words[0];
		memcpy(kp->sur, sur, ns);
		kp->sur[ns] = '\0';
	}
}

static const char *
lex_flags(const struct names *nm, const char *plain, size_t len)
{
	if (nm->lex == NULL || len == 0)
		return NULL;
	return lexicon_get(nm->lex, plain, len);
}

static int
known_setup(struct names *nm)
{
	const struct casefile *cf = nm->cf;
	const struct case_person *p;
	const char *fl, *sp;
	char buf[4 * MAXWORD + 4];
	size_t i, j, n;

	if (cf == NULL || cf->nperson == 0)
		return 0;
	if ((nm->kp = calloc(cf->nperson, sizeof(*nm->kp))) == NULL)
		return -1;
	for (i = 0; i < cf->nperson; i++) {
		p = &cf->person[i];
		if (kw_add_name(nm, p->name, i, 0) == -1)
			return -1;
		for (j = 0; j < p->nalias; j++)
			if (kw_add_name(nm, p->alias[j], i, 1) == -1)
				return -1;
		nm->kp[i].child = case_role_is_child(p->role);
		nm->kp[i].gender = (char)case_role_gender(p->role);
		if (nm->kp[i].gender == 0) {
			/* The forename's gender from the lexicon, if one-sided. */
			sp = strchr(p->name, ' ');
			n = sp != NULL ? (size_t)(sp - p->name) : strlen(p->name);
			if (n <= 4 * MAXWORD) {
				n = names_plain(buf, p->name, n);
				fl = lex_flags(nm, buf, n);
				if (fl != NULL && flag_has(fl, 'f') &&
				    !flag_has(fl, 'm'))
					nm->kp[i].gender = 'f';
				else if (fl != NULL && flag_has(fl, 'm') &&
				    !flag_has(fl, 'f'))
					nm->kp[i].gender = 'm';
			}
		}
		set_initials(nm, i, p->name, 1);
		for (j = 0; j < p->nalias; j++)
			set_initials(nm, i, p->alias[j], 0);
	}
	nm->nkw_case = nm->nkw;
	return 0;
}

/*
 * The hunspell dictionary named by cfg->aff and cfg->dic, as the path
 * without its suffix, into stem; "" when neither is given (the table).
 * Returns 0, or -1 with a message in err when they name two dictionaries.
 */
static int
dict_stem(const struct names_config *cfg, char *stem, size_t n, char *err,
    size_t errlen)
{
	const char *aff, *dic;
	size_t al, dl;

	stem[0] = '\0';
	if (cfg->aff == NULL && cfg->dic == NULL)
		return 0;
	aff = cfg->aff != NULL ? cfg->aff : EN_GB ".aff";
	dic = cfg->dic != NULL ? cfg->dic : EN_GB ".dic";
	al = strlen(aff);
	dl = strlen(dic);
	if (al < 4 || dl < 4 || strcmp(aff + al - 4, ".aff") != 0 ||
	    strcmp(dic + dl - 4, ".dic") != 0 || al != dl ||
	    strncmp(aff, dic, al - 4) != 0 || al - 4 >= n) {
		snprintf(err, errlen, "%s, %s: not the .aff and .dic of one "
		    "hunspell dictionary", aff, dic);
		return -1;
	}
	memcpy(stem, dic, dl - 4);
	stem[dl - 4] = '\0';
	return 0;
}

struct names *
names_new(const struct names_config *cfg, char *err, size_t errlen)
{
	struct names *nm;
	struct timespec a, b;
	char stem[4096];
	size_t i;

	if ((nm = calloc(1, sizeof(*nm))) == NULL) {
		lexicon_free(cfg->lex);
		lexicon_free(cfg->allow);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	nm->cf = cfg->casefile;
	nm->lex = cfg->lex;
	nm->allow = cfg->allow;
	for (i = 0; i < 256; i++)
		nm->fhead[i] = NOIDX;
	wl_setup(nm);
	if (dict_stem(cfg, stem, sizeof(stem), err, errlen) == -1) {
		names_free(nm);
		return NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	nm->wc = wordclass_open(stem[0] != '\0' ? stem : NULL, err, errlen);
	clock_gettime(CLOCK_MONOTONIC, &b);
	nm->wc_time = (double)(b.tv_sec - a.tv_sec) +
	    (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	if (nm->wc == NULL) {
		names_free(nm);
		return NULL;
	}
	if (known_setup(nm) == -1) {
		snprintf(err, errlen, "out of memory");
		names_free(nm);
		return NULL;
	}
	return nm;
}

static void	ihash_clear(struct ihash *);

void
names_reset(struct names *nm)
{
	size_t i;

	for (i = 0; i < nm->nmem; i++) {
		free(nm->mem[i].w);
		free(nm->mem[i].key);
		free(nm->mem[i].sub);
	}
	nm->nmem = 0;
	for (i = 0; i < nm->nmi; i++) {
		free(nm->mi[i].key);
		free(nm->mi[i].sub);
	}
	nm->nmi = 0;
	ihash_clear(&nm->memh);
	ihash_clear(&nm->mih);
	for (i = 0; i < 256; i++)
		nm->fhead[i] = NOIDX;
	nm->clock = 0;
	for (i = nm->nkw_case; i < nm->nkw; i++)
		free(nm->kw[i].w);
	nm->nkw = nm->nkw_case;
	if (nm->kp != NULL && nm->cf != NULL)
		for (i = 0; i < nm->cf->nperson; i++)
			nm->kp[i].seen = 0;
}

void
names_free(struct names *nm)
{
	size_t i;

	if (nm == NULL)
		return;
	names_reset(nm);
	free(nm->mem);
	free(nm->mi);
	free(nm->memh.head);
	free(nm->mih.head);
	spanmap_release(&nm->pri);
	spanmap_release(&nm->fnd);
	for (i = 0; i < nm->nkw; i++)
		free(nm->kw[i].w);
	free(nm->kw);
	for (i = 0; i < nm->nkc; i++)
		free(nm->kc[i].w);
	free(nm->kc);
	free(nm->kp);
	free(nm->tok);
	free(nm->capj);
	sbuf_release(&nm->fb);
	free(nm->wf);
	sbuf_release(&nm->wfkeys);
	wordclass_free(nm->wc);
	lexicon_free(nm->lex);
	lexicon_free(nm->allow);
	free(nm);
}

double
names_wordclass_load_time(const struct names *nm)
{
	return nm->wc_time;
}

/* ------------------------------------------------------------------ */
/* Tokens. */

/*
 * Appends the token [b, e) (pe: with its possessive).  Its plain form is
 * already at the end of nm->fb, flen bytes (tokenize() wrote it there);
 * a word longer than 4 MAXWORD keeps an empty one.
 */
ALWAYS_INLINE int
tok_push(struct names *nm, size_t b, size_t e, size_t pe, unsigned f,
    size_t flen)
{
	struct tok *t;
	size_t n, *cj;

	if (nm->ntok == nm->captok) {
		n = nm->captok ? nm->captok * 2 : 256;
		if ((cj = realloc(nm->capj, n * sizeof(*cj))) == NULL)
			return -1;
		nm->capj = cj;
		if ((t = realloc(nm->tok, n * sizeof(*t))) == NULL)
			return -1;
		nm->tok = t;
		nm->captok = n;
	}
	if (f & T_CAP)
		nm->capj[nm->ncapj++] = nm->ntok;
	if (e - b > 4 * MAXWORD)
		flen = 0;
	t = &nm->tok[nm->ntok++];
	*t = (struct tok){ .s = b, .e = e, .pe = pe, .fold = nm->fb.len,
	    .flen = flen, .f = f };
	nm->fb.buf[nm->fb.len + flen] = '\0';
	nm->fb.len += flen + 1;
	return 0;
}

#define TW(nm, t)	((nm)->fb.buf + (t)->fold)

/* Is t's plain form in the lists bit (in_set_ci(), kept with the token)? */
static int
tok_in(const struct names *nm, struct tok *t, unsigned bit)
{
	/* The plain form has no ASCII capital: in_set_bits_ci() is not
	 * needed. */
	if (t->wlb == 0)
		t->wlb = in_set_bits(nm, TW(nm, t), t->flen) | WL_KNOWN;
	return (t->wlb & bit) != 0;
}

/* Is the text before b (spaces, quotes, brackets skipped) a sentence start? */
ALWAYS_INLINE unsigned
sent_flags(const char *s, size_t b, const struct names *nm)
{
	size_t i = b;

	/* Most words follow a space after a letter or a digit. */
	if (b >= 2 && s[b - 1] == ' ' && ((unsigned)((s[b - 2] | 0x20) - 'a') <
	    26 || (unsigned)(s[b - 2] - '0') < 10))
		return b - 1 <= nm->numpre ? T_SENT : 0;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '(' ||
	    s[i - 1] == '"' || s[i - 1] == '[' ||
	    (unsigned char)s[i - 1] == 0x9C ||	/* “ ends E2 80 9C */
	    (unsigned char)s[i - 1] == 0x98 ||	/* ‘ */
	    (unsigned char)s[i - 1] == 0xA0 || (unsigned char)s[i - 1] == 0xC2 ||
	    (unsigned char)s[i - 1] == 0x80 || (unsigned char)s[i - 1] == 0xE2))
		i--;
	if (i == 0)
		return T_SENT;
	if (s[i - 1] == '\t')
		return T_SENT | T_CELL;
	if (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?' ||
	    s[i - 1] == ':' || s[i - 1] == ';' || s[i - 1] == ']' ||
	    s[i - 1] == ')') {
		/* "7.21 Kerry" and "1.2. Kerry": a numbered paragraph. */
		/*
		 * (Not when a bracket opens after the paragraph's first
		 * byte and before this one.)
		 */
		if (s[i - 1] == ')' || s[i - 1] == ']')
			return i < 2 || nm->bracket > i - 2 ? T_SENT : 0;
		/* "Mr." and "Dr." are not the end of a sentence. */
		if (s[i - 1] == '.' && i >= 3 && (strncmp(s + i - 3, "Mr", 2) ==
		    0 || strncmp(s + i - 3, "Dr", 2) == 0 ||
		    strncmp(s + i - 3, "Ms", 2) == 0))
			return 0;
		return T_SENT;
	}
	/* Paragraph numbers: only digits and dots since the start. */
	return i <= nm->numpre ? T_SENT : 0;
}

/* Is b the first word of its line (spaces and digits before it)? */
static int
line_start(const struct names *nm, size_t b)
{
	return b <= nm->linepre;
}

/*
 * The prefixes and the bracket sent_flags() and line_start() ask about,
 * found once per paragraph: asking each token to look back to the start
 * made a long paragraph of numbers quadratic.
 */
static void
para_marks(struct names *nm, const char *s, size_t len)
{
	const char *p;
	size_t i;

	for (i = 0; i < len && (isdigit((unsigned char)s[i]) || s[i] == '.' ||
	    s[i] == ' '); i++)
		;
	nm->linepre = i;
	for (; i < len && (isdigit((unsigned char)s[i]) || s[i] == '.' ||
	    s[i] == ' ' || s[i] == '\t'); i++)
		;
	nm->numpre = i;
	nm->bracket = NOIDX;
	if (len > 1 && (p = memchr(s + 1, '(', len - 1)) != NULL)
		nm->bracket = (size_t)(p - s);
	if (len > 1 && (p = memchr(s + 1, '[', (nm->bracket != NOIDX ?
	    nm->bracket : len) - 1)) != NULL)
		nm->bracket = (size_t)(p - s);
}

/* ASCII letters and digits for tokenize(): AC_LETTER is bit 0 (0x20 << 0
 * lower-cases), AC_LOWER bit 1. */
#define AC_LETTER	1
#define AC_LOWER	2
#define AC_DIGIT	4
#define AC_U		AC_LETTER
#define AC_L		(AC_LETTER | AC_LOWER)
#define AC_D		AC_DIGIT
static const unsigned char ascii_class[256] = {
	['0'] = AC_D, ['1'] = AC_D, ['2'] = AC_D, ['3'] = AC_D, ['4'] = AC_D,
	['5'] = AC_D, ['6'] = AC_D, ['7'] = AC_D, ['8'] = AC_D, ['9'] = AC_D,
	['A'] = AC_U, ['B'] = AC_U, ['C'] = AC_U, ['D'] = AC_U, ['E'] = AC_U,
	['F'] = AC_U, ['G'] = AC_U, ['H'] = AC_U, ['I'] = AC_U, ['J'] = AC_U,
	['K'] = AC_U, ['L'] = AC_U, ['M'] = AC_U, ['N'] = AC_U, ['O'] = AC_U,
	['P'] = AC_U, ['Q'] = AC_U, ['R'] = AC_U, ['S'] = AC_U, ['T'] = AC_U,
	['U'] = AC_U, ['V'] = AC_U, ['W'] = AC_U, ['X'] = AC_U, ['Y'] = AC_U,
	['Z'] = AC_U,
	['a'] = AC_L, ['b'] = AC_L, ['c'] = AC_L, ['d'] = AC_L, ['e'] = AC_L,
	['f'] = AC_L, ['g'] = AC_L, ['h'] = AC_L, ['i'] = AC_L, ['j'] = AC_L,
	['k'] = AC_L, ['l'] = AC_L, ['m'] = AC_L, ['n'] = AC_L, ['o'] = AC_L,
	['p'] = AC_L, ['q'] = AC_L, ['r'] = AC_L, ['s'] = AC_L, ['t'] = AC_L,
	['u'] = AC_L, ['v'] = AC_L, ['w'] = AC_L, ['x'] = AC_L, ['y'] = AC_L,
	['z'] = AC_L
};

/*
 * Reads the ASCII letters and digits from s[i] on, writing them lower-cased
 * to dst[i - b]; returns where they end.  *cls gathers their AC_* bits and
 * *letters counts the letters.
 */
ALWAYS_INLINE size_t
ascii_run(const char *s, size_t len, size_t i, char *dst, size_t b,
    unsigned *cls, int *letters)
{
	unsigned k, acc = 0;
	int nl = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t hi = 0x8080808080808080ULL, lo7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x, h, lower;

	/* A capital first ("Smith"): the lower-case rest goes on below. */
	if (i < len && ascii_class[(unsigned char)s[i]] == AC_U) {
		dst[i - b] = (char)(s[i] | 0x20);
		nl = 1;
		acc = AC_U;
		i++;
	}
	/*
	 * Lower-case letters, most of a text, eight bytes at a time (a byte
	 * is one when its low seven bits are 'a' to 'z' and its high bit is
	 * clear).  The eight bytes are copied whole: those after the run are
	 * rewritten or are past the plain form (tokenize() leaves room).
	 */
	while (i + 8 <= len) {
		memcpy(&x, s + i, 8);
		h = x & lo7;
		lower = (h + 0x1F1F1F1F1F1F1F1FULL) &
		    ~(h + 0x0505050505050505ULL) & ~x & hi;
		memcpy(dst + (i - b), &x, 8);
		if (lower != hi) {
			k = (unsigned)__builtin_ctzll(~lower & hi) / 8;
			nl += (int)k;
			acc |= k > 0 ? AC_L : 0;
			i += k;
			break;
		}
		nl += 8;
		acc |= AC_L;
		i += 8;
	}
#endif
	for (; i < len && (k = ascii_class[(unsigned char)s[i]]) != 0; i++) {
		dst[i - b] = (char)(s[i] | (char)((k & AC_LETTER) << 5));
		nl += (int)(k & AC_LETTER);
		acc |= k;
	}
	*cls |= acc;
	*letters += nl;
	return i;
}


/*
 * Does a Gaelic or Irish mutation prefix start the word at b: a lower
 * t, h or n, a hyphen or not, then a capital ("t-Saoir", "nGael")?
 */
static int
mutation_prefix(const char *s, size_t len, size_t b)
{
	size_t i = b + 1;
	int n;

	if (s[b] != 't' && s[b] != 'h' && s[b] != 'n')
		return 0;
	if (i < len && s[i] == '-')
		i++;
	if (i >= len || ((unsigned char)s[i] >= 'a' &&
	    (unsigned char)s[i] <= 'z'))
		return 0;
	return cp_upper(cp_at(s, len, i, &n));
}

/*
 * The general case of the word starting at b, read from i on: its ASCII
 * letters and digits before i are counted in *cls and *letters and their
 * plain form is at the end of fb.  Reads further letters, hyphens and
 * apostrophes, the possessive after it, and pushes the token.  Returns
 * where the scan goes on, or (size_t)-1 when out of memory.
 */
static size_t
tok_word(struct names *nm, const char *s, size_t len, size_t b, size_t i,
    unsigned cls, int letters, int tab)
{
	size_t e, pe, flen;
	unsigned f = 0, sf;
	unsigned char ch;
	uint32_t c;
	int n, a, ascii = 1;
	char *dst = nm->fb.buf + nm->fb.len;

	for (;;) {
		/* ASCII letters and digits first, as below. */
		i = ascii_run(s, len, i, dst, b, &cls, &letters);
		/* Other ASCII than these two ends the word. */
		if (i < len && (ch = (unsigned char)s[i]) < 0x80 &&
		    ch != '-' && ch != '\'')
			break;
		c = cp_at(s, len, i, &n);
		if (cp_letter(c)) {
			letters++;
			if (!cp_upper(c))
				cls |= AC_LOWER;
			ascii = 0;
			i += (size_t)n;
			continue;
		}
		if (c - (uint32_t)'0' < 10) {
			f |= T_DIGIT;
			i += (size_t)n;
			continue;
		}
		if (c == '-' && letter_at(s, len, i + 1)) {
			dst[i - b] = '-';
			i++;
			continue;
		}
		if ((a = apos_at(s, len, i)) > 0 &&
		    letter_at(s, len, i + (size_t)a)) {
			/* 's closing the word is a possessive. */
			if ((s[i + a] == 's' || s[i + a] == 'S') &&
			    !letter_at(s, len, i + (size_t)a + 1))
				break;
			if (a == 1)
				dst[i - b] = '\'';
			else
				ascii = 0;
			i += (size_t)a;
			continue;
		}
		break;
	}
	e = pe = i;
	if (cls & AC_DIGIT)
		f |= T_DIGIT;
	if (i < len && (s[i] == '\'' || (unsigned char)s[i] == 0xE2) &&
	    (a = apos_at(s, len, i)) > 0) {
		if (i + (size_t)a < len && (s[i + a] == 's' ||
		    s[i + a] == 'S') && !letter_at(s, len, i + a + 1)) {
			f |= T_POSS;
			pe = i + (size_t)a + 1;
		} else if (e > b && (s[e - 1] == 's' || s[e - 1] == 'z') &&
		    !letter_at(s, len, i + (size_t)a)) {
			f |= T_POSS;
			pe = i + (size_t)a;
		}
	}
	if ((unsigned char)s[b] < 0x80) {
		n = 1;
		if ((unsigned)(s[b] - 'A') < 26)
			f |= T_CAP;
	} else if (cp_upper(cp_at(s, len, b, &n)))
		f |= T_CAP;
	if (letters >= 2 && !(cls & AC_LOWER) && !(f & T_DIGIT))
		f |= T_ALLCAPS;
	if (letters == 1 && !(cls & AC_LOWER) && e - b == (size_t)n)
		f |= T_INITIAL;
	if (e < len && s[e] == '.')
		f |= T_DOT;
	/* al-Hassan, el-Amin: a particle joined by a hyphen. */
	if (!(f & T_CAP) && e - b > 3 && (s[b] == 'a' || s[b] == 'e') &&
	    s[b + 1] == 'l' && s[b + 2] == '-' &&
	    cp_upper(cp_at(s, len, b + 3, &n)))
		f |= T_CAP;
	/*
	 * Gaelic t-Saoir, h-Uisdean, n-Eilean and Irish hÚi, nGael:
	 * a mutation prefix before the capital of a name.
	 */
	if (!(f & T_CAP) && e - b > 2 && mutation_prefix(s, len, b))
		f |= T_CAP;
	sf = sent_flags(s, b, nm);
	f |= sf;
	/* The first cell of a table row starts the line. */
	if (sf == T_SENT && tab && line_start(nm, b))
		f |= T_CELL;
	if (e - b > 4 * MAXWORD)
		flen = 0;
	else if (ascii)
		flen = e - b;
	else
		flen = names_plain(dst, s + b, e - b);
	if (tok_push(nm, b, e, pe, f, flen) == -1)
		return (size_t)-1;
	return pe > i ? pe : i;
}

/*
 * Splits the paragraph into words and writes their plain forms into
 * nm->fb.  Most words are ASCII letters and digits ended by ASCII that
 * cannot go on with them (not - or '): lower-cased while they are read
 * and flagged here.  The others go on in tok_word(), which names_plain()s
 * a word with other bytes.
 */
static int
tokenize(struct names *nm, const char *s, size_t len)
{
	size_t i, b, nt;
	unsigned f, sf, cls;
	unsigned char ch;
	uint32_t c;
	int n, letters, tab, quoted;

	tab = memchr(s, '\t', len) != NULL;
	para_marks(nm, s, len);
	nm->text = s;
	nm->ntok = 0;
	nm->ncapj = 0;
	nm->nquoted = 0;
	sbuf_reset(&nm->fb);
	if (len > ((size_t)-1 - 2) / 2 || sbuf_grow(&nm->fb, 2 * len + 1) == -1)
		return -1;
	for (i = 0, quoted = 0; i < len;) {
		ch = (unsigned char)s[i];
		b = i;
		nt = nm->ntok;
		if (ch >= 0x80) {
			/* No digit is outside ASCII (cp_at() of a bad byte
			 * is U+FFFD, one byte). */
			c = cp_at(s, len, i, &n);
			if (c == 0x201C)
				quoted = 1;
			else if (c == 0x201D)
				quoted = 0;
			if (!cp_letter(c))
				i += (size_t)n;
			else if ((i = tok_word(nm, s, len, b, i, 0, 0, tab)) ==
			    (size_t)-1)
				return -1;
			else if (quoted && nm->ntok > nt) {
				nm->tok[nt].f |= T_QUOTED;
				nm->nquoted++;
			}
			continue;
		}
		if (ascii_class[ch] == 0) {
			/* Spaces and punctuation up to the next word. */
			do {
				if (ch == '"')
					quoted ^= 1;
			} while (++i < len &&
			    (ch = (unsigned char)s[i]) < 0x80 &&
			    ascii_class[ch] == 0);
			continue;
		}
		/*
		 * The plain form goes to the end of fb (tokenize()'s room:
		 * tokens and the gaps between them fit in len, so each byte
		 * written here is below e + 1 <= 2 len + 1).
		 */
		cls = 0;
		letters = 0;
		i = ascii_run(s, len, i, nm->fb.buf + nm->fb.len, b, &cls,
		    &letters);
		if (i < len && ((ch = (unsigned char)s[i]) >= 0x80 ||
		    ch == '-' || ch == '\'')) {
			if ((i = tok_word(nm, s, len, b, i, cls, letters, tab)) ==
			    (size_t)-1)
				return -1;
			if (quoted && nm->ntok > nt) {
				nm->tok[nt].f |= T_QUOTED;
				nm->nquoted++;
			}
			continue;
		}
		/* The flags tok_word() would find for such a word. */
		f = cls & AC_DIGIT ? T_DIGIT : 0;
		if ((unsigned)(s[b] - 'A') < 26)
			f |= T_CAP;
		if (letters >= 2 && !(cls & AC_LOWER) && !(f & T_DIGIT))
			f |= T_ALLCAPS;
		if (letters == 1 && !(cls & AC_LOWER) && i - b == 1)
			f |= T_INITIAL;
		if (i < len && s[i] == '.')
			f |= T_DOT;
		/*
		 * "nGael", "hAodha": a mutation prefix before a capital
		 * (mutation_prefix() for a word of ASCII letters and digits).
		 */
		if (!(f & T_CAP) && i - b > 2 && (s[b] == 't' || s[b] == 'h' ||
		    s[b] == 'n') && (unsigned)(s[b + 1] - 'A') < 26)
			f |= T_CAP;
		if (quoted) {
			f |= T_QUOTED;
			nm->nquoted++;
		}
		sf = sent_flags(s, b, nm);
		f |= sf;
		if (sf == T_SENT && tab && line_start(nm, b))
			f |= T_CELL;
		if (tok_push(nm, b, i, i, f, i - b) == -1)
			return -1;
	}
	return 0;
}

/* Are tokens j and j+1 next to each other in one name (spaces only)? */
static int
adjacent(const struct names *nm, const char *s, size_t j)
{
	const struct tok *a = &nm->tok[j], *b = &nm->tok[j + 1];
	size_t i;

	if (a->f & T_POSS)
		return 0;
	i = a->e;
	if ((a->f & T_INITIAL) && i < b->s && s[i] == '.')
		i++;
	/* "J.-P. Costa": initials of a hyphenated forename. */
	if ((a->f & T_INITIAL) && (b->f & T_INITIAL) && i > a->e &&
	    i + 1 == b->s && s[i] == '-')
		return 1;
	if (i >= b->s)
		return i == b->s && (a->f & T_INITIAL);
	if (b->s - i > 2)
		return 0;
	for (; i < b->s; i++)
		if (s[i] != ' ')
			return 0;
	return 1;
}

/*
 * The facts kept of the word w[0..len), a new empty entry when the word
 * was not met, or NULL (out of memory: the caller asks the tables).  The
 * entry holds until the next call.
 */
static struct wfact *
wfact_get(struct names *nm, const char *w, size_t len)
{
	struct wfact *e, *v;
	uint64_t h;
	size_t i, j, cap;

	if (len == 0)
		return NULL;
	if ((nm->nwf + 1) * 2 > nm->capwf) {
		/* Grow, or forget every word once the table is full. */
		cap = nm->capwf == 0 ? 1024 : nm->capwf < WFMAX ?
		    nm->capwf * 2 : nm->capwf;
		if ((v = calloc(cap, sizeof(*v))) == NULL)
			return NULL;
		if (cap > nm->capwf)
			for (i = 0; i < nm->capwf; i++) {
				if (nm->wf[i].len == 0)
					continue;
				for (j = nm->wf[i].h & (cap - 1); v[j].len != 0;
				    j = (j + 1) & (cap - 1))
					;
				v[j] = nm->wf[i];
			}
		else {
			nm->nwf = 0;
			sbuf_reset(&nm->wfkeys);
		}
		free(nm->wf);
		nm->wf = v;
		nm->capwf = cap;
	}
	h = whash(w, len);
	for (i = h & (nm->capwf - 1);; i = (i + 1) & (nm->capwf - 1)) {
		e = &nm->wf[i];
		if (e->len == 0)
			break;
		if (e->h == h && e->len == len &&
		    memcmp(nm->wfkeys.buf + e->off, w, len) == 0)
			return e;
	}
	if (sbuf_add(&nm->wfkeys, w, len) == -1)
		return NULL;
	e->h = h;
	e->off = nm->wfkeys.len - len;
	e->len = len;
	e->wc = 0;
	e->lex = NULL;
	nm->nwf++;
	return e;
}

/*
 * Is t a name particle (van, der, bin) written in lower case?  Asked of
 * few words, so found out when first asked.
 */
static int	particle_check(const struct names *, struct tok *);

ALWAYS_INLINE int
particle(const struct names *nm, struct tok *t)
{
	if (t->f & T_PCHECKED)
		return (t->f & T_PARTICLE) != 0;
	return particle_check(nm, t);
}

static int
particle_check(const struct names *nm, struct tok *t)
{
	const struct tok *u;
	const char *w = nm->text + t->s;

	t->f |= T_PCHECKED;
	if (!(t->f & T_CAP) && in_set(nm, WL_PARTICLE, w, t->e - t->s))
		t->f |= T_PARTICLE;
	/* "an", "na" after Mac, Nic, Ní, Ó: inside the surname. */
	else if (!(t->f & T_CAP) && t->e - t->s == 2 && t > nm->tok &&
	    (memcmp(w, "an", 2) == 0 || memcmp(w, "na", 2) == 0) &&
	    ((u = t - 1)->f & T_CAP) && u->e + 1 == t->s &&
	    in_set(nm, WL_GAELIC, nm->fb.buf + u->fold, u->flen))
		t->f |= T_PARTICLE;
	return (t->f & T_PARTICLE) != 0;
}

/*
 * Fills t's word class and lexicon flags from the facts kept of its word
 * (one lookup for both), asking the tables when the word is new.
 */
static void
tok_facts(struct names *nm, struct tok *t)
{
	const char *w = nm->text + t->s;
	struct wfact *e;
	size_t len = t->e - t->s;

	if ((e = wfact_get(nm, w, len)) == NULL) {
		t->wc = names_word_class(nm, w, len);
		t->lex = t->flen > 0 ? lex_flags(nm, TW(nm, t), t->flen) : NULL;
	} else {
		if (e->wc == 0) {
			e->wc = names_word_class(nm, w, len);
			e->lex = t->flen > 0 ? lex_flags(nm, TW(nm, t),
			    t->flen) : NULL;
		}
		t->wc = e->wc;
		t->lex = e->lex;
	}
	t->haslex = 1;
}

static int
wclass(struct names *nm, const char *s, struct tok *t)
{
	(void)s;
	if (t->wc == 0)
		tok_facts(nm, t);
	return t->wc;
}

/* The lexicon's flags of t's plain form (a function of the word). */
static const char *
tlex(struct names *nm, struct tok *t)
{
	if (!t->haslex && t->flen > 0)
		tok_facts(nm, t);
	return t->lex;
}

static int
is_namepart(struct names *nm, struct tok *t)
{
	return tlex(nm, t) != NULL;
}

/*
 * The titles by first byte, in the order of titles[], with their lengths
 * and whether they are two words: title_at() tried every title on every
 * capitalised token.
 */
#define NTITLES	(sizeof(titles) / sizeof(titles[0]) - 1)

/* Titles that are also ordinary nouns ("the Judge", "Lord Chief Justice"). */
static const char *const weak_titles[] = { "Dame", "Doctor", "Judge", "Lady",
    "Lord", "Sir", "Inspector", "Sergeant", "Professor", "Reverend", NULL };
static unsigned char title_first[256], title_next[NTITLES]; /* index + 1 */
static unsigned char title_wlen[NTITLES], title_two[NTITLES];
static unsigned char title_weak[NTITLES];	/* weak_title() */
static unsigned char title_w1len[NTITLES];	/* length of the first word */
static int title_built;
/* By first byte, bit min(n, 63): some title's first word has n bytes. */
static uint64_t title_lens[256];
_Static_assert(NTITLES < 255, "title indexes are bytes");

static void
title_index(void)
{
	size_t	 i, l;
	unsigned char f;

	if (title_built)
		return;
	title_built = 1;
	for (i = NTITLES; i-- > 0;) {
		l = strlen(titles[i].w);
		title_wlen[i] = (unsigned char)(l < 255 ? l : 255);
		title_two[i] = strchr(titles[i].w, ' ') != NULL;
		title_w1len[i] = (unsigned char)strcspn(titles[i].w, " ");
		title_weak[i] = in_list(weak_titles, titles[i].w, l);
		f = (unsigned char)titles[i].w[0];
		if (title_two[i] || titles[i].w[l - 1] != '.')
			title_lens[f] |= 1ULL << (title_w1len[i] < 63 ?
			    title_w1len[i] : 63);
		title_next[i] = title_first[f];
		title_first[f] = (unsigned char)(i + 1);
	}
}

static int
weak_title(const struct title *ti)
{
	title_index();
	return title_weak[ti - titles];
}

/* Returns the title starting at token j (its length in tokens) or 0. */
static int
title_at(struct names *nm, const char *s, size_t j, const struct title **tp)
{
	const struct title *ti;
	struct tok *t = &nm->tok[j];
	size_t l, e, k;

	if (!(t->f & T_CAP))
		return 0;
	title_index();
	/* No title's first word is as long as the token. */
	l = t->e - t->s;
	if (!(title_lens[(unsigned char)s[t->s]] >> (l < 63 ? l : 63) & 1))
		return 0;
	for (k = title_first[(unsigned char)s[t->s]]; k != 0;
	    k = title_next[k - 1]) {
		ti = &titles[k - 1];
		l = title_wlen[k - 1];
		if (title_two[k - 1]) {
			/* Token j is the first word if the title is there. */
			if (t->e - t->s != title_w1len[k - 1] ||
			    memcmp(s + t->s, ti->w, title_w1len[k - 1]) != 0)
				continue;
			if (j + 1 >= nm->ntok || !adjacent(nm, s, j))
				continue;
			e = nm->tok[j + 1].e;
			if (e - t->s == l && memcmp(s + t->s, ti->w, l) == 0 &&
			    !(nm->tok[j].f & T_POSS)) {
				*tp = ti;
				return 2;
			}
			continue;
		}
		if (ti->w[l - 1] == '.')
			continue;
		if (t->e - t->s == l && memcmp(s + t->s, ti->w, l) == 0 &&
		    !(t->f & T_POSS)) {
			*tp = ti;
			return 1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Context. */

/*
 * lexicon_fold() of src[0..n) into dst (n + 1 bytes), with ASCII text,
 * the usual case, lower-cased here in a tighter loop.
 */
static size_t
fold_text(char *dst, const char *src, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL, lo7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x, h, up;
	size_t i;
	unsigned char c;

	/* Eight bytes at a time: a byte is upper case when its low seven
	 * bits reach 'A' and do not pass 'Z' (and its high bit is clear). */
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&x, src + i, 8);
		if (x & hi)
			return lexicon_fold(dst, src, n);
		h = x & lo7;
		up = (h + 0x3F3F3F3F3F3F3F3FULL) & ~(h + 0x2525252525252525ULL) &
		    hi;
		x |= up >> 2;
		memcpy(dst + i, &x, 8);
	}
	for (; i < n; i++) {
		c = (unsigned char)src[i];
		if (c >= 0x80)
			return lexicon_fold(dst, src, n);
		dst[i] = (char)((unsigned)(c - 'A') < 26 ? c + 32 : c);
	}
	dst[n] = '\0';
	return n;
}

/* Lower-cases up to n bytes before b into buf (stripping ", " etc). */
static size_t
before(const char *s, size_t b, char *buf, size_t n, int strip_the)
{
	size_t i = b, k;

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' ||
	    s[i - 1] == '('))
		i--;
	k = i > n ? n : i;
	fold_text(buf, s + i - k, k);
	buf[k] = '\0';
	(void)strip_the;
	return k;
}

/* Does buf[0..n) end with the word w[0..l)? */
static int
ends_with_wordn(const char *buf, size_t n, const char *w, size_t l)
{
	if (l > n || l == 0 || buf[n - 1] != w[l - 1] ||
	    memcmp(buf + n - l, w, l) != 0)
		return 0;
	return l == n || !isalpha((unsigned char)buf[n - l - 1]);
}

#define ends_with_word(buf, n, lit)	ends_with_wordn(buf, n, lit, \
					    sizeof(lit) - 1)

/*
 * The roles by last and by first byte, each chain in the order of roles[]
 * (the first match must win as before): a list walk tested every role.
 */
#define NROLES	(sizeof(roles) / sizeof(roles[0]) - 1)
static unsigned char role_last[256], role_first[256];	/* index + 1 */
static unsigned char role_lnext[NROLES], role_fnext[NROLES];
static int role_built;
_Static_assert(NROLES < 255, "role indexes are bytes");

static void
role_index(void)
{
	size_t	 i;
	unsigned char l, f;

	if (role_built)
		return;
	role_built = 1;
	for (i = NROLES; i-- > 0;) {
		l = (unsigned char)roles[i].w[roles[i].len - 1];
		f = (unsigned char)roles[i].w[0];
		role_lnext[i] = role_last[l];
		role_last[l] = (unsigned char)(i + 1);
		role_fnext[i] = role_first[f];
		role_first[f] = (unsigned char)(i + 1);
	}
}

/* The first role (in roles[] order) buf[0..n) ends with, as a word. */
static const struct role *
role_ending(const char *buf, size_t n)
{
	const struct role *r;
	size_t	 k;

	if (n == 0)
		return NULL;
	for (k = role_last[(unsigned char)buf[n - 1]]; k != 0;
	    k = role_lnext[k - 1]) {
		r = &roles[k - 1];
		if (ends_with_wordn(buf, n, r->w, r->len))
			return r;
	}
	return NULL;
}

/* Does the folded phrase w hold a determiner or a possessive word? */
static int
has_determiner(const char *w)
{
	static const char *const det[] = {
		"the", "a", "an", "her", "his", "their", "my", "our", "your",
		"its", "this", "that", NULL
	};
	size_t	 i, n;

	while (*w != '\0') {
		n = strcspn(w, " ");
		for (i = 0; det[i] != NULL; i++)
			if (strlen(det[i]) == n && memcmp(w, det[i], n) == 0)
				return 1;
		w += n;
		w += *w == ' ';
	}
	return 0;
}

/* The profession around a name: "the health visitor, X", "X (GP)". */
static const char *
role_around(const char *s, size_t len, size_t b, size_t e)
{
	const struct role *r;
	char buf[48];
	size_t n, i, l, k;
	int the;

	role_index();
	/*
	 * Before: only when the last byte, lower-cased, ends a role (a
	 * byte outside ASCII folds to one outside ASCII, which ends none).
	 */
	for (i = b; i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' ||
	    s[i - 1] == '('); i--)
		;
	if (i > 0 && role_last[(unsigned char)s[i - 1] | ((unsigned)(s[i - 1] -
	    'A') < 26 ? 0x20 : 0)] != 0) {
		n = before(s, b, buf, sizeof(buf) - 1, 0);
		if ((r = role_ending(buf, n)) != NULL)
			return r->slug;
	}
	/* After: " (health visitor)", ", the GP,", ", social worker". */
	i = e;
	if (i < len && s[i] == '\'')
		i++;
	if (i + 1 < len && (s[i] == ' ' || s[i] == ',')) {
		while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '('))
			i++;
		the = i + 4 < len && strncasecmp(s + i, "the ", 4) == 0;
		if (the)
			i += 4;
		l = len - i < sizeof(buf) - 1 ? len - i : sizeof(buf) - 1;
		/*
		 * ", the family support worker,", ", independent reviewer.":
		 * a role after a word or two that qualify it, up to the comma
		 * (or bracket, full stop) that ends the apposition.  Without
		 * "the", no determiner inside: ", told the health visitor,"
		 * is a clause.
		 */
		if (s[i - 1] != '(') {
			for (n = 0, k = 0; n < l && (isalpha((unsigned char)
			    s[i + n]) || s[i + n] == ' ' || s[i + n] == '-');
			    n++)
				k += s[i + n] == ' ';
			if (n < l && n > 0 && k <= (the ? 3u : 2u) &&
			    (s[i + n] == ',' || s[i + n] == ')' ||
			    s[i + n] == '.' || s[i + n] == ';')) {
				fold_text(buf, s + i, n);
				buf[n] = '\0';
				if ((the || !has_determiner(buf)) &&
				    (r = role_ending(buf, n)) != NULL)
					return r->slug;
			}
		}
		/* Else only when a role starts with the first byte, or in
		 * brackets. */
		if (i < len && role_first[(unsigned char)s[i] |
		    ((unsigned)(s[i] - 'A') < 26 ? 0x20 : 0)] == 0 &&
		    s[i - 1] != '(')
			return NULL;
		fold_text(buf, s + i, l);
		buf[l] = '\0';
		for (k = l > 0 ? role_first[(unsigned char)buf[0]] : 0; k != 0;
		    k = role_fnext[k - 1]) {
			r = &roles[k - 1];
			n = r->len;
			if (n <= l && memcmp(buf, r->w, n) == 0 &&
			    (n == l || !isalpha((unsigned char)buf[n])))
				return r->slug;
		}
		/* "(family GP)", "(emergency department doctor)" */
		if (i > 0 && s[i - 1] == '(') {
			for (n = 0; n < l && buf[n] != ')'; n++)
				;
			if ((r = role_ending(buf, n)) != NULL)
				return r->slug;
		}
	}
	return NULL;
}

/* Does one of the words (or phrases) of list end right before b? */
static int
word_before_in(const char *s, size_t b, const struct lword *list)
{
	const struct lword *w;
	char buf[32];
	size_t n;

	n = before(s, b, buf, sizeof(buf) - 1, 0);
	if (n == 0)
		return 0;
	for (w = list; w->w != NULL; w++)
		if (w->w[w->len - 1] == buf[n - 1] &&
		    ends_with_wordn(buf, n, w->w, w->len))
			return 1;
	return 0;
}

static int
relation_before(const char *s, size_t b)
{
	return word_before_in(s, b, relations);
}

/* The next word after position e (skipping spaces), folded into buf. */
static size_t
next_word(const char *s, size_t len, size_t e, char *buf, size_t n)
{
	size_t i = e, k = 0;

	while (i < len && s[i] == ' ')
		i++;
	/* isalpha() and tolower() of the C locale (none is set), inline. */
	for (; i < len && k < n - 1 && ((unsigned)((s[i] | 0x20) - 'a') < 26 ||
	    s[i] == '-' || s[i] == '\''); i++)
		buf[k++] = (char)((unsigned)(s[i] - 'A') < 26 ? s[i] + 32 : s[i]);
	buf[k] = '\0';
	return k;
}

/* "X's partner", "Okafor said". */
static int
person_after(const struct names *nm, const char *s, size_t len,
    const struct tok *t)
{
	char w[32], w2[32];
	size_t n, i;

	n = next_word(s, len, t->pe, w, sizeof(w));
	if (t->f & T_POSS)
		return in_set(nm, WL_POSS, w, n);
	if (t->pe < len && s[t->pe] != ' ')
		return 0;
	if (n == 3 && memcmp(w, "was", 3) == 0) {
		i = t->pe;
		while (i < len && s[i] == ' ')
			i++;
		n = next_word(s, len, i + 3, w2, sizeof(w2));
		return in_set(nm, WL_WAS_PERSON, w2, n);
	}
	if (n == 3 && memcmp(w, "and", 3) == 0)
		return 0;
	return in_set(nm, WL_VERB, w, n);
}

/* The capitalised word after the name (skipping a possessive). */
static int
head_after(const struct names *nm, const char *s, size_t len, size_t pe)
{
	char w[32];
	size_t n, i = pe;

	while (i < len && s[i] == ' ')
		i++;
	if (i >= len)
		return 0;
	n = next_word(s, len, pe, w, sizeof(w));
	if (!isupper((unsigned char)s[i]))
		/* Eponymous conditions and tests are written in lower
		 * case: "Crohn's disease", "Gillick competence". */
		return in_set(nm, WL_EPONYM, w, n);
	return in_set(nm, WL_HEAD, w, n);
}

/* "Harwood and Lim (2016)", "Okoye et al. (2019)", "(Brannigan, 2021)". */
static int
citation_after(const char *s, size_t len, size_t e)
{
	size_t i = e, k;

	while (i < len && s[i] == ' ')
		i++;
	if (i + 6 < len && strncmp(s + i, "et al", 5) == 0)
		return 1;
	if (i + 4 < len && (strncmp(s + i, "and ", 4) == 0 ||
	    strncmp(s + i, "& ", 2) == 0)) {
		i += s[i] == '&' ? 2 : 4;
		if (i >= len || !isupper((unsigned char)s[i]))
			return 0;
		while (i < len && (isalpha((unsigned char)s[i]) || s[i] == '-' ||
		    s[i] == '\'' || (unsigned char)s[i] >= 0x80))
			i++;
		while (i < len && s[i] == ' ')
			i++;
	}
	if (i < len && (s[i] == '(' || s[i] == ','))
		i++;
	while (i < len && s[i] == ' ')
		i++;
	for (k = 0; k < 4 && i + k < len; k++)
		if (!isdigit((unsigned char)s[i + k]))
			return 0;
	return k == 4 && (i + 4 >= len || !isdigit((unsigned char)s[i + 4]));
}

/* Preceded by "St " or "Saint ": a church, a school. */
static int
saint_before(const char *s, size_t b)
{
	return (b >= 3 && strncmp(s + b - 3, "St ", 3) == 0) ||
	    (b >= 4 && strncmp(s + b - 4, "St. ", 4) == 0) ||
	    (b >= 6 && strncmp(s + b - 6, "Saint ", 6) == 0);
}

static int
allowed(const struct names *nm, const char *s, size_t b, size_t e)
{
	char buf[256];
	size_t n;

	if (nm->allow == NULL || e - b >= sizeof(buf))
		return 0;
	n = fold_text(buf, s + b, e - b);
	return lexicon_has(nm->allow, buf, n);
}

/* ------------------------------------------------------------------ */
/* Memory of the document's people. */

ALWAYS_INLINE uint64_t
whash(const char *p, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, w;

	/* Eight bytes a step: the tables compare whole words anyway. */
	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 29;
	}
	for (w = 0; len > 0; len--)
		w = w << 8 | (unsigned char)p[len - 1];
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 32);
}

static void
ihash_clear(struct ihash *h)
{
	size_t i;

	for (i = 0; i < h->cap; i++)
		h->head[i] = NOIDX;
}

/*
 * Makes room for n entries (at most half full); *rehash is set when the
 * table was rebuilt empty and the caller must chain its entries again.
 */
static int
ihash_reserve(struct ihash *h, size_t n, int *rehash)
{
	size_t cap, *v;

	*rehash = 0;
	if (n * 2 <= h->cap)
		return 0;
	cap = h->cap ? h->cap * 2 : 64;
	while (n * 2 > cap)
		cap *= 2;
	if ((v = realloc(h->head, cap * sizeof(*v))) == NULL)
		return -1;
	h->head = v;
	h->cap = cap;
	ihash_clear(h);
	*rehash = 1;
	return 0;
}

static void
mem_chain(struct names *nm, size_t i)
{
	struct mem *m = &nm->mem[i];
	size_t b = whash(m->w, m->wl) & (nm->memh.cap - 1);

	m->wnext = nm->memh.head[b];
	nm->memh.head[b] = i;
}

static int
mem_add(struct names *nm, const char *w, size_t wl, const char *key,
    const char *sub, int part, char gender)
{
	struct mem *m;
	size_t i;
	int rehash;

	if (nm->memh.cap > 0)
		for (i = nm->memh.head[whash(w, wl) & (nm->memh.cap - 1)];
		    i != NOIDX; i = m->wnext) {
			m = &nm->mem[i];
			if (m->wl == wl && memcmp(m->w, w, wl) == 0 &&
			    strcmp(m->key, key) == 0) {
				m->seen = ++nm->clock;
				if (*m->sub == '\0' && *sub != '\0') {
					free(m->sub);
					if ((m->sub = strdup(sub)) == NULL)
						return -1;
				}
				return 0;
			}
		}
	if (nm->nmem == nm->capmem) {
		i = nm->capmem ? nm->capmem * 2 : 32;
		if ((m = realloc(nm->mem, i * sizeof(*m))) == NULL)
			return -1;
		nm->mem = m;
		nm->capmem = i;
	}
	if (ihash_reserve(&nm->memh, nm->nmem + 1, &rehash) == -1)
		return -1;
	if (rehash)
		for (i = 0; i < nm->nmem; i++)
			mem_chain(nm, i);
	m = &nm->mem[nm->nmem];
	m->w = strndup(w, wl);
	m->key = strdup(key);
	m->sub = strdup(sub);
	if (m->w == NULL || m->key == NULL || m->sub == NULL) {
		free(m->w);
		free(m->key);
		free(m->sub);
		return -1;
	}
	m->wl = wl;
	m->part = part;
	m->gender = gender;
	m->seen = ++nm->clock;
	mem_chain(nm, nm->nmem);
	m->fnext = NOIDX;
	if (part == 0 && wl > 0) {
		m->fnext = nm->fhead[(unsigned char)w[0]];
		nm->fhead[(unsigned char)w[0]] = nm->nmem;
	}
	nm->nmem++;
	return 0;
}

/* The most recent memory of word w, or NULL. */
static struct mem *
mem_find(struct names *nm, const char *w, size_t wl)
{
	struct mem *m, *best = NULL;
	size_t i;

	if (nm->memh.cap == 0)
		return NULL;
	for (i = nm->memh.head[whash(w, wl) & (nm->memh.cap - 1)]; i != NOIDX;
	    i = m->wnext) {
		m = &nm->mem[i];
		if (m->wl == wl && memcmp(m->w, w, wl) == 0 &&
		    (best == NULL || m->seen > best->seen))
			best = m;
	}
	return best;
}

static void
mi_chain(struct names *nm, size_t i)
{
	struct minit *m = &nm->mi[i];
	size_t b = whash(m->ini, m->il) & (nm->mih.cap - 1);

	m->next = nm->mih.head[b];
	nm->mih.head[b] = i;
}

static int
mi_add(struct names *nm, const char *ini, size_t n, const char *key,
    const char *sub)
{
	struct minit *m;
	size_t i;
	int rehash;

	if (n < 2 || n > MAXRUN)
		return 0;
	if (nm->mih.cap > 0)
		for (i = nm->mih.head[whash(ini, n) & (nm->mih.cap - 1)];
		    i != NOIDX; i = m->next) {
			m = &nm->mi[i];
			if (m->il == n && memcmp(m->ini, ini, n) == 0 &&
			    strcmp(m->key, key) == 0) {
				m->seen = nm->clock;
				return 0;
			}
		}
	if (nm->nmi == nm->capmi) {
		i = nm->capmi ? nm->capmi * 2 : 32;
		if ((m = realloc(nm->mi, i * sizeof(*m))) == NULL)
			return -1;
		nm->mi = m;
		nm->capmi = i;
	}
	if (ihash_reserve(&nm->mih, nm->nmi + 1, &rehash) == -1)
		return -1;
	if (rehash)
		for (i = 0; i < nm->nmi; i++)
			mi_chain(nm, i);
	m = &nm->mi[nm->nmi];
	memcpy(m->ini, ini, n);
	m->ini[n] = '\0';
	m->il = n;
	m->key = strdup(key);
	m->sub = strdup(sub);
	if (m->key == NULL || m->sub == NULL) {
		free(m->key);
		free(m->sub);
		return -1;
	}
	m->seen = nm->clock;
	mi_chain(nm, nm->nmi);
	nm->nmi++;
	return 0;
}

/*
 * The person last met with initials ini[0..n), or NULL; of those met at
 * the same time, the one remembered first.
 */
static struct minit *
mi_find(struct names *nm, const char *ini, size_t n)
{
	struct minit *m, *best = NULL;
	size_t i;

	if (nm->mih.cap == 0)
		return NULL;
	for (i = nm->mih.head[whash(ini, n) & (nm->mih.cap - 1)]; i != NOIDX;
	    i = m->next) {
		m = &nm->mi[i];
		if (m->il == n && memcmp(m->ini, ini, n) == 0 &&
		    (best == NULL || m->seen > best->seen ||
		    (m->seen == best->seen && m < best)))
			best = m;
	}
	return best;
}

/* ------------------------------------------------------------------ */
/* Emission. */

struct scan {
	struct names		*nm;
	const struct text_unit	*t;
	const char		*s;
	size_t			 len;
	const struct mention_list *prior;
	struct mention_list	*found;
	unsigned char		*used;	/* per token: claimed */
	int			 over_place;	/* see prior_clash() */
	int			 unallow;	/* initials proven by their
						 * context: the allow list
						 * ("GP") does not hold */
	size_t			 found0;	/* found->n on entry; later
						 * mentions are in nm->fnd */
};

/* Does [b, e) overlap an upstream mention (mention_list_overlaps())? */
static int
prior_overlaps(const struct names *nm, size_t b, size_t e)
{
	return spanmap_hit(&nm->pri, b, e);
}

/*
 * Does [b, e) overlap a mention found so far?  Those found here are
 * disjoint, so sorted by start they are sorted by end too.
 */
static int
found_overlaps(const struct scan *sc, size_t b, size_t e)
{
	const struct names *nm = sc->nm;
	size_t i;

	for (i = 0; i < sc->found0; i++)
		if (sc->found->v[i].start < e && b < sc->found->v[i].end)
			return 1;
	return spanmap_hit(&nm->fnd, b, e);
}

static int
found_note(struct names *nm, size_t b, size_t e)
{
	return spanmap_add(&nm->fnd, b, e);
}

/*
 * Does [b, e) clash with an upstream mention?  With over_place, a place
 * wholly inside it does not: a known person's title or initial and
 * surname are certain ("I. Horton" over the town Horton).
 */
static int
prior_clash(const struct scan *sc, size_t b, size_t e)
{
	const struct mention *m;
	size_t i;

	if (!sc->over_place)
		return prior_overlaps(sc->nm, b, e);
	for (i = 0; i < sc->prior->n; i++) {
		m = &sc->prior->v[i];
		if (m->start >= e || m->end <= b)
			continue;
		if (strcmp(m->type, "place") != 0 || m->start < b ||
		    m->end > e)
			return 1;
	}
	return 0;
}

static int
emit(struct scan *sc, size_t b, size_t e, const char *sub, const char *rule,
    int conf, const char *key)
{
	if (prior_clash(sc, b, e) || found_overlaps(sc, b, e))
		return 0;
	if (!sc->unallow && allowed(sc->nm, sc->s, b, e))
		return 0;
	if (found_note(sc->nm, b, e) == -1)
		return -1;
	return mention_list_add(sc->found, sc->t->id, b, e, "person",
	    sub != NULL ? sub : "", rule, conf, key, "");
}

static void
claim(struct scan *sc, size_t from, size_t to)
{
	for (; from < to; from++)
		sc->used[from] = 1;
}

/* ------------------------------------------------------------------ */
/* Known people. */

static int	score(struct scan *, struct tok *, int);

#define MAXCAND	16

/* Appends the people whose name word matches token j (exact). */
static size_t
known_exact(struct names *nm, struct tok *t, size_t *who, int *parts,
    size_t max)
{
	size_t i, n = 0, k;

	/* No known word starts with its first byte: none is equal. */
	if (t->flen > 0 && !(nm->kwfirst[(unsigned char)TW(nm, t)[0]] &
	    KWF_ANY))
		return 0;
	for (i = 0; i < nm->nkw && n < max; i++) {
		if (nm->kw[i].len != t->flen ||
		    memcmp(nm->kw[i].w, TW(nm, t), t->flen) != 0)
			continue;
		for (k = 0; k < n; k++)
			if (who[k] == nm->kw[i].person)
				break;
		if (k == n) {
			parts[n] = 0;
			who[n++] = nm->kw[i].person;
		}
		parts[k] |= 1 << nm->kw[i].part;
	}
	return n;
}

/*
 * Appends the people with a surname of several words (struct kcomp) that
 * tokens j... spell, one space apart; *nt is the tokens of the longest.
 */
static size_t
known_compound(struct scan *sc, size_t j, size_t *who, int *parts,
    size_t max, size_t *nt)
{
	struct names *nm = sc->nm;
	const struct kcomp *kc;
	const struct tok *t;
	size_t i, k, n = 0, x, o;

	*nt = 0;
	for (i = 0; i < nm->nkc; i++) {
		kc = &nm->kc[i];
		if (j + (size_t)kc->nw > nm->ntok || (size_t)kc->nw < *nt)
			continue;
		for (x = 0, o = 0; x < (size_t)kc->nw; x++) {
			t = &nm->tok[j + x];
			if (sc->used[j + x] || (x > 0 &&
			    !adjacent(nm, sc->s, j + x - 1)) ||
			    o + t->flen > kc->len ||
			    memcmp(kc->w + o, TW(nm, t), t->flen) != 0 ||
			    (o + t->flen < kc->len && kc->w[o + t->flen] != ' '))
				break;
			o += t->flen + 1;
		}
		if (x < (size_t)kc->nw || o != kc->len + 1)
			continue;
		if ((size_t)kc->nw > *nt) {
			*nt = (size_t)kc->nw;
			n = 0;
		}
		for (k = 0; k < n; k++)
			if (who[k] == kc->person)
				break;
		if (k == n && n < max) {
			parts[n] = 1 << KP_LAST;
			who[n++] = kc->person;
		}
	}
	return n;
}

/* Misspellings: one edit for five letters or more, see anon-names(1). */
static size_t
known_fuzzy(struct names *nm, const char *s, struct tok *t, size_t *who,
    int *parts, size_t max, int ctx)
{
	size_t i, n = 0, k, l = t->flen;
	int wc, d, lim;

	if (l < 3 || !(t->f & T_CAP) || (t->f & T_ALLCAPS) ||
	    !(nm->kwfirst[(unsigned char)TW(nm, t)[0]] & KWF_ANY))
		return 0;
	wc = wclass(nm, s, t);
	/*
	 * A short forename with one letter changed ("Ave" for Ava) only
	 * where the text speaks of a person, and not when the word is
	 * itself a proper noun (Ada, Eva: someone else).
	 */
	if (l == 3 || wc == WC_COMMON) {
		/*
		 * A word one edit from a forename of five letters or more
		 * ("Heater" for Heather) only with strong evidence (ctx & 2,
		 * strong_context()).
		 */
		if (!ctx || (l > 4 && !(ctx & 2)) || wc == WC_PROPER)
			return 0;
		for (i = 0; i < nm->nkw && n < max; i++) {
			struct kword *kw = &nm->kw[i];

			if ((l <= 4 ? kw->len != l : kw->len < 5 ||
			    kw->len + 1 < l || kw->len > l + 1) ||
			    kw->part == KP_LAST ||
			    kw->part == KP_MIDDLE || kw->w[0] != TW(nm, t)[0] ||
			    names_edit_distance(TW(nm, t), l, kw->w, kw->len,
			    1) != 1)
				continue;
			for (k = 0; k < n; k++)
				if (who[k] == kw->person)
					break;
			if (k == n) {
				parts[n] = 0;
				who[n++] = kw->person;
			}
			parts[k] |= 1 << kw->part;
		}
		return n;
	}
	for (i = 0; i < nm->nkw && n < max; i++) {
		struct kword *kw = &nm->kw[i];

		/* Misspellings keep the first letter ("Kerry" is not "Terry"). */
		if (kw->w[0] != TW(nm, t)[0] ||
		    (kw->part == KP_NICK && kw->len < 5))
			continue;
		if (kw->len >= 5)
			lim = 1;
		else if (kw->len == 4 && l == 4 && wc == WC_UNKNOWN)
			lim = 1;	/* "Huga" for "Hugo": not a word at all */
		else
			continue;
		if (kw->len >= 5 && l >= 5 && wc == WC_UNKNOWN &&
		    tlex(nm, t) == NULL)
			lim = 2;	/* "Keveen", "Feeona": no word, no name */
		d = names_edit_distance(TW(nm, t), l, kw->w, kw->len, lim);
		if (d == 0 || d > lim)
			continue;
		for (k = 0; k < n; k++)
			if (who[k] == kw->person)
				break;
		if (k == n) {
			parts[n] = 0;
			who[n++] = kw->person;
		}
		parts[k] |= 1 << kw->part;
	}
	return n;
}

/* Short forms nobody listed: "Krzys" for Krzysztof, "Shan" for Shannon. */
static size_t
known_prefix(struct names *nm, const char *s, struct tok *t, size_t *who,
    int *parts, size_t max, int ctx)
{
	size_t i, n = 0, k, l = t->flen;

	/* An ordinary word ("Geo", "Will") needs a person's context. */
	if (l < 3 || !(t->f & T_CAP) || (t->f & T_ALLCAPS) ||
	    !(nm->kwfirst[(unsigned char)TW(nm, t)[0]] & KWF_FIRST) ||
	    (wclass(nm, s, t) == WC_COMMON && !ctx))
		return 0;
	for (i = 0; i < nm->nkw && n < max; i++) {
		struct kword *kw = &nm->kw[i];

		if (kw->part != KP_FIRST || kw->len < l + 2 ||
		    memcmp(kw->w, TW(nm, t), l) != 0)
			continue;
		for (k = 0; k < n; k++)
			if (who[k] == kw->person)
				break;
		if (k == n) {
			parts[n] = 0;
			who[n++] = kw->person;
		}
		parts[k] |= 1 << KP_NICK;
	}
	return n;
}

/*
 * Does the text speak of a person at t, a short word that is not quite a
 * known name?  Not at a sentence start; a verb or relation of a person,
 * or (poss) any possessive: "support Geo's attendance".
 */
static int
short_context(struct scan *sc, struct tok *t, int poss)
{
	if (!(t->f & T_CAP) || (t->f & T_ALLCAPS) ||
	    tok_in(sc->nm, t, WL_NOT_NAME))
		return 0;
	if (t->f & T_SENT)
		return !(t->f & T_POSS) && person_after(sc->nm, sc->s, sc->len, t);
	if (poss && (t->f & T_POSS))
		return 1;
	return person_after(sc->nm, sc->s, sc->len, t) || relation_before(sc->s, t->s);
}

/*
 * Is t a surname after a name word: capitalised or ALL CAPS, surname-like
 * (score()), and not the start of a place or an institution ("Divya
 * Road", "Jake House")?
 */
static int
other_surname(struct scan *sc, struct tok *t)
{
	if (!(t->f & (T_CAP | T_ALLCAPS)) || (t->f & (T_DIGIT | T_INITIAL)))
		return 0;
	if (tok_in(sc->nm, t, WL_HEAD))
		return 0;
	if (head_after(sc->nm, sc->s, sc->len, t->pe))
		return 0;
	return score(sc, t, 1) >= 2;
}

/* Picks one person among candidates: title gender, adults, recency, role. */
static size_t
pick(struct names *nm, size_t *who, size_t n, char gender, int titled)
{
	size_t i, best = n, m = 0;
	size_t keep[MAXCAND] = { 0 };

	for (i = 0; i < n; i++) {
		if (gender != 0 && nm->kp[who[i]].gender != 0 &&
		    nm->kp[who[i]].gender != gender)
			continue;
		if (titled && nm->kp[who[i]].child)
			continue;
		keep[m++] = who[i];
	}
	if (m == 0) {
		memcpy(keep, who, n * sizeof(*who));
		m = n;
	}
	for (i = 0; i < m; i++)
		if (best == n || nm->kp[keep[i]].seen > nm->kp[best].seen)
			best = keep[i];
	if (nm->kp[best].seen == 0) {
		/* Nobody seen yet: the first in the case file's order. */
		best = keep[0];
		for (i = 1; i < m; i++)
			if (keep[i] < best)
				best = keep[i];
	}
	return best;
}

/*
 * A capitalised ordinary word ("Hope", "Grace", "Will") that is a known
 * name: at a sentence start it is the name unless what follows makes it
 * the word ("Hope was expressed", "Will the", "Green, amber and red",
 * "Joy and relief").  Months and weekdays need a verb of a person.
 * strict: a name the detector only guessed needs a verb of a person.
 */
static int
trap_ok(struct scan *sc, struct tok *t, int strict)
{
	const char *s = sc->s;
	char w[32], w2[32];
	size_t n, i;

	if (!(t->f & T_SENT) || (t->f & T_CELL))
		return 1;
	if (strict || tok_in(sc->nm, t, WL_NOT_NAME))
		return person_after(sc->nm, s, sc->len, t);
	if (t->f & T_POSS)
		return 1;
	i = t->pe;
	/* "Hope, however," is a word; "Hope, known as", "Hope, who" a girl. */
	if (i < sc->len && s[i] == ',' && (n = next_word(s, sc->len, i + 1, w,
	    sizeof(w))) > 0 && in_set(sc->nm, WL_APPOSITION, w, n))
		return 1;
	if (i < sc->len && (s[i] == ',' || s[i] == '-'))
		return !(i + 2 < sc->len && islower((unsigned char)s[i + 2]));
	n = next_word(s, sc->len, i, w, sizeof(w));
	if (n == 0)
		return 1;
	/* "Will a briefing be enough?", "Mark the date": a verb first. */
	if (i < sc->len && s[i] == ' ' && (in_set(sc->nm, WL_DETERMINER, w,
	    n) || strcmp(w, "you") == 0 || strcmp(w, "we") == 0 ||
	    strcmp(w, "they") == 0 || strcmp(w, "i") == 0 ||
	    strcmp(w, "this") == 0 || strcmp(w, "these") == 0))
		return 0;
	if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0 ||
	    strcmp(w, "the") == 0 || strcmp(w, "were") == 0 ||
	    strcmp(w, "are") == 0) {
		if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0) {
			while (i < sc->len && s[i] == ' ')
				i++;
			i += n;
			while (i < sc->len && s[i] == ' ')
				i++;
			if (i < sc->len && !islower((unsigned char)s[i]))
				return 1;
			n = next_word(s, sc->len, i, w2, sizeof(w2));
			return in_set(sc->nm, WL_DETERMINER, w2, n);
		}
		return 0;
	}
	if (strcmp(w, "was") == 0 || strcmp(w, "is") == 0) {
		while (i < sc->len && s[i] == ' ')
			i++;
		n = next_word(s, sc->len, i + strlen(w), w2, sizeof(w2));
		return !in_set(sc->nm, WL_WAS_THING, w2, n);
	}
	return 1;
}

static int
month_context(struct scan *sc, struct tok *t)
{
	char buf[16];
	size_t n;

	if (!tok_in(sc->nm, t, WL_NOT_NAME))
		return 0;
	n = before(sc->s, t->s, buf, sizeof(buf) - 1, 0);
	return ends_with_word(buf, n, "in") || ends_with_word(buf, n, "of") ||
	    ends_with_word(buf, n, "since") || ends_with_word(buf, n, "until") ||
	    ends_with_word(buf, n, "during") || ends_with_word(buf, n, "early") ||
	    ends_with_word(buf, n, "late") || ends_with_word(buf, n, "mid") ||
	    ends_with_word(buf, n, "by") || ends_with_word(buf, n, "from") ||
	    ends_with_word(buf, n, "last") || ends_with_word(buf, n, "next") ||
	    (t->pe + 1 < sc->len && isdigit((unsigned char)sc->s[t->pe + 1]));
}

static int
emit_known(struct scan *sc, size_t b, size_t e, size_t person, const char *rule,
    int conf)
{
	char key[32], num[24];
	struct names *nm = sc->nm;
	size_t n = sizeof(num), v = person + 1;

	/* "case:N", written without snprintf(). */
	do
		num[--n] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	memcpy(key, "case:", 5);
	memcpy(key + 5, num + n, sizeof(num) - n);
	key[5 + sizeof(num) - n] = '\0';
	nm->kp[person].seen = ++nm->clock;
	return emit(sc, b, e, case_role_name(nm->cf->person[person].role),
	    rule, conf, key);
}


/*
 * Does buf[0..i) end with a word that makes "with" name a person: "lives
 * with", "an argument with"?
 */
static int
lives_with(const char *buf, size_t i)
{
	static const struct lword w[] = { LW("live"), LW("lives"),
	    LW("lived"), LW("living"), LW("stay"), LW("stays"),
	    LW("stayed"), LW("staying"), LW("argument"), LW("argued"),
	    LW("relationship"), LW("row"), LW("fight"), { NULL, 0 } };
	const struct lword *p;

	while (i > 0 && buf[i - 1] == ' ')
		i--;
	for (p = w; p->w != NULL; p++)
		if (ends_with_wordn(buf, i, p->w, p->len))
			return 1;
	return 0;
}

/*
 * Capitals that spell an abbreviation ("KC's", "GP said") are someone's
 * initials only where the text speaks of a person: a possessive, a verb
 * of a person or a relation of family before, and no determiner before
 * ("the GP's letter", "an ED visit").  "with", "by" and "to" are no
 * evidence here ("referred to GP", "parents with LD").
 */
static int
abbrev_person(struct scan *sc, struct tok *t)
{
	char buf[40];
	size_t n, i;

	n = before(sc->s, t->s, buf, sizeof(buf) - 1, 0);
	for (i = n; i > 0 && isalpha((unsigned char)buf[i - 1]); i--)
		;
	if (n > 0 && buf[n - 1] == '\'')
		return 0;		/* "GP's" read from inside a word */
	if (n - i == 4 && memcmp(buf + i, "with", 4) == 0 && lives_with(buf, i))
		return 1;	/* "lives with ED" */
	if (n - i > 0 && (in_set(sc->nm, WL_DETERMINER, buf + i, n - i) ||
	    (n - i == 4 && memcmp(buf + i, "with", 4) == 0) ||
	    (n - i == 2 && (memcmp(buf + i, "by", 2) == 0 ||
	    memcmp(buf + i, "to", 2) == 0))))
		return 0;
	if (t->f & T_POSS)
		return 2;
	return person_after(sc->nm, sc->s, sc->len, t) ||
	    relation_before(sc->s, t->s);
}

/*
 * May the abbreviation at t be read as initials (abbrev_person())?  One
 * the allow list keeps ("GP") only as a possessive with no determiner
 * before ("that GP's concerns"), and then sc->unallow lets it through.
 */
static int
abbrev_initials(struct scan *sc, struct tok *t)
{
	int r = abbrev_person(sc, t);

	if (r == 0)
		return 0;
	if (!allowed(sc->nm, sc->s, t->s, t->e))
		return 1;
	if (r != 2)
		return 0;
	sc->unallow = 1;
	return 1;
}

/*
 * Reads initials at token j: "K.S.", "K. S.", "L.T.M." (dotted) or one
 * word of 2-5 capitals that is no abbreviation ("KS", "SFK").  Returns
 * their number (0 = none) with the plain letters in ini, the end of the
 * text in *e and the token after them in *k.
 */
static size_t
initials_at(struct scan *sc, size_t j, char *ini, size_t *e, size_t *k,
    int *dotted)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j], *u;
	size_t n = 0, i;

	*dotted = 0;
	if (t->f & T_INITIAL) {
		for (i = j; i < nm->ntok && n < 5; i++) {
			u = &nm->tok[i];
			if (!(u->f & T_INITIAL) || !(u->f & T_DOT))
				break;
			if (i > j && u->s - *e > 1)
				break;
			ini[n++] = TW(nm, u)[0];
			*e = u->e + 1;
		}
		if (n < 2)
			return 0;
		*k = i;
		*dotted = 1;
		return n;
	}
	if ((t->f & T_ALLCAPS) && t->flen >= 2 && t->flen <= 5 &&
	    t->e - t->s == t->flen &&
	    (!in_set(sc->nm, WL_ABBREV, sc->s + t->s, t->e - t->s) ||
	    abbrev_initials(sc, t))) {
		memcpy(ini, TW(nm, t), t->flen);
		*e = t->e;
		*k = j + 1;
		return t->flen;
	}
	return 0;
}

/* Does person i have the initials ini[0..n)? 2 = as listed, 1 = with an
 * unlisted middle initial ("kjs" for Kayden Smith), 0 = no. */
static int
initials_of(const struct kperson *kp, const char *ini, size_t n)
{
	size_t sl;
	int k;

	for (k = 0; k < kp->ninit; k++)
		if (strlen(kp->init[k]) == n && memcmp(kp->init[k], ini, n) == 0)
			return 2;
	sl = strlen(kp->sur);
	if (kp->first != '\0' && ini[0] == kp->first && sl > 0 &&
	    ((n == sl + 2 && memcmp(ini + 2, kp->sur, sl) == 0) ||
	    (n == 3 && ini[2] == kp->sur[0])))
		return 1;
	return 0;
}

/*
 * Initials: "K.S.", "K. S.", "L.T.M.", "KS", "SFK"; returns tokens used
 * or 0.  Initials with a middle one the case file does not list need
 * dots or a person's context ("KJS's mother", "KJS said").
 */
static size_t
known_initials(struct scan *sc, size_t j, int *rc)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j];
	char ini[MAXRUN];
	size_t n, k = j, i, e = 0, who[MAXCAND], nw = 0, nw2 = 0, w2[MAXCAND];
	int dotted, how, ctx;

	sc->unallow = 0;
	if ((n = initials_at(sc, j, ini, &e, &k, &dotted)) == 0)
		return 0;
	ctx = -1;
	for (i = 0; i < nm->cf->nperson; i++) {
		how = initials_of(&nm->kp[i], ini, n);
		if (how == 1 && ctx == -1)
			ctx = dotted || (t->f & T_POSS) ||
			    person_after(sc->nm, sc->s, sc->len, &nm->tok[k - 1]) ||
			    relation_before(sc->s, t->s) ||
			    role_around(sc->s, sc->len, t->s, e) != NULL;
		if (how == 2 && nw < MAXCAND)
			who[nw++] = i;
		else if (how == 1 && ctx == 1 && nw2 < MAXCAND)
			w2[nw2++] = i;
	}
	if (nw == 0) {
		memcpy(who, w2, nw2 * sizeof(*who));
		nw = nw2;
	}
	if (nw == 0) {
		sc->unallow = 0;
		return 0;
	}
	i = nw == 1 ? who[0] : pick(nm, who, nw, 0, 0);
	*rc = emit_known(sc, t->s, e, i, "names/case-initials",
	    dotted ? 90 : 70);
	sc->unallow = 0;
	return k - j;
}

/* Is there a forename or nickname known_fuzzy() could match with t? */
static int
fuzzy_forename(const struct names *nm, const struct tok *t)
{
	const struct kword *kw;
	size_t i, l = t->flen;

	for (i = 0; i < nm->nkw; i++) {
		kw = &nm->kw[i];
		if ((kw->part == KP_FIRST || kw->part == KP_NICK) &&
		    kw->w[0] == TW(nm, t)[0] && kw->len + 1 >= l &&
		    kw->len <= l + 1)
			return 1;
	}
	return 0;
}

/*
 * Strong evidence that the ordinary word at token j stands for a known
 * person ("about Heater's behaviour", "not to contact Ream" beside the
 * family's surname): a possessive of a person with no determiner before,
 * or the same sentence naming someone of the case file.
 */
static int
strong_context(struct scan *sc, size_t j)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j], *u;
	size_t who[MAXCAND], a, z, i, n;
	int parts[MAXCAND];
	char buf[16];

	if (t->f & T_POSS) {
		n = before(sc->s, t->s, buf, sizeof(buf) - 1, 0);
		for (i = n; i > 0 && isalpha((unsigned char)buf[i - 1]); i--)
			;
		if (!in_set(nm, WL_DETERMINER, buf + i, n - i) &&
		    person_after(nm, sc->s, sc->len, t))
			return 1;
	}
	for (a = j; a > 0 && !(nm->tok[a].f & T_SENT); a--)
		;
	for (z = j + 1; z < nm->ntok && !(nm->tok[z].f & T_SENT); z++)
		;
	for (i = a; i < z; i++) {
		u = &nm->tok[i];
		if (i == j || !(u->f & T_CAP) || (u->f & T_ALLCAPS) ||
		    wclass(nm, sc->s, u) == WC_COMMON)
			continue;
		if (known_exact(nm, u, who, parts, MAXCAND) > 0)
			return 1;
	}
	return 0;
}


/*
 * A known name in a Welsh mutated form: t is no English word and no
 * name of the lexicon, a Welsh word that mutates comes before it or it
 * is quoted, and undoing one mutation gives a known person's name word.
 */
static size_t
known_mutated(struct scan *sc, size_t j, size_t *who, int *parts,
    size_t max)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j];
	const char *w = TW(nm, t);
	char buf[MAXWORD + 4];
	size_t i, k, n = 0, pl, rl, bl;
	int m;

	if (t->flen < 3 || t->flen > MAXWORD || !(t->f & T_CAP) ||
	    (t->f & (T_ALLCAPS | T_DIGIT)) ||
	    wclass(nm, sc->s, t) != WC_UNKNOWN || tlex(nm, t) != NULL)
		return 0;
	if (!(j > 0 && adjacent(nm, sc->s, j - 1) &&
	    tok_in(nm, &nm->tok[j - 1], WL_MUTATOR)) && !(t->f & T_QUOTED))
		return 0;
	for (m = 0; mutations[m][0] != NULL; m++) {
		pl = strlen(mutations[m][0]);
		rl = strlen(mutations[m][1]);
		if (pl >= t->flen || memcmp(w, mutations[m][0], pl) != 0)
			continue;
		memcpy(buf, mutations[m][1], rl);
		memcpy(buf + rl, w + pl, t->flen - pl);
		bl = rl + t->flen - pl;
		for (i = 0; i < nm->nkw_case; i++) {
			if (nm->kw[i].len != bl || memcmp(nm->kw[i].w, buf,
			    bl) != 0)
				continue;
			for (k = 0; k < n; k++)
				if (who[k] == nm->kw[i].person)
					break;
			if (k == n && n < max) {
				parts[n] = 0;
				who[n++] = nm->kw[i].person;
			}
			if (k < n)
				parts[k] |= 1 << nm->kw[i].part;
		}
	}
	return n;
}

/*
 * A known forename or nickname written in lower case inside a quoted
 * message ("rosie says he was out", "will can u fix it").  A name that
 * is also an ordinary word needs a verb of a person after it and no
 * determiner before.  Returns the tokens used (0 or 1).
 */
static size_t
known_lower(struct scan *sc, size_t j, int *rc)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j];
	size_t who[MAXCAND], n, i, m, wl;
	int parts[MAXCAND];
	char w[32];

	if (!(t->f & T_QUOTED) || t->flen < 3 || t->e - t->s != t->flen ||
	    (t->f & T_DIGIT) || t->s == 0 || sc->s[t->s - 1] == '-' ||
	    (n = known_exact(nm, t, who, parts, MAXCAND)) == 0)
		return 0;
	for (i = m = 0; i < n; i++)
		if (parts[i] & (1 << KP_FIRST | 1 << KP_NICK))
			who[m++] = who[i];
	if (m == 0)
		return 0;
	if (wclass(nm, sc->s, t) == WC_COMMON) {
		if (t->f & T_POSS)
			return 0;
		wl = next_word(sc->s, sc->len, t->pe, w, sizeof(w));
		if (!in_set(nm, WL_LOWER_VERB, w, wl))
			return 0;
		if (j > 0 && adjacent(nm, sc->s, j - 1) &&
		    tok_in(nm, &nm->tok[j - 1], WL_DETERMINER))
			return 0;
	}
	i = m == 1 ? who[0] : pick(nm, who, m, 0, 0);
	*rc = emit_known(sc, t->s, t->e, i, "names/case-lower", 70);
	return 1;
}

static size_t
known_at(struct scan *sc, size_t j, int *rc)
{
	struct names *nm = sc->nm;
	struct tok *t;
	size_t who[MAXCAND], w2[MAXCAND], n, n2, i, k, m, end, b, person;
	size_t title_len = 0, start = j, ct = 0, ct2;
	int parts[MAXCAND], p2[MAXCAND], fuzzy = 0, allpart = 0, other = 0;
	int ctx, mutated = 0;
	const struct title *ti = NULL;
	char gender = 0;

	*rc = 0;
	if (nm->cf == NULL || nm->nkw == 0)
		return 0;
	if ((k = known_initials(sc, j, rc)) > 0 || *rc == -1)
		return k;
	/* Title or an initial before the name. */
	if ((title_len = (size_t)title_at(nm, sc->s, j, &ti)) > 0) {
		if (j + title_len >= nm->ntok ||
		    !adjacent(nm, sc->s, j + title_len - 1))
			return 0;
		gender = ti->gender;
		j += title_len;
	} else if (nm->tok[j].f & T_INITIAL) {
		/* "K. Whitfield", "A Oladimeji", "M. S. Islam" */
		for (i = j; i < j + 3 && i + 1 < nm->ntok &&
		    (nm->tok[i].f & T_INITIAL) && adjacent(nm, sc->s, i); i++)
			;
		if (i > j && i < nm->ntok && !(nm->tok[i].f & T_INITIAL) &&
		    (i == j + 1 || (nm->tok[i - 1].f & T_DOT))) {
			title_len = i - j;
			j = i;
		}
	}
	t = &nm->tok[j];
	n = known_compound(sc, j, who, parts, MAXCAND, &ct);
	if (n == 0 && !(t->f & (T_CAP | T_ALLCAPS)))
		return title_len == 0 && (t->f & T_QUOTED) ?
		    known_lower(sc, j, rc) : 0;
	if (n == 0)
		n = known_exact(nm, t, who, parts, MAXCAND);
	if (n == 0 && title_len == 0 && (n = known_mutated(sc, j, who, parts,
	    MAXCAND)) > 0)
		mutated = 1;
	if (n == 0) {
		/*
		 * known_fuzzy() reads ctx for a short or ordinary word only,
		 * and then only to compare it with the forenames and
		 * nicknames of its first letter.
		 */
		ctx = t->flen >= 3 && (t->f & T_CAP) && !(t->f & T_ALLCAPS) &&
		    (nm->kwfirst[(unsigned char)TW(nm, t)[0]] & KWF_FORE) &&
		    (t->flen == 3 || wclass(nm, sc->s, t) == WC_COMMON) ?
		    short_context(sc, t, 0) : 0;
		if ((t->f & T_CAP) && !(t->f & T_ALLCAPS) && t->flen >= 4 &&
		    wclass(nm, sc->s, t) == WC_COMMON &&
		    fuzzy_forename(nm, t) && strong_context(sc, j))
			ctx = 3;
		n = known_fuzzy(nm, sc->s, t, who, parts, MAXCAND, ctx);
		fuzzy = n > 0;
	}
	/* known_prefix() reads ctx for an ordinary word only, to compare it
	 * with the forenames of its first letter. */
	if (n == 0 && title_len == 0 &&
	    (n = known_prefix(nm, sc->s, t, who, parts, MAXCAND,
	    (t->f & T_CAP) && t->flen > 0 &&
	    (nm->kwfirst[(unsigned char)TW(nm, t)[0]] & KWF_FIRST) &&
	    wclass(nm, sc->s, t) == WC_COMMON ? short_context(sc, t, 1) : 0)) >
	    0)
		fuzzy = 2;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		allpart |= parts[i];
	end = j + (ct > 0 ? ct : 1);
	/* Extend over the person's further name words. */
	while (end < nm->ntok && end - start < MAXRUN &&
	    adjacent(nm, sc->s, end - 1)) {
		/* "Calum" then "Mac an t-Saoir": the surname whole. */
		if ((n2 = known_compound(sc, end, w2, p2, MAXCAND,
		    &ct2)) > 0) {
			for (i = m = 0; i < n; i++)
				for (k = 0; k < n2; k++)
					if (who[i] == w2[k])
						who[m++] = who[i];
			if (m > 0) {
				n = m;
				fuzzy = 0;
				end += ct2;
				continue;
			}
		}
		if (!(nm->tok[end].f & (T_CAP | T_ALLCAPS)))
			break;
		n2 = known_exact(nm, &nm->tok[end], w2, p2, MAXCAND);
		if (n2 == 0)
			n2 = known_fuzzy(nm, sc->s, &nm->tok[end], w2, p2,
			    MAXCAND, 0);
		for (i = m = 0; i < n; i++)
			for (k = 0; k < n2; k++)
				if (who[i] == w2[k])
					who[m++] = who[i];
		if (m > 0) {
			n = m;
			fuzzy = 0;
			end++;
			continue;
		}
		/* A middle name the case file does not list. */
		if (n2 == 0 && end + 1 < nm->ntok &&
		    adjacent(nm, sc->s, end) && score(sc, &nm->tok[end], 0) > 0 &&
		    (n2 = known_exact(nm, &nm->tok[end + 1], w2, p2,
		    MAXCAND)) > 0) {
			for (i = m = 0; i < n; i++)
				for (k = 0; k < n2; k++)
					if (who[i] == w2[k] &&
					    (p2[k] & 1 << KP_LAST))
						who[m++] = who[i];
			if (m > 0) {
				n = m;
				end += 2;
				continue;
			}
		}
		/* A forename and another surname: a maiden or married name. */
		if (n2 > 0 && (allpart & (1 << KP_FIRST | 1 << KP_NICK)) &&
		    end == j + 1) {
			for (k = 0; k < n2; k++)
				if (p2[k] & 1 << KP_LAST)
					break;
			if (k < n2) {
				end++;
				continue;
			}
		}
		break;
	}
	/*
	 * One name word, then a surname the case file does not give this
	 * person: with a forename, the person under another name ("her
	 * previous name, Divya Parmar"); with a middle name only, someone
	 * else ("Dr Michael Little" beside Rhys Michael Cunningham), left to
	 * the detector of unknown people.
	 */
	if (end == j + 1 && !fuzzy && end < nm->ntok && !sc->used[end] &&
	    !(allpart & (1 << KP_LAST)) && adjacent(nm, sc->s, j) &&
	    other_surname(sc, &nm->tok[end])) {
		if (!(allpart & (1 << KP_FIRST | 1 << KP_NICK)))
			return 0;
		end++;
		other = 1;
	}
	/*
	 * A bare surname right after another forename is someone else
	 * of the same name ("Morag Barker" beside Lloyd Barker); the
	 * detector of unknown people takes the whole name.
	 */
	if (end == j + 1 && title_len == 0 && j > 0 &&
	    !(allpart & (1 << KP_FIRST | 1 << KP_NICK | 1 << KP_MIDDLE)) &&
	    !sc->used[j - 1] && adjacent(nm, sc->s, j - 1) &&
	    score(sc, &nm->tok[j - 1], 0) >= 2)
		return 0;
	/* A misspelt word before another name is someone else's name. */
	if (fuzzy && end == j + 1 && end < nm->ntok &&
	    adjacent(nm, sc->s, j) && (nm->tok[end].f & T_CAP))
		return 0;
	/* "SMITH, Kayden": surname, comma, forename of the same person. */
	if (end == j + 1 && title_len == 0 && end < nm->ntok &&
	    (t->f & T_ALLCAPS) && !(t->f & T_POSS) && sc->s[t->e] == ',' &&
	    nm->tok[end].s == t->e + 2 && sc->s[t->e + 1] == ' ') {
		n2 = known_exact(nm, &nm->tok[end], w2, p2, MAXCAND);
		for (i = m = 0; i < n; i++)
			for (k = 0; k < n2; k++)
				if (who[i] == w2[k] && (p2[k] & 1 << KP_FIRST))
					who[m++] = who[i];
		if (m > 0) {
			n = m;
			end++;
		}
	}
	/* Initials before: keep those whose forename starts with the first. */
	if (title_len >= 1 && ti == NULL) {
		for (i = m = 0; i < n; i++) {
			const char *nmw = nm->cf->person[who[i]].name;
			char c0[8];

			names_plain(c0, nmw, 1);
			if (c0[0] == TW(nm, &nm->tok[start])[0])
				who[m++] = who[i];
		}
		if (m == 0) {
			start = j;	/* not their initial: drop it */
			title_len = 0;
		} else
			n = m;
	}
	/* One word that is also an ordinary word needs more than a capital. */
	if (end == j + 1 && title_len == 0) {
		if (wclass(nm, sc->s, t) == WC_COMMON && !trap_ok(sc, t, 0))
			return 0;
		if (month_context(sc, t))
			return 0;
		if (head_after(sc->nm, sc->s, sc->len, t->pe) ||
		    citation_after(sc->s, sc->len, t->pe))
			return 0;
		/* Lower-case and sentence-initial surnames of ordinary words. */
		if ((allpart & (1 << KP_LAST)) && !(allpart & (1 << KP_FIRST |
		    1 << KP_NICK)) && wclass(nm, sc->s, t) == WC_COMMON &&
		    (t->f & T_SENT) && !person_after(sc->nm, sc->s, sc->len, t))
			return 0;
	}
	if (saint_before(sc->s, nm->tok[start].s))
		return 0;
	person = n == 1 ? who[0] : pick(nm, who, n, gender, ti != NULL);
	b = nm->tok[start].s;
	sc->over_place = end - start >= 2 && (title_len > 0 || end > j + 1);
	*rc = emit_known(sc, b, nm->tok[end - 1].e, person,
	    fuzzy == 2 ? "names/case-short" : fuzzy ? "names/case-misspelt" :
	    mutated ? "names/case-mutated" :
	    other ? "names/case-other-surname" : "names/case",
	    fuzzy ? 75 : other || mutated ? 80 : 95);
	/*
	 * A short form found through its context is this person's for the
	 * rest of the document: "Geo said" after "Geo's attendance".
	 */
	sc->over_place = 0;
	if (*rc == 0 && fuzzy && end == j + 1 && (t->flen <= 4 ||
	    wclass(nm, sc->s, t) == WC_COMMON))
		*rc = kw_add(nm, sc->s + t->s, t->e - t->s, person, KP_NICK);
	return end - start;
}

/* ------------------------------------------------------------------ */
/* People nobody listed. */

/*
 * The flags of a hyphenated word whose parts are all names of the lexicon
 * ("Fletcher-Kemp": s, "Mary-Jane": f), else "".  hunspell accepts such a
 * word when it accepts its parts, so the lexicon must speak for it.
 */
static const char *
hyphen_flags(struct names *nm, const struct tok *t, char *buf)
{
	static const char kinds[] = "fmgsp";
	const char *w = TW(nm, t), *p, *fl;
	size_t l, left;
	int k, have[5] = { 0 }, i = 0;

	buf[0] = '\0';
	if (memchr(w, '-', t->flen) == NULL)
		return buf;
	for (p = w; p < w + t->flen; p += l + 1) {
		left = t->flen - (size_t)(p - w);
		l = strcspn(p, "-");
		if (l > left)
			l = left;
		if (l < 2 || (fl = lex_flags(nm, p, l)) == NULL ||
		    flag_in(fl, FL_FMGSP) == NULL)
			return buf;
		for (k = 0; k < 5; k++)
			if (strchr(fl, kinds[k]) != NULL)
				have[k] = 1;
	}
	for (k = 0; k < 5; k++)
		if (have[k])
			buf[i++] = kinds[k];
	buf[i] = '\0';
	return buf;
}

/*
 * How much token t looks like a forename (first) or a surname (last):
 * 0 not at all, 1 weak (a proper noun, a word of the noisy list), 2 good
 * (unknown to hunspell, a lexicon name that is also a word), 3 strong (a
 * lexicon name that is no ordinary word; any lexicon surname as a last
 * word).
 */
static int
score_of(struct scan *sc, struct tok *t, int last)
{
	struct names *nm = sc->nm;
	const char *fl;
	char hfl[8];	/* "fmgsp" */
	int wc;

	wc = wclass(nm, sc->s, t);
	fl = tlex(nm, t);
	if (fl == NULL)
		fl = hyphen_flags(nm, t, hfl);
	/*
	 * A surname in capitals after a forename ("Tanya DAVIES"); a word
	 * like White or May only as a surname of the lexicon, and weakly.
	 */
	if (t->f & T_ALLCAPS) {
		if (!last || t->flen < 2 ||
		    in_set(sc->nm, WL_ABBREV, sc->s + t->s, t->e - t->s) ||
		    tok_in(sc->nm, t, WL_NOT_NAME | WL_FUNCTION))
			return 0;
		/* Two letters ("Hui XU") only as a surname of the lexicon. */
		if (t->flen == 2 && (wc == WC_COMMON ||
		    flag_in(fl, FL_SP) == NULL))
			return 0;
		if (flag_has(fl, 's'))
			return wc == WC_COMMON ? 2 : 3;
		if (flag_in(fl, FL_FMGP) != NULL)
			return wc != WC_COMMON || flag_has(fl, 'p') ? 2 : 1;
		/* "Delia TAMBERG": no word and no name of the lexicon. */
		return wc == WC_COMMON ? 0 : *fl != '\0' || wc == WC_UNKNOWN ?
		    2 : 0;
	}
	if (tok_in(sc->nm, t, WL_NOT_NAME))
		return last && flag_has(fl, 's') ? 1 : 0;
	if (last && flag_has(fl, 's'))
		return 3;
	/* n: a forename of the noisy list only, weak when also a word. */
	if (flag_in(fl, FL_FMG) != NULL && !last)
		return wc != WC_COMMON ? 3 : flag_has(fl, 'n') &&
		    !flag_has(fl, 'p') ? 1 : 2;
	if (flag_in(fl, FL_FMGSP) != NULL) {
		/* "Long", "Stone", "Bell": ordinary words that are surnames. */
		if (wc == WC_COMMON)
			return last && flag_has(fl, 'p') ? 2 : 1;
		return 2;
	}
	/* Unknown to hunspell, or known to it only with a capital. */
	return wc == WC_COMMON ? 0 : 2;
}

/*
 * score_of(), kept with the token: it depends on the token alone, and
 * unknown_at() asks it of one token up to five times.
 */
static int
score(struct scan *sc, struct tok *t, int last)
{
	if (!(t->f & T_CAP) || (t->f & T_DIGIT) || t->flen < 2)
		return 0;
	last = last != 0;
	if (t->score[last] == 0)
		t->score[last] = (signed char)(score_of(sc, t, last) + 1);
	return t->score[last] - 1;
}

static int
place_before(const char *s, size_t b)
{
	static const struct lword preps[] = { LW("in"), LW("at"),
	    LW("near"), LW("around"), LW("across"), LW("outside"), LW("via"),
	    LW("towards"), LW("within"), LW("into"), LW("from"),
	    LW("through"), LW("between"), { NULL, 0 } };

	return word_before_in(s, b, preps);
}

/*
 * The initials of a name of two words or more: of its words ("sf" for
 * Sienna Fletcher-Kemp), with the parts of hyphenated ones ("sfk"), and
 * of the first and last words alone ("ks" for Kayden James Smith).
 */
static int
remember_initials(struct names *nm, size_t from, size_t to, const char *key,
    const char *sub)
{
	char words[MAXRUN], parts[MAXRUN];
	size_t k, nw = 0, np = 0, i;
	const char *w;

	for (k = from; k < to && nw < MAXRUN; k++) {
		struct tok *t = &nm->tok[k];

		if (particle(nm, t) || t->flen == 0)
			continue;
		w = TW(nm, t);
		words[nw++] = w[0];
		for (i = 0; i < t->flen && np < MAXRUN; i++)
			if (i == 0 || (w[i - 1] == '-' && w[i] != '-'))
				parts[np++] = w[i];
	}
	if (nw < 2)
		return 0;
	if (mi_add(nm, words, nw, key, sub) == -1 ||
	    mi_add(nm, parts, np, key, sub) == -1)
		return -1;
	words[1] = words[nw - 1];
	return mi_add(nm, words, 2, key, sub);
}

static int
remember(struct scan *sc, size_t from, size_t to, const char *key,
    const char *sub, char gender)
{
	struct names *nm = sc->nm;
	const char *fl;
	size_t k;

	if (gender == 0 && to - from >= 2 &&
	    (fl = tlex(nm, &nm->tok[from])) != NULL) {
		if (flag_has(fl, 'f') && !flag_has(fl, 'm'))
			gender = 'f';
		else if (flag_has(fl, 'm') && !flag_has(fl, 'f'))
			gender = 'm';
	}

	for (k = from; k < to; k++) {
		struct tok *t = &nm->tok[k];

		if ((t->f & T_INITIAL) || particle(nm, t))
			continue;
		/* "Mac" of Séamus Mac Aodha is no name alone. */
		if (k + 1 < to && tok_in(nm, t, WL_GAELIC))
			continue;
		if (mem_add(nm, TW(nm, t), t->flen, key, sub != NULL ? sub : "",
		    k == to - 1 && to - from > 1, gender) == -1)
			return -1;
	}
	return remember_initials(nm, from, to, key, sub != NULL ? sub : "");
}

/* The key of an unknown person: the plain form of the name words. */
static void
make_key(struct scan *sc, size_t from, size_t to, char *key, size_t n)
{
	size_t k, o = 0, l;

	key[0] = '\0';
	for (k = from; k < to && o + 1 < n; k++) {
		struct tok *t = &sc->nm->tok[k];

		if (t->f & T_INITIAL)
			continue;
		l = t->flen;
		if (o + l + 2 >= n)
			break;
		if (o > 0)
			key[o++] = ' ';
		memcpy(key + o, TW(sc->nm, t), l);
		o += l;
	}
	key[o] = '\0';
}

/* After initials ending at e: a possessive or a verb of a person. */
static int
initials_person_after(struct scan *sc, size_t e)
{
	struct tok u;
	int a;

	if ((a = apos_at(sc->s, sc->len, e)) > 0 && e + (size_t)a < sc->len &&
	    (sc->s[e + a] == 's' || sc->s[e + a] == 'S'))
		return 1;
	memset(&u, 0, sizeof(u));
	u.s = u.e = u.pe = e;
	return person_after(sc->nm, sc->s, sc->len, &u);
}

/*
 * Initials of a person met earlier in the document ("K.M.", "KM" after
 * Kerry Morgan), or dotted initials of someone not met yet where the text
 * speaks of a person ("J.R. attended").
 */
static size_t
unknown_initials(struct scan *sc, size_t j, int *rc)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j];
	struct minit *m;
	char ini[MAXRUN], key[MAXRUN + 16];
	size_t n, e = 0, k = j;
	int dotted;

	if ((n = initials_at(sc, j, ini, &e, &k, &dotted)) == 0)
		return 0;
	/*
	 * "AS TO THE LAW": initials that spell a function word need a
	 * person's context ("TO's attendance", "BE ran").
	 */
	if (!dotted && tok_in(sc->nm, t, WL_FUNCTION) &&
	    !(t->f & T_POSS) && !person_after(sc->nm, sc->s, sc->len, t) &&
	    !relation_before(sc->s, t->s))
		return 0;
	if ((m = mi_find(nm, ini, n)) != NULL) {
		m->seen = ++nm->clock;
		*rc = emit(sc, t->s, e, m->sub, "names/memory-initials",
		    dotted ? 85 : 70, m->key);
		return k - j;
	}
	if (!dotted || !(t->f & T_POSS || person_after(sc->nm, sc->s, sc->len,
	    &nm->tok[k - 1]) || relation_before(sc->s, t->s) ||
	    initials_person_after(sc, e)))
		return 0;
	snprintf(key, sizeof(key), "initials %.*s", (int)n, ini);
	*rc = emit(sc, t->s, e, "", "names/initials", 70, key);
	return k - j;
}

/* How much an ALL CAPS word looks like a forename (last 0) or surname. */
static int
caps_score(struct scan *sc, struct tok *t, int last)
{
	const char *fl;
	char hfl[8];
	int wc;

	if (!(t->f & T_ALLCAPS) || t->e - t->s != t->flen || t->flen < 2 ||
	    in_set(sc->nm, WL_ABBREV, sc->s + t->s, t->flen) ||
	    tok_in(sc->nm, t, WL_NOT_NAME) ||
	    tok_in(sc->nm, t, WL_HEAD))
		return 0;
	wc = wclass(sc->nm, sc->s, t);
	/* A word of the weak lists only (h, n) is no better than none. */
	if (((fl = tlex(sc->nm, t)) == NULL || flag_in(fl, FL_FMGSP) == NULL) &&
	    *(fl = hyphen_flags(sc->nm, t, hfl)) == '\0')
		return wc == WC_UNKNOWN && last ? 2 : 0;
	if (!last && wc == WC_COMMON && flag_has(fl, 'n') &&
	    !flag_has(fl, 'p'))
		return 0;
	if (flag_in(fl, last ? FL_SP : FL_FMG) != NULL)
		return wc == WC_COMMON && (!last || memchr(TW(sc->nm, t), '-',
		    t->flen) == NULL) ? 2 : 3;
	return 0;
}

/*
 * Is the paragraph a heading or a title line: short, and not a sentence
 * (it does not end with a full stop)?
 */
static int
heading_line(const struct scan *sc)
{
	size_t n = sc->len;

	while (n > 0 && (sc->s[n - 1] == ' ' || sc->s[n - 1] == '\t'))
		n--;
	return n > 0 && n <= 160 && sc->s[n - 1] != '.' &&
	    memchr(sc->s, '\t', n) == NULL;
}

/*
 * Could an ALL CAPS word of a heading be a name part on its own evidence:
 * no word of the dictionary, no abbreviation or list word, with a vowel
 * (acronyms such as "LSCB" have none)?
 */
static int
caps_heading_word(struct scan *sc, struct tok *t)
{
	const char *w = TW(sc->nm, t);
	const char *fl;

	if (!(t->f & T_ALLCAPS) || t->flen < 2 || (t->f & T_POSS) ||
	    in_set(sc->nm, WL_ABBREV, sc->s + t->s, t->e - t->s) ||
	    tok_in(sc->nm, t, WL_NOT_NAME | WL_HEAD | WL_FUNCTION) ||
	    strpbrk(w, "aeiouy") == NULL)
		return 0;
	if (wclass(sc->nm, sc->s, t) == WC_UNKNOWN)
		return 1;
	/* A proper noun of hunspell's only when the lexicon names it. */
	return wclass(sc->nm, sc->s, t) == WC_PROPER &&
	    (fl = tlex(sc->nm, t)) != NULL && flag_in(fl, FL_FMGSP) != NULL;
}

/* A particle of a surname in capitals: "MAC", "AN", "VAN", "AP". */
static int
caps_particle(struct names *nm, struct tok *t)
{
	const char *w = TW(nm, t);

	return (t->f & T_ALLCAPS) && (tok_in(nm, t, WL_GAELIC | WL_PARTICLE) ||
	    (t->flen == 2 && (memcmp(w, "an", 2) == 0 ||
	    memcmp(w, "na", 2) == 0)));
}

/*
 * A name in capitals: "SERIOUS CASE REVIEW: VIKRAM JOSHI", a forename and
 * a surname (a middle name between) that the lexicon knows, in a run of
 * capitals of their own; or one word in capitals that names a person met
 * before ("THE LIVED EXPERIENCE OF STAR").
 */
static size_t
caps_name_at(struct scan *sc, size_t j, int *rc)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j];
	struct mem *m;
	char key[256], w[16];
	const char *fl;
	size_t end, n, k, np;
	int sf, sl, heading;

	if (!(t->f & T_ALLCAPS) || (j > 0 && adjacent(nm, sc->s, j - 1) &&
	    (nm->tok[j - 1].f & T_ALLCAPS) && caps_score(sc, &nm->tok[j - 1],
	    0) > 0))
		return 0;
	/*
	 * Up to three name words; particles between them do not count
	 * ("RUAIRIDH MAC AN T-SAOIR", "ANNA VAN DER WIEL").
	 */
	for (end = j + 1, np = 0; end < nm->ntok && end - j - np < 3 &&
	    !sc->used[end] && adjacent(nm, sc->s, end - 1) &&
	    (nm->tok[end].f & T_ALLCAPS); end++)
		if (caps_particle(nm, &nm->tok[end]) && np < 3)
			np++;
	if (caps_particle(nm, t) || (end - j >= 2 &&
	    caps_particle(nm, &nm->tok[end - 1])))
		return 0;
	if (end - j - np >= 2 && end - j - np <= 3 && (end == nm->ntok ||
	    !adjacent(nm, sc->s, end - 1) ||
	    !(nm->tok[end].f & T_ALLCAPS))) {
		sf = caps_score(sc, t, 0);
		sl = caps_score(sc, &nm->tok[end - 1], 1);
		for (k = j + 1; k + 1 < end; k++)
			if (!caps_particle(nm, &nm->tok[k]) &&
			    caps_score(sc, &nm->tok[k], 0) == 0)
				sf = 0;
		if (np > 0 && sl > 0)
			sl = 3;
		heading = 0;
		if (!(sf >= 2 && sl >= 2 && sf + sl >= 5) && heading_line(sc)) {
			/*
			 * "SERIOUS CASE REVIEW: ROBERT EADE": in a title line,
			 * two or three capitalised words that are neither
			 * dictionary words nor acronyms, one of them a name
			 * of the lexicon or all of them unknown to both.
			 */
			for (k = j + 1, heading = 1; k < end && heading; k++)
				heading = caps_particle(nm, &nm->tok[k]) ||
				    caps_heading_word(sc, &nm->tok[k]);
			/* The first word: the same, or a forename of the
			 * lexicon even if it is also a word ("VIOLET"). */
			if (heading && !caps_heading_word(sc, t) &&
			    ((fl = tlex(nm, t)) == NULL ||
			    flag_in(fl, FL_FMG) == NULL ||
			    tok_in(nm, t, WL_NOT_NAME | WL_HEAD |
			    WL_FUNCTION) || in_set(nm, WL_ABBREV,
			    sc->s + t->s, t->e - t->s)))
				heading = 0;
			if (heading && (sf > 0 || sl > 0 || end - j == 2)) {
				sf = sl = 3;
			} else
				heading = 0;
		}
		if (sf >= 2 && sl >= 2 && sf + sl >= 5) {
			make_key(sc, j, end, key, sizeof(key));
			*rc = emit(sc, t->s, nm->tok[end - 1].e, "",
			    heading ? "names/caps-heading" : "names/caps", 75,
			    key);
			if (*rc == 0)
				*rc = remember(sc, j, end, key, "", 0);
			return end - j;
		}
	}
	if (end - j == 1 && (m = mem_find(nm, TW(nm, t), t->flen)) != NULL &&
	    m->part == 0 && !in_set(sc->nm, WL_ABBREV, sc->s + t->s, t->flen)) {
		n = before(sc->s, t->s, w, sizeof(w) - 1, 0);
		if (wclass(nm, sc->s, t) != WC_COMMON ||
		    ends_with_word(w, n, "of") || ends_with_word(w, n, "for") ||
		    ends_with_word(w, n, "about") || ends_with_word(w, n, "and") ||
		    ends_with_word(w, n, "with")) {
			m->seen = ++nm->clock;
			*rc = emit(sc, t->s, t->e, m->sub, "names/memory", 70,
			    m->key);
			return 1;
		}
	}
	return 0;
}

/*
 * Is w[0..l) another spelling of the forename c[0..cl): a misspelling
 * (one edit from five letters, two when the word is neither a word nor
 * a name; a letter changed in a short name only in a person's context)
 * or a short form ("Krzys", "Cal"; an ordinary word only in context)?
 * The first letter stays.
 */
static int
variant_of(const char *w, size_t l, int wc, int lex, int ctx, const char *c,
    size_t cl)
{
	int lim;

	if (cl < 3 || l < 3 || c[0] != w[0] || (l == cl &&
	    memcmp(w, c, l) == 0))
		return 0;
	if (cl >= l + 2 && memcmp(w, c, l) == 0)
		return wc != WC_COMMON || ctx;
	if (l == 3 || wc == WC_COMMON || (l == 4 && wc == WC_PROPER)) {
		if (!ctx || l > 4 || l != cl || wc == WC_PROPER)
			return 0;
		return names_edit_distance(w, l, c, cl, 1) == 1;
	}
	if (l == 4)	/* "Hony" for Honey: no word, no name */
		return names_edit_distance(w, l, c, cl, 1) == 1;
	if (cl >= 5)
		lim = l >= 5 && wc == WC_UNKNOWN && !lex ? 2 : 1;
	else if (cl == 4 && l == 4 && wc == WC_UNKNOWN)
		lim = 1;
	else
		return 0;
	return names_edit_distance(w, l, c, cl, lim) <= lim;
}

/* A forename met before, spelt otherwise: "Feeona" after Fiona Ekwueme. */
static struct mem *
mem_variant(struct scan *sc, struct tok *t)
{
	struct names *nm = sc->nm;
	struct mem *m, *best = NULL;
	size_t i;
	int wc, lex, ctx;

	if (!(t->f & T_CAP) || (t->f & (T_ALLCAPS | T_DIGIT)) || t->flen < 3)
		return NULL;
	/* Forenames with the same first byte (variant_of() wants it). */
	if ((i = nm->fhead[(unsigned char)TW(nm, t)[0]]) == NOIDX)
		return NULL;
	wc = wclass(nm, sc->s, t);
	/* variant_of() reads the context of an ordinary or a short word only. */
	ctx = wc == WC_COMMON || t->flen == 3 || (t->flen == 4 &&
	    wc == WC_PROPER) ? short_context(sc, t, 1) : 0;
	/* variant_of() accepts no spelling of an ordinary word out of a
	 * person's context: spare the walk over every forename. */
	if (wc == WC_COMMON && !ctx)
		return NULL;
	lex = tlex(nm, t) != NULL;
	for (; i != NOIDX; i = m->fnext) {
		m = &nm->mem[i];
		if (best != NULL && m->seen < best->seen)
			continue;
		if (variant_of(TW(nm, t), t->flen, wc, lex, ctx, m->w, m->wl))
			best = m;
	}
	return best;
}

/*
 * After the name: a verb of a person, a few more that only people do
 * ("grew up", "works"), or ", who" ("Madge Apostles, who").
 */
static int
person_follows(struct scan *sc, struct tok *t)
{
	static const char *const more[] = { "grew", "works", "worked",
	    "lives", "wanted", "cared", "herself", "himself", NULL };
	char w[8];
	size_t i = t->pe, n;

	if (person_after(sc->nm, sc->s, sc->len, t))
		return 1;
	if (!(t->f & T_POSS) && i < sc->len && sc->s[i] == ' ' &&
	    (n = next_word(sc->s, sc->len, i, w, sizeof(w))) > 0 &&
	    in_list(more, w, n))
		return 1;
	if (i < sc->len && sc->s[i] == ',')
		i++;
	return i > t->pe && next_word(sc->s, sc->len, i, w, sizeof(w)) == 3 &&
	    memcmp(w, "who", 3) == 0;
}

/*
 * "X was the health visitor", "X is a social worker": a role after "was"
 * or "is" and an article.
 */
static int
was_role(struct scan *sc, struct tok *t)
{
	char w[8];
	size_t i = t->pe, n;

	n = next_word(sc->s, sc->len, i, w, sizeof(w));
	if (!((n == 3 && memcmp(w, "was", 3) == 0) ||
	    (n == 2 && memcmp(w, "is", 2) == 0)))
		return 0;
	while (i < sc->len && sc->s[i] == ' ')
		i++;
	i += n;
	if (i + 3 < sc->len && strncmp(sc->s + i, " a ", 3) == 0)
		i += 2;
	/* role_around() reads past " the ". */
	return role_around(sc->s, sc->len, t->s, i) != NULL;
}

/*
 * A verb before the name whose object is a person: "Niamh described X",
 * "the nurse told X".
 */
static int
person_object_before(const char *s, size_t b)
{
	static const struct lword verbs[] = { LW("described"), LW("told"),
	    LW("asked"), LW("contacted"), LW("visited"), LW("met"),
	    LW("phoned"), LW("telephoned"), LW("emailed"), LW("informed"),
	    LW("advised"), LW("supported"), LW("saw"), LW("interviewed"),
	    LW("thanked"), LW("accompanied"), { NULL, 0 } };

	return word_before_in(s, b, verbs);
}

/*
 * A table cell holding just the name, and the next cell a relation of
 * the family or a role ("Aisling Eburinde<TAB>Maternal grandmother").
 */
static int
cell_relation(struct scan *sc, struct tok *t, struct tok *last)
{
	const struct lword *r;
	char w[24];
	size_t n, i = last->e;

	if (!(t->f & T_CELL) || i >= sc->len || sc->s[i] != '\t')
		return 0;
	n = next_word(sc->s, sc->len, i + 1, w, sizeof(w));
	if (n == 0)
		return 0;
	if ((n == 8 && (memcmp(w, "maternal", 8) == 0 ||
	    memcmp(w, "paternal", 8) == 0)))
		return 1;
	/* Family words ("mother", "half-sibling"), not "with" or "to". */
	for (r = relations; r->w != NULL; r++)
		if (r->len > 4 && r->len == n && memcmp(w, r->w, n) == 0)
			return 1;
	role_index();
	return role_ending(w, n) != NULL;
}

/*
 * Is the word before b the day of a date ("3 May Smith", "21st May")?
 * A whole date before ("On 31/01/2014 May Gerome") is not.
 */
static int
digit_before(const char *s, size_t b)
{
	size_t e, i;

	while (b > 0 && s[b - 1] == ' ')
		b--;
	e = b;
	while (b > 0 && isalpha((unsigned char)s[b - 1]) && e - b < 2)
		b--;		/* "st", "nd", "rd", "th" */
	for (i = b; i > 0 && isdigit((unsigned char)s[i - 1]); i--)
		;
	return b - i >= 1 && b - i <= 2 && (i == 0 || s[i - 1] == ' ' ||
	    s[i - 1] == '(');
}

/*
 * A forename of the lexicon that is also a word of not_names[] ("May",
 * "Jesus", "Christian") before a surname-like word that is no ordinary
 * word: "Present were May Gerome (community midwife)".  Not at a sentence
 * start, nor where the word is a date ("in May", "3 May").
 */
static int
trap_forename(struct scan *sc, size_t j)
{
	struct names *nm = sc->nm;
	struct tok *t = &nm->tok[j], *u;
	const char *fl;

	if (!(t->f & T_CAP) || (t->f & (T_ALLCAPS | T_POSS)) ||
	    j + 1 >= nm->ntok || !tok_in(nm, t, WL_NOT_NAME) ||
	    (fl = tlex(nm, t)) == NULL || flag_in(fl, FL_FMG) == NULL ||
	    !adjacent(nm, sc->s, j))
		return 0;
	u = &nm->tok[j + 1];
	if (!(u->f & T_CAP) || (u->f & (T_ALLCAPS | T_DIGIT | T_INITIAL)) ||
	    tok_in(nm, u, WL_NOT_NAME | WL_HEAD) || month_context(sc, t) ||
	    digit_before(sc->s, t->s) || head_after(nm, sc->s, sc->len, u->pe))
		return 0;
	/* An ordinary word only as a surname of the lexicon. */
	if (wclass(nm, sc->s, u) == WC_COMMON && ((fl = tlex(nm, u)) == NULL ||
	    !flag_has(fl, 's')))
		return 0;
	/* At a sentence start, only where the text speaks of a person. */
	if ((t->f & T_SENT) && !(t->f & T_CELL) && !person_follows(sc, u) &&
	    role_around(sc->s, sc->len, t->s, u->e) == NULL)
		return 0;
	return score(sc, u, 1) >= 2;
}

/*
 * An ordinary word as the surname after a forename the lexicon trusts
 * ("Mario Gladdy", "Madge Apostles"): capitalised in mid-sentence, the
 * last capital of its run, and no head of a place or a body, no role.
 * After a forename that is only unknown to hunspell, the text must speak
 * of a person.
 */
static int
word_surname(struct scan *sc, size_t j, size_t k)
{
	struct names *nm = sc->nm;
	struct tok *f = &nm->tok[j], *t = &nm->tok[k];
	char buf[MAXWORD + 1];
	int sf;

	if (!(t->f & T_CAP) || (t->f & (T_ALLCAPS | T_DIGIT | T_INITIAL |
	    T_SENT)) || t->flen > MAXWORD || (f->f & T_ALLCAPS) ||
	    tok_in(nm, t, WL_HEAD | WL_NOT_NAME | WL_FUNCTION |
	    WL_DETERMINER) || wclass(nm, sc->s, t) != WC_COMMON ||
	    head_after(nm, sc->s, sc->len, t->pe) ||
	    citation_after(sc->s, sc->len, t->pe))
		return 0;
	if (k + 1 < nm->ntok && adjacent(nm, sc->s, k) &&
	    (nm->tok[k + 1].f & (T_CAP | T_ALLCAPS)))
		return 0;
	memcpy(buf, TW(nm, t), t->flen);
	role_index();
	if (role_ending(buf, t->flen) != NULL)
		return 0;
	if ((f->f & T_SENT) && !(f->f & T_CELL) && !person_follows(sc, t) &&
	    role_around(sc->s, sc->len, f->s, t->e) == NULL)
		return 0;
	if ((sf = score(sc, f, 0)) >= 3)
		return 1;
	return sf == 2 && wclass(nm, sc->s, f) == WC_UNKNOWN &&
	    (person_follows(sc, t) ||
	    role_around(sc->s, sc->len, f->s, t->e) != NULL);
}

/*
 * The first title of "Mr and Mrs Robins": the other person, keyed by the
 * title and the key of the second ("mr robins").
 */
static int
couple_mention(struct scan *sc, size_t j, const char *key)
{
	struct tok *t = &sc->nm->tok[j];
	char k2[300];

	snprintf(k2, sizeof(k2), "%.*s %s", (int)t->flen, TW(sc->nm, t), key);
	return emit(sc, t->s, t->e, "", "names/title-couple", 80, k2);
}

/* snprintf(dst, n, "%s", src) without the cost of printf. */
static void
copy_str(char *dst, size_t n, const char *src)
{
	size_t l = strlen(src);

	if (l >= n)
		l = n - 1;
	memcpy(dst, src, l);
	dst[l] = '\0';
}

/*
 * Is the forename t, also an ordinary word ("Hope", "Favour", "Rose"),
 * a person here?  Kinship right before it ("her sister Favour"), an
 * apposition ("Hope, aged eight,"), a verb of speech ("Rose tells"), a
 * possessive of a person's noun ("Hope's mother"), or "née" before.
 */
static int
word_forename(struct scan *sc, struct tok *t)
{
	struct names *nm = sc->nm;
	char w[32];
	size_t n, k, i = t->pe;

	if (!(t->f & T_SENT) && !(t->f & T_POSS) &&
	    word_before_in(sc->s, t->s, kin_words))
		return 1;
	/*
	 * Otherwise not after "the" or a capital ("the Regional Court
	 * asked"): a name of a thing.
	 */
	k = t - nm->tok;
	if (k > 0 && adjacent(nm, sc->s, k - 1) &&
	    ((nm->tok[k - 1].f & T_CAP) ||
	    tok_in(nm, &nm->tok[k - 1], WL_DETERMINER)))
		return 0;
	if (t->f & T_POSS) {
		n = next_word(sc->s, sc->len, t->pe, w, sizeof(w));
		return !(t->f & T_CELL) && in_set(nm, WL_POSS, w, n) &&
		    strcmp(w, "own") != 0 && strcmp(w, "new") != 0 &&
		    strcmp(w, "former") != 0;
	}
	if (i < sc->len && sc->s[i] == ',')
		i++;
	n = next_word(sc->s, sc->len, i, w, sizeof(w));
	if (i > t->pe)
		return in_set(nm, WL_APPOSITION, w, n);
	return in_set(nm, WL_SPEECH, w, n);
}

/*
 * A nickname in quotes after "known as", "calls him": known as "Bee".
 * The quote must close right after the word.
 */
static int
quoted_nick(struct scan *sc, struct tok *t)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	size_t i = t->s, q = 0;

	if (t->f & (T_POSS | T_ALLCAPS))
		return 0;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '"' ||
	    s[i - 1] == 0x9C || s[i - 1] == 0x98 || s[i - 1] == 0x80 ||
	    s[i - 1] == 0xE2)) {
		if (s[i - 1] == '"' || s[i - 1] == 0x9C || s[i - 1] == 0x98)
			q++;
		i--;
	}
	if (q == 0 || t->e >= sc->len || !(s[t->e] == '"' ||
	    (s[t->e] == 0xE2 && t->e + 2 < sc->len && s[t->e + 1] == 0x80 &&
	    (s[t->e + 2] == 0x9D || s[t->e + 2] == 0x99))))
		return 0;
	return word_before_in(sc->s, i, nick_words);
}

/* Was t met before as a name on its own (word_forename(), quoted_nick())? */
static int
nick_seen(struct names *nm, struct tok *t)
{
	struct mem *m;

	if (!(t->f & T_CAP) || (t->f & T_ALLCAPS))
		return 0;
	m = mem_find(nm, TW(nm, t), t->flen);
	return m != NULL && strlen(m->key) == t->flen &&
	    memcmp(m->key, TW(nm, t), t->flen) == 0;
}

static size_t
unknown_at(struct scan *sc, size_t j, int *rc)
{
	struct names *nm = sc->nm;
	const struct title *ti = NULL;
	size_t tl, start = j, end, nwords = 0, b, b0, k, couple = NOIDX, pj;
	struct tok *t, *last;
	const char *sub = NULL, *role, *fl;
	char key[256];
	int q, conf = 0, ok = 0, sf, sl, pron, wc, variant = 0;
	int trapf = 0, wsur = 0, wordname = 0;
	struct mem *m = NULL;

	*rc = 0;
	tl = unknown_initials(sc, j, rc);
	sc->unallow = 0;
	if (tl > 0 || *rc == -1)
		return tl;
	if ((tl = caps_name_at(sc, j, rc)) > 0 || *rc == -1)
		return tl;
	/* "B. Dr Darby": a list letter before a title is not an initial. */
	if ((nm->tok[j].f & T_INITIAL) && j + 1 < nm->ntok &&
	    title_at(nm, sc->s, j + 1, &ti) > 0)
		return 0;
	tl = (size_t)title_at(nm, sc->s, j, &ti);
	/*
	 * "Mr and Mrs Robins", "Mr and Mrs T.": two people; the first title
	 * is one of them (couple_mention()).
	 */
	if (tl == 1 && j + 3 < nm->ntok && nm->tok[j + 1].flen == 3 &&
	    memcmp(sc->s + nm->tok[j + 1].s, "and", 3) == 0 &&
	    !sc->used[j + 2] && title_at(nm, sc->s, j + 2, &ti) == 1 &&
	    !weak_title(ti)) {
		couple = j;
		j += 2;
		start = j;
		tl = 1;
	}
	if (tl > 0) {
		/* "Dr van der Berg", "Mr ab Elis": particles, then a capital. */
		for (pj = j + tl; pj + 1 < nm->ntok &&
		    particle(nm, &nm->tok[pj]) && adjacent(nm, sc->s, pj) &&
		    pj - j - tl < 2; pj++)
			;
		if (j + tl >= nm->ntok || !adjacent(nm, sc->s, j + tl - 1) ||
		    !(nm->tok[pj].f & (T_CAP | T_ALLCAPS)) ||
		    (nm->tok[pj].f & T_DIGIT))
			return 0;
		/*
		 * Words that are titles and ordinary nouns ("Lord Chief
		 * Justice", "the Judge Advocate") need a name after them.
		 * After a police rank, a word that is also a name of the
		 * lexicon is the name ("Sergeant Gamble").
		 */
		fl = tlex(nm, &nm->tok[pj]);
		if (weak_title(ti) && ((wclass(nm, sc->s, &nm->tok[pj]) ==
		    WC_COMMON && (fl == NULL || !flag_has(fl, 's')) &&
		    (strcmp(ti->sub, "police-officer") != 0 || fl == NULL ||
		    flag_in(fl, FL_FMGSPH) == NULL ||
		    head_after(nm, sc->s, sc->len, nm->tok[pj].pe))) ||
		    in_set_ci(nm, WL_NOT_NAME, TW(nm, &nm->tok[pj]),
		    nm->tok[pj].flen)))
			return 0;
		/* "Mrs G.", "Ms S.D.": a title and initials, no surname. */
		for (end = j + tl; end < nm->ntok && end - start < MAXRUN &&
		    (nm->tok[end].f & T_INITIAL) && !sc->used[end]; end++)
			if (end + 1 >= nm->ntok || !adjacent(nm, sc->s, end) ||
			    (nm->tok[end + 1].f & (T_CAP | T_ALLCAPS)) == 0)
				break;
		if (end < nm->ntok && (nm->tok[end].f & T_INITIAL) &&
		    !sc->used[end] && (end + 1 >= nm->ntok ||
		    !adjacent(nm, sc->s, end) ||
		    !(nm->tok[end + 1].f & (T_CAP | T_ALLCAPS)))) {
			last = &nm->tok[end];
			b = last->e;
			if ((last->f & T_DOT) && b + 1 < sc->len)
				b++;	/* "Mrs G.’s": the dot with it */
			role = role_around(sc->s, sc->len, nm->tok[start].s, b);
			/* Keyed as initials are ("initials sd"). */
			snprintf(key, sizeof(key), "initials ");
			for (k = j + tl, b0 = strlen(key); k <= end &&
			    b0 + 1 < sizeof(key); k++)
				key[b0++] = TW(nm, &nm->tok[k])[0];
			key[b0] = '\0';
			if (couple != NOIDX &&
			    (*rc = couple_mention(sc, couple, key)) == -1)
				return 0;
			*rc = emit(sc, nm->tok[start].s, b, role != NULL ? role :
			    ti->sub, "names/title-initials", 85, key);
			return end + 1 - (couple != NOIDX ? couple : start);
		}
		j += tl;
	}
	/* Collect the name words: initials, particles inside, capitals. */
	for (end = j; end < nm->ntok && end - start < MAXRUN; end++) {
		t = &nm->tok[end];
		if (end > j && !adjacent(nm, sc->s, end - 1))
			break;
		if (sc->used[end])
			break;
		if (t->f & T_INITIAL) {
			if (end + 1 < nm->ntok && adjacent(nm, sc->s, end))
				continue;
			break;
		}
		/* "Séamus Mac Aodha", "Mr Mac an t-Saoir": a Gaelic prefix. */
		if ((t->f & T_CAP) && (end > j || tl > 0) && end + 1 < nm->ntok &&
		    adjacent(nm, sc->s, end) && tok_in(nm, t, WL_GAELIC) &&
		    ((nm->tok[end + 1].f & T_CAP) ||
		    particle(nm, &nm->tok[end + 1])))
			continue;
		if (particle(nm, t) && (end > j || tl > 0) &&
		    end + 1 < nm->ntok &&
		    adjacent(nm, sc->s, end) &&
		    ((nm->tok[end + 1].f & T_CAP) ||
		    particle(nm, &nm->tok[end + 1])))
			continue;
		/*
		 * "Green" ends "Rajesh Green wrote", not "Oak Green"; a name
		 * word ends "Heather Lane, the family support worker" only
		 * with a forename before it and a role in apposition.
		 */
		if (end > j && tok_in(sc->nm, t, WL_HEAD) &&
		    !(tl == 0 && end == j + 1 && (fl = tlex(nm, t)) != NULL &&
		    flag_in(fl, FL_FMGSP) != NULL &&
		    (fl = tlex(nm, &nm->tok[j])) != NULL &&
		    flag_in(fl, FL_FMG) != NULL &&
		    role_around(sc->s, sc->len, nm->tok[j].s, t->e) != NULL) &&
		    ((fl = tlex(nm, t)) == NULL || !flag_has(fl, 's') ||
		    (tl == 0 && score(sc, &nm->tok[j], 0) < 2) ||
		    (tl == 0 && score(sc, &nm->tok[j], 0) < 3 &&
		    !person_after(sc->nm, sc->s, sc->len, t) &&
		    end + 1 < nm->ntok && adjacent(nm, sc->s, end) &&
		    (nm->tok[end + 1].f & T_CAP))))
			break;
		if (tl > 0 || (end > j && particle(nm, &nm->tok[end - 1])))
			q = (t->f & (T_CAP | T_ALLCAPS)) && !(t->f & T_DIGIT);
		else
			q = score(sc, t, 0) > 0 || score(sc, t, 1) > 0 ||
			    (end == j && mem_variant(sc, t) != NULL);
		if (tl == 0 && end == j && score(sc, t, 0) == 0 &&
		    trap_forename(sc, j))
			q = trapf = 1;
		if (!q && tl == 0 && end == j + 1 && nwords == 1)
			q = wsur = word_surname(sc, j, end);
		if (!q && tl == 0 && end == j && (quoted_nick(sc, t) ||
		    nick_seen(nm, t)))
			q = 1;		/* known as "Pip", then "Pip" */
		if (!q)
			break;
		nwords++;
		if (t->f & T_POSS) {
			end++;
			break;
		}
	}
	/* Trailing initials or particles are not part of the name. */
	while (end > j && ((nm->tok[end - 1].f & T_INITIAL) ||
	    particle(nm, &nm->tok[end - 1])))
		end--;
	if (end <= j || nwords == 0)
		return 0;
	t = &nm->tok[j];
	last = &nm->tok[end - 1];
	/* Initials or particles before the name: judge the words after. */
	while (t < last && ((t->f & T_INITIAL) || particle(nm, t) ||
	    tok_in(nm, t, WL_GAELIC)))
		t++;
	/* Something else's name: "Clare's Law", "St Bede's", a citation. */
	if (head_after(sc->nm, sc->s, sc->len, last->pe) ||
	    citation_after(sc->s, sc->len, last->pe) ||
	    saint_before(sc->s, nm->tok[start].s))
		return end - start;
	sf = score(sc, t, 0);
	sl = score(sc, last, 1);
	if (end - j >= 2 && (particle(nm, &nm->tok[end - 2]) ||
	    tok_in(nm, &nm->tok[end - 2], WL_GAELIC)))
		sl = 3;		/* "van der Berg", "bin Ahmed", "Mac Aodha" */
	if (trapf && t == &nm->tok[j])
		sf = 2;		/* "May Gerome" */
	if (wsur && end - j == 2)
		sl = 2;		/* "Mario Gladdy" */
	if (tl > 0) {
		ok = 1;
		conf = 90;
		sub = ti->sub;
	} else if (nwords >= 2) {
		/*
		 * Two or more name words: a forename-like first word and a
		 * surname-like last word.  A capital after a full stop is
		 * no evidence, so there the words must say more.
		 */
		q = sf + sl;
		if (sf >= 1 && sl >= 1 && (q >= 5 || (q >= 4 &&
		    (!(t->f & T_SENT) || (t->f & T_CELL) || sf >= 2))))
			ok = 1;
		/*
		 * A forename of the lexicon that is also a word before a
		 * good surname, where the text speaks of a person: "the
		 * team manager Aisling Sheehan", "Favour Odunsi told" (not
		 * "of Great Britain").
		 */
		else if (sf >= 1 && sl >= 2 && nwords == 2 &&
		    (fl = tlex(nm, t)) != NULL && flag_in(fl, FL_FMG) != NULL &&
		    (person_follows(sc, last) || role_around(sc->s, sc->len,
		    t->s, last->e) != NULL || (!(t->f & T_SENT) &&
		    (relation_before(sc->s, t->s) ||
		    person_object_before(sc->s, t->s))) ||
		    cell_relation(sc, t, last)))
			ok = 1;
		conf = 80;
	} else if (t != &nm->tok[j]) {
		/*
		 * Initials and a surname: "C Forbes", "R. Rigby".  An undotted
		 * "A" or "I" may be the article or the pronoun.
		 */
		pron = nm->tok[j].e - nm->tok[j].s == 1 &&
		    !(nm->tok[j].f & T_DOT) && (sc->s[nm->tok[j].s] == 'A' ||
		    sc->s[nm->tok[j].s] == 'I');
		m = mem_find(nm, TW(nm, t), t->flen);
		if (m != NULL && m->part == 0 && pron)
			m = NULL;
		wc = wclass(nm, sc->s, t);
		if ((m != NULL && (!pron || wc != WC_COMMON)) ||
		    (sl >= 2 && wc != WC_COMMON && (!pron || sl == 3))) {
			ok = 1;
			conf = 75;
		}
	} else {
		/* One word. */
		m = mem_find(nm, TW(nm, t), t->flen);
		/* "White" of Fiona White is not "White British". */
		if (m != NULL && tok_in(sc->nm, t, WL_NOT_NAME) &&
		    !person_after(sc->nm, sc->s, sc->len, t) &&
		    !relation_before(sc->s, t->s))
			m = NULL;
		if (m == NULL && (m = mem_variant(sc, t)) != NULL)
			variant = 1;
		if (m != NULL && (wclass(nm, sc->s, t) != WC_COMMON ||
		    trap_ok(sc, t, 0)) && !month_context(sc, t)) {
			ok = 1;
			conf = 80;
		} else if (sf == 3 && !place_before(sc->s, t->s)) {
			ok = 1;
			conf = 65;
		} else if (sf >= 2 && wclass(nm, sc->s, t) != WC_COMMON &&
		    (person_after(sc->nm, sc->s, sc->len, t) ||
		    relation_before(sc->s, t->s)) && (!(t->f & T_SENT) ||
		    is_namepart(nm, t))) {
			ok = 1;
			conf = 60;
		} else if (sf >= 1 && (fl = tlex(nm, t)) != NULL &&
		    flag_in(fl, FL_FMG) != NULL && !(t->f & T_POSS) &&
		    !tok_in(nm, t, WL_NOT_NAME) && was_role(sc, t)) {
			/* "Jean was the health visitor" */
			ok = 1;
			conf = 60;
		} else if (!(t->f & T_ALLCAPS) && !tok_in(nm, t, WL_NOT_NAME) &&
		    sf >= 1 && word_before_in(sc->s, t->s, nee_words)) {
			/* "Vashti Loveridge (née Carver)": her maiden name. */
			ok = 1;
			conf = 70;
			wordname = 2;
		} else if (!(t->f & T_ALLCAPS) && !tok_in(nm, t, WL_NOT_NAME) &&
		    (quoted_nick(sc, t) || (sf >= 1 &&
		    (fl = tlex(nm, t)) != NULL && flag_in(fl, FL_FMG) != NULL &&
		    !month_context(sc, t) && word_forename(sc, t)))) {
			/* "her sister Favour", known as "Bee": remembered. */
			ok = 1;
			conf = 60;
			wordname = 1;
		}
	}
	if (!ok)
		return 0;
	role = role_around(sc->s, sc->len, nm->tok[start].s, last->e);
	if (role != NULL && (sub == NULL || *sub == '\0' ||
	    strcmp(sub, "professional") == 0))
		sub = role;
	if (m == NULL && nwords == 1 && tl > 0) {
		m = mem_find(nm, TW(nm, t), t->flen);
		/* "Mr Smith" is not Dawn Smith. */
		if (m != NULL && ti->gender != 0 && m->gender != 0 &&
		    m->gender != ti->gender)
			m = NULL;
	}
	if (m != NULL && nwords == 1) {
		copy_str(key, sizeof(key), m->key);
		if ((sub == NULL || *sub == '\0') && *m->sub != '\0')
			sub = m->sub;
	} else if (nwords >= 2 || t != &nm->tok[j] || wordname)
		make_key(sc, j, end, key, sizeof(key));
	else
		key[0] = '\0';
	/* A maiden name is the person's named just before. */
	if (wordname == 2)
		for (k = sc->found0; k < sc->found->n; k++)
			if (sc->found->v[k].end <= t->s &&
			    t->s - sc->found->v[k].end <= 8 &&
			    *sc->found->v[k].key != '\0')
				snprintf(key, sizeof(key), "%s",
				    sc->found->v[k].key);
	if (couple != NOIDX) {
		char ck[256];

		if (*key == '\0')
			make_key(sc, j, end, ck, sizeof(ck));
		if ((*rc = couple_mention(sc, couple, *key != '\0' ? key :
		    ck)) == -1)
			return 0;
	}
	*rc = emit(sc, nm->tok[start].s, last->e, sub, tl > 0 ? "names/title" :
	    nwords >= 2 ? "names/full" : variant ? "names/memory-variant" :
	    m != NULL ? "names/memory" :
	    t != &nm->tok[j] ? "names/initial" : "names/single", conf, key);
	if (*rc == 0 && *key != '\0')
		*rc = remember(sc, j, end, key, sub, ti != NULL ? ti->gender : 0);
	return end - (couple != NOIDX ? couple : start);
}

/* ------------------------------------------------------------------ */

/*
 * A particle written just before a name found without it belongs to the
 * name: "ap Rhodri", "bin Yusuf", "van Dijk" as a surname said alone.
 */
static void
lead_particles(struct scan *sc)
{
	struct names *nm = sc->nm;
	struct mention *m;
	size_t i, lo, hi, mid;

	for (i = sc->found0; i < sc->found->n; i++) {
		m = &sc->found->v[i];
		for (lo = 0, hi = nm->ntok; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (nm->tok[mid].s < m->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == 0 || lo >= nm->ntok || nm->tok[lo].s != m->start)
			continue;
		if (!particle(nm, &nm->tok[lo - 1]) || sc->used[lo - 1] ||
		    !adjacent(nm, sc->s, lo - 1) ||
		    prior_overlaps(nm, nm->tok[lo - 1].s, nm->tok[lo - 1].e) ||
		    found_overlaps(sc, nm->tok[lo - 1].s, nm->tok[lo - 1].e))
			continue;
		m->start = nm->tok[lo - 1].s;
		sc->used[lo - 1] = 1;
	}
}

int
names_scan(void *ctx, const struct text_unit *t,
    const struct mention_list *prior, struct mention_list *found,
    char *err, size_t errlen)
{
	struct names *nm = ctx;
	struct scan sc;
	unsigned char small[512];
	size_t j, k, c, next, used;
	int rc = 0, lower;

	if (tokenize(nm, t->text, t->len) == -1 ||
	    spanmap_reset(&nm->pri, t->len) == -1 ||
	    spanmap_add_list(&nm->pri, prior) == -1)
		goto oom;
	spanmap_reset(&nm->fnd, t->len);
	sc.nm = nm;
	sc.t = t;
	sc.s = t->text;
	sc.len = t->len;
	sc.prior = prior;
	sc.found = found;
	sc.over_place = 0;
	sc.unallow = 0;
	sc.found0 = found->n;
	sc.used = nm->ntok <= sizeof(small) ? small : calloc(nm->ntok, 1);
	if (sc.used == NULL)
		goto oom;
	memset(sc.used, 0, nm->ntok <= sizeof(small) ? nm->ntok : 0);
	/*
	 * Tokens inside an upstream mention are not ours (prior_overlaps()):
	 * for each span by start, the tokens from the first that ends after
	 * it starts (j) while they start before it ends, past those the
	 * span before marked (next).
	 */
	for (c = j = next = 0; c < nm->pri.n; c++) {
		while (j < nm->ntok && nm->tok[j].e <= nm->pri.v[c].s)
			j++;
		for (k = j > next ? j : next; k < nm->ntok &&
		    nm->tok[k].s < nm->pri.v[c].e; k++)
			sc.used[k] = 1;
		if (k > next)
			next = k;
	}
	/*
	 * Known people first: they win over every other reading.  Neither
	 * reading starts at a word without a capital (T_INITIAL and
	 * T_ALLCAPS imply T_CAP): known_at() and unknown_at() return 0
	 * there at once, so only the words of nm->capj are asked (next:
	 * the first token after the last name found), and known_at() not
	 * at all without a case file.
	 */
	/*
	 * With quoted words or surnames with particles ("ap Rhodri"), a
	 * known name may start without a capital: then every token is
	 * asked, in order.
	 */
	lower = nm->nquoted > 0 || nm->nkc > 0;
	for (c = next = 0; (lower ? c < nm->ntok : c < nm->ncapj) &&
	    nm->cf != NULL && nm->nkw > 0; c++) {
		j = lower ? c : nm->capj[c];
		if (j < next || sc.used[j])
			continue;
		if (lower && !(nm->tok[j].f & T_CAP) &&
		    !(nm->tok[j].f & T_QUOTED) &&
		    (nm->nkc == 0 || !particle(nm, &nm->tok[j])))
			continue;
		used = known_at(&sc, j, &rc);
		if (rc == -1)
			break;
		if (used > 0) {
			claim(&sc, j, j + used);
			next = j + used;
		}
	}
	for (c = next = 0; rc == 0 && c < nm->ncapj; c++) {
		if ((j = nm->capj[c]) < next || sc.used[j])
			continue;
		used = unknown_at(&sc, j, &rc);
		if (used > 0) {
			for (k = j; k < j + used; k++)
				sc.used[k] = 1;
			next = j + used;
		}
	}
	if (rc == 0)
		lead_particles(&sc);
	if (sc.used != small)
		free(sc.used);
	if (rc == -1)
		goto oom;
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}
