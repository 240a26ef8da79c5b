/*
 * Unit tests for the pattern families of lexicons/flags that were written
 * for wording the dev corpus does not use (docs/corpus-b.md, items 22 and
 * 23).  Each family has passages that must flag and near misses that must
 * not.  The sentences, names and places are invented for these tests;
 * none comes from the dev corpus or from corpus B.  make check runs from
 * the top of the tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "flag.h"
#include "record.h"

#include "flag_fx.h"

#define YES(text, people, cat)	do {					\
	if (!flags(text, people, cat))					\
		fail_msg("not flagged %s: %s", cat, text);		\
} while (0)
#define NO(text, people, cat)	do {					\
	if (flags(text, people, cat))					\
		fail_msg("flagged %s: %s", cat, text);			\
} while (0)

static const char *const partner[] = { "mother-partner:Dean Morrow", NULL };
static const char *const father[] = { "father:Mr Okafor", NULL };
static const char *const gran[] = { "grandparent:Mrs Pryce", NULL };
static const char *const boy[] = { "subject-child:Ollie", NULL };
static const char *const girl[] = { "subject-child:Maisie", NULL };
static const char *const girl_mum[] = { "subject-child:Maisie",
    "mother:Ms Tully", NULL };
static const char *const sib[] = { "sibling:Rhys", NULL };
static const char *const mum[] = { "mother:Ms Tully", NULL };

/* Records someone has, other than "convicted of": cautions, convictions
 * abroad; an event of the chronology is not a record. */
static void
test_records(void **state)
{
	(void)state;
	YES("Dean Morrow had three previous cautions for harassment of "
	    "an ex-girlfriend.", partner, "third-party-history");
	YES("Dean Morrow has convictions in Portugal for theft and "
	    "affray.", partner, "third-party-history");
	YES("Dean Morrow has a caution from 2015 for possession of "
	    "cocaine.", partner, "third-party-history");
	NO("On 3 June 2019 Dean Morrow was cautioned for criminal damage "
	    "in Alnwick.", partner, "third-party-history");
	NO("Dean Morrow attended the meeting and gave his apologies for "
	    "the delay.", partner, "third-party-history");
}

/* A parent's own history: in care, married young, bereaved, indebted. */
static void
test_own_history(void **state)
{
	(void)state;
	YES("Mr Okafor was himself placed in care as a toddler when his "
	    "mother became ill.", father, "third-party-history");
	YES("Mr Okafor was in care himself as a teenager in another "
	    "county.", father, "third-party-history");
	YES("Mrs Pryce had herself been married at fifteen to a man "
	    "twice her age.", gran, "third-party-history");
	YES("Mrs Pryce said that three of her own children had died of "
	    "measles in a refugee camp.", gran, "third-party-history");
	YES("Ollie said his uncle owed a large sum to a loan shark and "
	    "that the men threatened his father.", boy,
	    "third-party-history");
	NO("Mr Okafor took the children into the care of their "
	    "grandmother for the weekend.", father, "third-party-history");
	NO("Mrs Pryce was married and lived nearby.", gran,
	    "third-party-history");
}

/* Uniqueness, media appearances, local figures, selection. */
static void
test_jigsaw_families(void **state)
{
	(void)state;
	YES("Maisie was the only Polish-speaking girl in her year at the "
	    "academy.", girl, "jigsaw-identifier");
	YES("Mr Okafor is one of the few Igbo-speaking pharmacists in the "
	    "town and is widely known there.", father, "jigsaw-identifier");
	YES("Mrs Pryce has appeared in a radio documentary about canal "
	    "boat families and is known locally as the ferry woman.",
	    gran, "jigsaw-identifier");
	YES("Maisie was chosen to represent the district in the junior "
	    "championships, and her photograph appeared in the weekly "
	    "paper.", girl, "jigsaw-identifier");
	YES("Mrs Pryce is well known in the parish as the church "
	    "organist.", gran, "jigsaw-identifier");
	YES("Mr Okafor was a serving soldier stationed at the barracks.",
	    father, "jigsaw-identifier");
	NO("Maisie was the only child at home when the visit took place.",
	    girl, "jigsaw-identifier");
	NO("The National Panel was notified within five working days.",
	    NULL, "jigsaw-identifier");
	NO("The health visitor appeared at the door without an "
	    "appointment.", NULL, "jigsaw-identifier");
}

/* Overdose wording and a relative's medicine. */
static void
test_overdose(void **state)
{
	(void)state;
	YES("Maisie took a deliberate overdose of her mother's "
	    "antidepressants.", girl, "self-harm-method");
	YES("Maisie had taken a large overdose of her father's tablets.",
	    girl, "self-harm-method");
	NO("Maisie was seen for a review of her prescribed medication.",
	    girl, "self-harm-method");
	NO("Training on overdose awareness was given to all staff.", NULL,
	    "self-harm-method");
}

