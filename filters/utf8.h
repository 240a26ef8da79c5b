/*
 * utf8.h — UTF-8 checks and code point arithmetic.  No allocation.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Returns 1 when s[0..len) is well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF).  Otherwise returns 0 and sets *bad
 * to the offset of the first byte of the first invalid sequence.
 */
int	utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * Decodes the code point at s[0..len) into *cp and returns its length in
 * bytes (1..4), or returns 0 at the end and -1 on an invalid sequence.
 */
int	utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Returns the number of code points in s[0..len) (valid UTF-8 assumed). */
size_t	utf8_count(const char *s, size_t len);

/* Returns the offset of the code point starting at or before off. */
size_t	utf8_back(const char *s, size_t off);

#endif /* UTF8_H */
