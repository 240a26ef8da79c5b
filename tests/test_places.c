/* Unit tests of the anon-places scan: each address shape, places,
 * institutions and the allow-list. */
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
address_numbered(void **state)
{
	(void)state;
	scan("The family lived at 23 Linden Grove with the children.");
	expect("23 Linden Grove", "address", "", "linden grove");
	scan("Police attended 182a Union Street and 12-14 Mill Lane.");
	expect("182a Union Street", "address", "", "union street");
	expect("12-14 Mill Lane", "address", "", "mill lane");
}

static void
address_flat(void **state)
{
	(void)state;
	scan("She visited Flat 3, 12 Linden Grove by appointment.");
	expect("Flat 3, 12 Linden Grove", "address", "", "linden grove");
	scan("A letter went to Flat 20, Moor House, 159 Lodge Close, "
	    "Wardle Brook and was returned.");
	expect("Flat 20, Moor House, 159 Lodge Close, Wardle Brook", "address",
	    "", "lodge close");
}

static void
address_postal(void **state)
{
	(void)state;
	/* The town before the postcode is a place of its own; the locality
	 * stays in the address. */
	scan("It was sent to 12 Oak Road, Harrowdene, Oldham, OL8 2JD, where "
	    "the family lived.");
	expect("12 Oak Road, Harrowdene", "address", "", "oak road");
	expect("Oldham", "place", "town", "oldham");
	untouched("OL8 2JD");
	/* An invented town is found by its place before the postcode. */
	scan("He gave his address as 49 Lincoln Road, Upton Hall CA18 6HS.");
	expect("49 Lincoln Road", "address", NULL, NULL);
	expect("Upton Hall", "place", "town", NULL);
}

static void
address_capitals(void **state)
{
	(void)state;
	scan("ADDRESS: 23 LINDEN GROVE, OLDHAM");
	expect("23 LINDEN GROVE", "address", "", "linden grove");
	expect("OLDHAM", "place", "town", "oldham");
}

static void
address_street_only(void **state)
{
	(void)state;
	scan("A neighbour saw him outside Linden Grove that night.");
	expect("Linden Grove", "address", "", "linden grove");
	scan("The family's address on Hollybank Drive was widely known.");
	expect("Hollybank Drive", "address", "", "hollybank drive");
}

static void
address_house_name(void **state)
{
	(void)state;
	scan("The social worker visited Orchard Cottage, Chapel Close.");
	expect("Orchard Cottage, Chapel Close", "address", "", "chapel close");
	scan("Officers attended The Laurels, Cross Lane, Inverness IV22 5SL.");
	expect("The Laurels, Cross Lane", "address", "", "cross lane");
	expect("Inverness", "place", "town", "inverness");
}

static void
address_without_suffix(void **state)
{
	(void)state;
	scan("The family moved to 103 The Woodlands in May.");
	expect("103 The Woodlands", "address", "", "the woodlands");
	scan("A letter was sent to 36 Riverside, Bootle L39 1LF.");
	expect("36 Riverside", "address", NULL, NULL);
	expect("Bootle", "place", "town", NULL);
}

static void
address_traps(void **state)
{
	(void)state;
	scan("1.8 The Partnership would like to thank the family.");
	assert_int_equal(ml.n, 0);
	scan("The case was heard in the Family Court under the Children Act "
	    "1989.");
	assert_int_equal(ml.n, 0);
	/* A forename + a surname that is a street word is a person. */
	scan("Dr Smith told Sarah Lane about the plan.");
	untouched("Sarah Lane");
	/* A person after an address is not its locality. */
	scan("They visited 23 Linden Grove, Kayden was seen in his room.");
	expect("23 Linden Grove", "address", NULL, NULL);
	untouched("Kayden");
}