/* Burns, patterned marks, implements, the course of a death. */
static void
test_injury_families(void **state)
{
	(void)state;
	YES("Ollie had partial-thickness burns to his left foot and "
	    "needed a skin graft.", boy, "injury-detail");
	YES("There were parallel linear marks across his thighs, which "
	    "the consultant said were consistent with being hit with a "
	    "cable.", NULL, "injury-detail");
	YES("Ollie went into cardiac arrest in the car park and died in "
	    "hospital later that day.", boy, "injury-detail");
	YES("Ollie was found face down in the bath and stopped breathing "
	    "before the paramedics arrived.", boy, "injury-detail");
	NO("There was no evidence of injury to Ollie.", boy,
	    "injury-detail");
	NO("The practitioners were trained in recognising patterned "
	    "bruising.", NULL, "injury-detail");
	NO("Ollie had a small graze on his knee, consistent with a fall.",
	    boy, "injury-detail");
}

/* Exploitation told in detail. */
static void
test_exploitation(void **state)
{
	(void)state;
	YES("On three occasions she was given ketamine by older men and "
	    "woke up in a car park without her clothes.", NULL,
	    "sexual-abuse-detail");
	NO("The partnership ran training on exploitation for taxi "
	    "drivers.", NULL, "sexual-abuse-detail");
	NO("She was given a lift home by her aunt.", NULL,
	    "sexual-abuse-detail");
}

/* "without" a necessity is harm, not a negation. */
static void
test_without_necessity(void **state)
{
	(void)state;
	YES("Ollie was without oxygen for several minutes; paramedics "
	    "restarted his heart and he died two days later.", boy,
	    "injury-detail");
	NO("Ollie was examined without any bruising or fractures being "
	    "seen.", boy, "injury-detail");
}

/* The child as the speaker; adults' quoted words do not flag. */
static void
test_child_speaker(void **state)
{
	(void)state;
	YES("Maisie told her key worker that \"Ms Tully sleeps all day\" "
	    "and that she was scared.", girl_mum, "child-voice");
	YES("Maisie told her teacher that \"nobody comes to get us\".",
	    girl, "child-voice");
	YES("Maisie said, \"Mama says I must not tell.\"", girl,
	    "child-voice");
	YES("Rhys said that he hid in the wardrobe when the shouting "
	    "started \"every single night\".", sib, "child-voice");
	NO("Ms Tully said: \"I love my daughter and I would never hurt "
	    "her.\"", mum, "child-voice");
	NO("DC Harland told the conference that \"we had nothing to go "
	    "on\".", NULL, "child-voice");
	NO("She said that \"we have lived here for years and nobody "
	    "helped us\".", NULL, "child-voice");
	NO("Dr Lowe said Maisie was \"doing well\" at the clinic.", girl,
	    "child-voice");
	/* Without case files no mention has a role: a bare name as the
	 * speaker stands in for the child, a title does not. */
	YES("Tegan later told the nurse: \"I get the tea because nobody "
	    "else does.\"", NULL, "child-voice");
	NO("Mrs Odell later told the nurse: \"I get the tea because "
	    "nobody else does.\"", NULL, "child-voice");
}

/* Where a child lives now, not the household at the time. */
static void
test_whereabouts_families(void **state)
{
	(void)state;
	YES("Rhys lives with his aunt and goes to the primary school "
	    "there; he sees his father every other weekend.", sib,
	    "current-whereabouts");
	YES("Rhys is living with his grandparents again after a spell in "
	    "foster care, and remains subject to a child protection "
	    "plan.", sib, "current-whereabouts");
	YES("The family have a new house on the coast and Rhys attends a "
	    "school nearby.", sib, "current-whereabouts");
	NO("Rhys (born 4 May 2015) lives with his mother, Kayleigh Dunn, "
	    "and his sister in a flat above a shop.", sib,
	    "current-whereabouts");
}

/* Illness of a relative; a finding is analysis. */
static void
test_health_families(void **state)
{
	(void)state;
	YES("Mrs Pryce has end-stage kidney disease and Maisie helped "
	    "with her personal care.", girl, "health-of-named-family");
	YES("Mr Okafor told the GP that he drank \"six or seven cans\" a "
	    "night and had raised liver enzymes.", father,
	    "health-of-named-family");
	NO("Finding 2: the needs of a young carer for a parent with "
	    "epilepsy were not assessed.", NULL, "health-of-named-family");
	NO("Mr Okafor drove Maisie to the dentist.", father,
	    "health-of-named-family");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_own_history),
		cmocka_unit_test(test_jigsaw_families),
		cmocka_unit_test(test_overdose),
		cmocka_unit_test(test_injury_families),
		cmocka_unit_test(test_exploitation),
		cmocka_unit_test(test_without_necessity),
		cmocka_unit_test(test_child_speaker),
		cmocka_unit_test(test_whereabouts_families),
		cmocka_unit_test(test_health_families),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
