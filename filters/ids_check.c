/*
 * ids_check.c — check digits and allocation rules of UK identifiers.
 *
 * These are the published algorithms (NHS Data Dictionary, HMRC National
 * Insurance Manual NIM39110, DfE "Unique Pupil Numbers" guidance, DVLA
 * registration format), written from their descriptions.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "ids.h"

int
ids_nhs_valid(const char *s, size_t len)
{
	int	 d[10], n = 0, sum = 0, check;
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (n == 10)
				return 0;
			d[n++] = s[i] - '0';
		} else if (s[i] != ' ' && s[i] != '-')
			return 0;
	}
	if (n != 10)
		return 0;
	for (i = 0; i < 9; i++)
		sum += d[i] * (int)(10 - i);
	check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	/* A remainder giving 10 is never issued. */
	return check != 10 && check == d[9];
}

int
ids_ni_prefix_valid(int a, int b)
{
	static const char *const unused[] = {
		"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"
	};
	char	 p[3];
	size_t	 i;

	a = toupper((unsigned char)a);
	b = toupper((unsigned char)b);
	if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
		return 0;
	if (strchr("DFIQUV", a) != NULL || strchr("DFIOQUV", b) != NULL)
		return 0;
	p[0] = (char)a;
	p[1] = (char)b;
	p[2] = '\0';
	for (i = 0; i < sizeof(unused) / sizeof(unused[0]); i++)
		if (strcmp(p, unused[i]) == 0)
			return 0;
	return 1;
}

/* The 23 letters of UPN check characters, in the order of their values. */
static const char upn_alpha[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

int
ids_upn_check_letter(const char *s, size_t len)
{
	const char	*p;
	int		 sum = 0, v, c;
	size_t		 i;

	if (len != 13)
		return 0;
	for (i = 1; i < 13; i++) {
		c = toupper((unsigned char)s[i]);
		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (i == 12 && (p = strchr(upn_alpha, c)) != NULL &&
		    c != '\0')
			v = (int)(p - upn_alpha);	/* temporary UPN */
		else
			return 0;
		sum += v * (int)(i + 1);
	}
	return upn_alpha[sum % 23];
}

int
ids_upn_valid(const char *s, size_t len)
{
	int	 want;

	if (len != 13 || (want = ids_upn_check_letter(s, len)) == 0)
		return 0;
	return toupper((unsigned char)s[0]) == want;
}

int
ids_vrm_age_valid(int tens, int units)
{
	int	 age;

	if (tens < 0 || tens > 9 || units < 0 || units > 9)
		return 0;
	age = tens * 10 + units;
	/* "51" was September 2001, "02" March 2002; 00, 01 and 50 unused. */
	return age >= 2 && age != 50;
}

int
ids_phone_national(const char *s, size_t len, char *out)
{
	size_t	 i = 0, n = 0;
	int	 intl = 0;

	if (len >= 3 && s[0] == '+' && s[1] == '4' && s[2] == '4') {
		i = 3;
		intl = 1;
	} else if (len >= 4 && memcmp(s, "0044", 4) == 0) {
		i = 4;
		intl = 1;
	}
	out[n++] = '0';
	if (intl) {
		/* "+44 (0)20 ...": the bracketed trunk zero is not dialled. */
		while (i < len && (s[i] == ' ' || s[i] == '-'))
			i++;
		if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		if (i + 2 < len && s[i] == '(' && s[i + 1] == '0' &&
		    s[i + 2] == ')')
			i += 3;
	}
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (n == 1 && s[i] == '0')
				continue;	/* the trunk 0; no NSN starts with 0 */
			if (n >= 15)
				return -1;
			out[n++] = s[i];
		} else if ((unsigned char)s[i] == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] == 0xa0)
			i++;		/* no-break space */
		else if (strchr(" -()", s[i]) == NULL || s[i] == '\0')
			return -1;
	}
	out[n] = '\0';
	return (int)n - 1;
}