static void
places_context(void **state)
{
	(void)state;
	scan("The family moved to Dixoning from Tranter Cross in 2016.");
	expect("Dixoning", "place", NULL, "dixoning");
	expect("Tranter Cross", "place", NULL, "tranter cross");
	scan("They lived on the Beechwood estate and played near Albert Park.");
	expect("Beechwood", "place", "estate", "beechwood");
	expect("Albert Park", "place", "park", "albert park");
	scan("He was interviewed at Tranter Cross police station.");
	expect("Tranter Cross", "place", NULL, "tranter cross");
}

static void
places_ambiguous(void **state)
{
	(void)state;
	/* Ordinary words need context. */
	scan("Reading the records, Hope was expressed that March would be "
	    "better.");
	assert_int_equal(ml.n, 0);
	scan("The family had moved to Reading in 2015.");
	expect("Reading", "place", "town", "reading");
	/* A person's surname that is also a town. */
	scan("Mr Newton and Kevin Newton attended.");
	assert_int_equal(ml.n, 0);
	scan("Her history with Children's Social Care in Grantham was long.");
	expect("Grantham", "place", "town", "grantham");
	untouched("Children's Social Care");
	scan("London: Department for Education.");
	assert_int_equal(ml.n, 0);
}

static void
institutions(void **state)
{
	(void)state;
	scan("Kayden attended St Bede’s RC Primary School from 2016.");
	expect("St Bede’s RC Primary School", "institution", "school",
	    "st bede's rc primary school");
	scan("Staff at St Bede's said he was happy.");
	expect("St Bede's", "institution", "school",
	    "st bede's rc primary school");
	scan("He was registered with Moorside Medical Practice and later with "
	    "Dr Khan and Partners.");
	expect("Moorside Medical Practice", "institution", "gp", NULL);
	expect("Dr Khan and Partners", "institution", "gp", NULL);
	scan("He was taken to the Royal Oldham Hospital, then to the Neonatal "
	    "Unit.");
	expect("Royal Oldham Hospital", "institution", "hospital", NULL);
	untouched("Neonatal Unit");
	scan("A meeting was held at Sure Start Millbeck and at Elm Family Hub.");
	expect("Sure Start Millbeck", "institution", "children-centre", NULL);
	expect("Elm Family Hub", "institution", "children-centre", NULL);
	scan("She and the children moved into Thorn House after an incident.");
	expect("Thorn House", "institution", NULL, NULL);
	scan("The Child Safeguarding Practice Review Panel and the "
	    "Multi-Agency Safeguarding Hub were told.");
	assert_int_equal(ml.n, 0);
}

static void
allow_list(void **state)
{
	(void)state;
	assert_true(places_allowed(ctx, "children's social care", 22));
	assert_true(places_allowed(ctx, "camhs", 5));
	assert_false(places_allowed(ctx, "linden grove", 12));
}

/* A head noun inside an allowed phrase heads no institution; alone it does. */
static void
partnership_not_practice(void **state)
{
	(void)state;
	scan("The Marbury Safeguarding Children Partnership met in June.");
	untouched("Safeguarding Children Partnership");
	scan("She was registered at Hollins Vale Medical Partnership.");
	expect("Hollins Vale Medical Partnership", "institution", "gp", NULL);
	scan("Their address on The Larches was known to neighbours.");
	expect("The Larches", "address", NULL, NULL);
	scan("He moved to The Netherlands at The end of May.");
	untouched("The Netherlands");
	scan("R7 Schools should keep records when a child moves.");
	untouched("R7 Schools");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(address_numbered),
		cmocka_unit_test(address_flat),
		cmocka_unit_test(address_postal),
		cmocka_unit_test(address_capitals),
		cmocka_unit_test(address_street_only),
		cmocka_unit_test(address_house_name),
		cmocka_unit_test(address_without_suffix),
		cmocka_unit_test(address_traps),
		cmocka_unit_test(places_context),
		cmocka_unit_test(places_ambiguous),
		cmocka_unit_test(institutions),
		cmocka_unit_test(allow_list),
		cmocka_unit_test(partnership_not_practice),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
