/* utf8.c — UTF-8 validation and code point arithmetic (RFC 3629). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

int
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t	 c, min;
	int		 n, i;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return -1;		/* continuation byte or overlong lead */
	else if (c < 0xE0)
		n = 2, c &= 0x1F, min = 0x80;
	else if (c < 0xF0)
		n = 3, c &= 0x0F, min = 0x800;
	else if (c < 0xF5)
		n = 4, c &= 0x07, min = 0x10000;
	else
		return -1;
	if ((size_t)n > len)
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t	 i = 0;
	uint32_t cp;
	int	 n;

	while (i < len) {
		/* ASCII fast path: most of a report is ASCII; eight bytes
		 * at a time. */
		if ((unsigned char)s[i] < 0x80) {
			uint64_t w;

			i++;
			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) <= 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += (size_t)n;
	}
	return 1;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t
utf8_back(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}
