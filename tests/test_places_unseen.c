/* Unit tests of anon-places on streets and towns no lexicon knows:
 * capitals outside ASCII, house names before weak street suffixes, and
 * "moved to X from Y".  Every name here is invented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "places.h"
#include "record.h"

#include "places_scan.h"

/* Streets named after people from outside England: capitals outside ASCII
 * (Ž and Ł are odd code points of Latin Extended-A). */
static void
unicode_streets(void **state)
{
	(void)state;
	scan("The family lived at Flat 2, 14 Žemaitis Road, Hexby, "
	    "WF1 2EN.");
	expect("Flat 2, 14 Žemaitis Road", "address", "", "žemaitis road");
	scan("Police attended 3 Łęczycki Street and 9 Ó Briain Avenue.");
	expect("3 Łęczycki Street", "address", "", "łęczycki street");
	expect("9 Ó Briain Avenue", "address", "", "ó briain avenue");
	scan("A letter went to 41 Ėglutė Close and 5 Ștefănescu Lane.");
	expect("41 Ėglutė Close", "address", "", "ėglutė close");
	expect("5 Ștefănescu Lane", "address", NULL, NULL);
	scan("ADDRESS: 7 ŻELAZNY DRIVE, OLDHAM");
	expect("7 ŻELAZNY DRIVE", "address", "", "żelazny drive");
	/* A street seen once is found alone later in the document. */
	scan("A neighbour saw him outside Žemaitis Road that night.");
	expect("Žemaitis Road", "address", "", "žemaitis road");
}

/* A house name before a street with a weak suffix (Approach, Rise, Way,
 * Chase, Walk) is an address; two people separated by a comma are not. */
static void
house_name_weak_suffix(void **state)
{
	(void)state;
	scan("They were living at Bramble Cottage, Quenford Approach with "
	    "the children.");
	expect("Bramble Cottage, Quenford Approach", "address", "",
	    "quenford approach");
	/* The house alone later is the same address (the street's key). */
	scan("Neighbours at Bramble Cottage heard shouting.");
	expect("Bramble Cottage", "address", "", "quenford approach");
	scan("The family lived at Heron View, Tolliver Rise, Oldham, "
	    "OL8 2JD.");
	expect("Heron View, Tolliver Rise", "address", "", "tolliver rise");
	expect("Oldham", "place", "town", "oldham");
	scan("He visited Pear Tree Farm, Maddox Chase unannounced.");
	expect("Pear Tree Farm, Maddox Chase", "address", "", "maddox chase");
	scan("The police attended Moor Lodge, Brennick Walk twice.");
	expect("Moor Lodge, Brennick Walk", "address", "", "brennick walk");
	/* Hall, Lodge, House are surnames too: two people stay people. */
	scan("Present were Sarah Hall, Emma Chase and the health visitor.");
	untouched("Sarah Hall");
	untouched("Emma Chase");
	scan("Present were Kevin Lodge, Anna Way and the health visitor.");
	untouched("Kevin Lodge");
	untouched("Anna Way");
}

/* "moved to X from Y": Y is a place even when X was taken as the short
 * form of an institution named after the town. */
static void
moved_from_after_short_form(void **state)
{
	(void)state;
	scan("Her baby was born at Quenby General Hospital in 2019.");
	expect("Quenby General Hospital", "institution", "hospital", NULL);
	scan("The family had moved to Quenby from Tarrowmede about six "
	    "months before.");
	expect("Tarrowmede", "place", NULL, "tarrowmede");
	/* Nothing before "from" that was moved to: no place context. */
	scan("A letter from Quenby Hospital arrived.");
	untouched("letter from");
}

/* Unknown places in a move context whose first word is a known proper
 * noun: a place-name ending or a street word last. */
static void
moved_from_unknown_place(void **state)
{
	(void)state;
	scan("The family had moved to Oldham from Wordsworth Fold about "
	    "three years before.");
	expect("Oldham", "place", "town", "oldham");
	expect("Wordsworth Fold", "place", NULL, "wordsworth fold");
	scan("The family had moved to Ainsworth Brow in 2016.");
	expect("Ainsworth Brow", "place", NULL, "ainsworth brow");
	/* Ordinary words first are no place ("went to Family Court"). */
	scan("The mother went to Family Court in May.");
	untouched("Family Court");
}

/* A place or house seen once in the document is found again without the
 * words that found it. */
static void
document_memory(void **state)
{
	(void)state;
	scan("The family lived at 12 Oak Road, Marrowby Cross, DN4 7QT.");
	expect("Marrowby Cross", "place", "town", "marrowby cross");
	scan("She grew up in Marrowby Cross and Hull.");
	expect("Marrowby Cross", "place", "town", "marrowby cross");
	scan("Later Marrowby Cross police were called.");
	expect("Marrowby Cross", "place", NULL, "marrowby cross");
	scan("The family moved to 58 The Hollies in May.");
	expect("58 The Hollies", "address", "", "the hollies");
	scan("Shouting at The Hollies was reported by a neighbour.");
	expect("The Hollies", "address", "", "the hollies");
	/* A suffix word that is also an ending ("Brook") counts as a suffix:
	 * the whole name, not the gazetteer town inside it. */
	scan("They worshipped at a chapel in Thirsk Brook.");
	expect("Thirsk Brook", "place", NULL, "thirsk brook");
}

/* A house name alone after a preposition; "St." with its full stop. */
static void
house_name_alone(void **state)
{
	(void)state;
	scan("They were living at Quillon Cottage at the time.");
	expect("Quillon Cottage", "address", "", "quillon cottage");
	scan("Officers visited Harrowgate Farm, near Thirsk.");
	expect("Harrowgate Farm", "address", "", "harrowgate farm");
	expect("Thirsk", "place", "town", "thirsk");
	/* Seen once, the house is found again alone. */
	scan("Quillon Cottage was cold and damp.");
	expect("Quillon Cottage", "address", "", "quillon cottage");
	/* Surname-like or block heads alone, and longer names, are not. */
	scan("The meeting was held at County Hall and at Access Point.");
	untouched("County Hall");
	untouched("Access Point");
	scan("She attended Marigold Cottage Nursery from 2018.");
	expect("Marigold Cottage Nursery", "institution", "nursery", NULL);
	scan("The family lived at 23 St. Aidan's Road with the children.");
	expect("23 St. Aidan's Road", "address", "", "st aidan's road");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unicode_streets),
		cmocka_unit_test(house_name_weak_suffix),
		cmocka_unit_test(moved_from_after_short_form),
		cmocka_unit_test(moved_from_unknown_place),
		cmocka_unit_test(document_memory),
		cmocka_unit_test(house_name_alone),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
