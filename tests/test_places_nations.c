/*
 * Unit tests of anon-places on wording of Wales, Scotland, Northern
 * Ireland and of families from abroad: street-first street names, flat
 * positions, flats in named buildings and sites, house names before a
 * number, places of worship and businesses, nations and languages that
 * are not places, and place contexts.  Every street, building and
 * institution here is invented.
 */
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

static void
street_type_first(void **state)
{
	(void)state;
	scan("They rented 7 Heol y Garreg, Llanbedrig, LL53 9QA from May.");
	expect("7 Heol y Garreg", "address", "", "heol y garreg");
	expect("Llanbedrig", "place", "town", NULL);
	scan("Her mother lived at 12 Rathad na Mara and later at "
	    "4 Cnoc an t-Seagail.");
	expect("12 Rathad na Mara", "address", NULL, NULL);
	expect("4 Cnoc an t-Seagail", "address", NULL, NULL);
	scan("A letter went to 21 Bóthar an Tobair in the spring.");
	expect("21 Bóthar an Tobair", "address", NULL, NULL);
	/* Without a number the type word alone is no street. */
	scan("Heol is a common word in the names of Welsh streets.");
	untouched("Heol");
}

static void
flat_positions(void **state)
{
	(void)state;
	scan("She moved to Flat 0/2, 31 Dunvegan Street with the baby.");
	expect("Flat 0/2, 31 Dunvegan Street", "address", NULL,
	    "dunvegan street");
	scan("The tenancy of 3F2, 8 Rosslyn Terrace ended in June.");
	expect("3F2, 8 Rosslyn Terrace", "address", NULL, "rosslyn terrace");
	/* A score or a fraction before a number is no flat. */
	scan("She scored 4/5, 12 points more than before.");
	assert_int_equal(ml.n, 0);
}

static void
flat_in_building_or_site(void **state)
{
	(void)state;
	scan("The family were placed at Flat 9, Juniper House, Alder Estate, "
	    "Wexcombe, WX4 2QP for a month.");
	expect("Flat 9, Juniper House, Alder Estate", "address", NULL, NULL);
	expect("Wexcombe", "place", "town", NULL);
	scan("They lived on Pitch 14, Willow Bank Caravan Site, near "
	    "Holbeach.");
	expect("Pitch 14, Willow Bank Caravan Site", "address", NULL, NULL);
	scan("Officers searched Unit 12, Sandpiper Industrial Estate, "
	    "Wexcombe, WX4 7QL.");
	expect("Unit 12, Sandpiper Industrial Estate", "address", NULL, NULL);
	scan("He was in Flat 2, Kestrel Court when the police came.");
	expect("Flat 2, Kestrel Court", "address", NULL, NULL);
	scan("The family stopped on Heron Drove for a week.");
	expect("Heron Drove", "address", NULL, NULL);
}

static void
house_name_before_number(void **state)
{
	(void)state;
	scan("The grandparents lived at Tigh na Mara, 6 Kirkton Road, "
	    "Balnacraig.");
	expect("Tigh na Mara, 6 Kirkton Road, Balnacraig", "address", NULL,
	    "kirkton road");
	/* Not after "at": a person named before an address stays out. */
	scan("She told Jane Orrell, 6 Kirkton Road, about the visit.");
	untouched("Jane Orrell");
}

static void
worship_and_business(void **state)
{
	(void)state;
	scan("The family attend Bethel Gospel Church and the boys go to "
	    "Darul Ilm Mosque on Fridays.");
	expect("Bethel Gospel Church", "institution", "other", NULL);
	expect("Darul Ilm Mosque", "institution", "other", NULL);
	scan("He works nights at Brackwell Foods Ltd and she at Glow Nails.");
	expect("Brackwell Foods Ltd", "institution", "other", NULL);
	expect("Glow Nails", "institution", "other", NULL);
	/* The possessive is outside the span; the key is the name's. */
	scan("Bright Sparks Day Nursery's records were detailed.");
	expect("Bright Sparks Day Nursery", "institution", "nursery",
	    "bright sparks day nursery");
	/* Denominations alone name no congregation. */
	scan("She was baptised in the Pentecostal Church as a girl.");
	untouched("Pentecostal Church");
	/* A party to a cited case is not a place that locates anyone. */
	scan("See Tarnley Holdings Ltd v. Orrell for the test.");
	untouched("Tarnley Holdings Ltd");
}

static void
institution_short_forms(void **state)
{
	(void)state;
	/* The head first, the name after "for". */
	scan("Ruth was taken to the Royal Hospital for Sick Children.");
	expect("Royal Hospital for Sick Children", "institution", "hospital",
	    NULL);
	scan("The Hospital for Children is a phrase, not a name.");
	untouched("Hospital for Children");
	/* An acronym of an institution named before. */
	scan("She was admitted to Wexcombe General Infirmary in May.");
	expect("Wexcombe General Infirmary", "institution", "hospital", NULL);
	scan("The WGI discharged her; the GP was told.");
	expect("WGI", "institution", "hospital", "wexcombe general infirmary");
	scan("The XYZ report was late.");
	untouched("XYZ");
	/* The naming word alone once the rest was generic. */
	scan("She went missing from Ashdene Residential Unit twice.");
	expect("Ashdene Residential Unit", "institution", NULL, NULL);
	scan("Staff at Ashdene reported it.");
	expect("Ashdene", "institution", NULL, "ashdene residential unit");
}

static void
nations_and_languages(void **state)
{
	(void)state;
	scan("The interview was held in Tigrinya with an interpreter.");
	untouched("Tigrinya");
	scan("Outreach work in Eritrean communities was limited.");
	untouched("Eritrean");
	scan("Her brother moved to Sweden and then to Wales.");
	untouched("Sweden");
	untouched("Wales");
	scan("The Children's Reporter and Police Scotland were told.");
	assert_int_equal(ml.n, 0);
	/* A town cited as an author is not a place. */
	scan("Fathers are often missed (Hartfield and Poole, 2018).");
	untouched("Poole");
}

static void
place_contexts(void **state)
{
	(void)state;
	scan("They found a flat in the Cranmoor area of the city.");
	expect("Cranmoor", "place", NULL, NULL);
	scan("Her father came to England from Gdańsk in 2015.");
	expect("Gdańsk", "place", NULL, NULL);
	untouched("England");
	scan("The children stayed on Eigg with their aunt.");
	expect("Eigg", "place", NULL, NULL);
	/* A townland or village before its county. */
	scan("The children were with relatives in Carrickbeg, County "
	    "Tyrone, for the summer.");
	expect("Carrickbeg", "place", NULL, NULL);
	expect("Tyrone", "place", NULL, NULL);
	scan("The letter was signed by Sarah, County Council officer.");
	untouched("Sarah");
	untouched("Council");
	/* A month is a town only before a postcode. */
	scan("They lived near May, AB12 3CD until the spring.");
	expect("May", "place", "town", NULL);
	scan("They lived near the coast in May 2021.");
	untouched("May");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(street_type_first),
		cmocka_unit_test(flat_positions),
		cmocka_unit_test(flat_in_building_or_site),
		cmocka_unit_test(house_name_before_number),
		cmocka_unit_test(worship_and_business),
		cmocka_unit_test(institution_short_forms),
		cmocka_unit_test(nations_and_languages),
		cmocka_unit_test(place_contexts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
