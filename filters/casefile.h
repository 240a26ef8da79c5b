/*
 * casefile.h — the case file: what the business unit already knows.
 *
 * CSV (UTF-8, RFC 4180, header row): name,role,aliases,dob,address,postcode,
 * pseudonym.  aliases are separated by ';'; dob is ISO 8601 (YYYY-MM-DD) or
 * empty.  Columns may come in any order; unknown columns are ignored; name
 * and role are required.  See anonymise(1) for the list of roles.
 *
 * The casefile owns every string in it; casefile_free() releases all.
 */
#ifndef CASEFILE_H
#define CASEFILE_H

#include <stddef.h>

enum case_role {
	ROLE_SUBJECT_CHILD,
	ROLE_SIBLING,
	ROLE_HALF_SIBLING,
	ROLE_MOTHER,
	ROLE_FATHER,
	ROLE_MOTHER_PARTNER,
	ROLE_FATHER_PARTNER,
	ROLE_GRANDMOTHER,
	ROLE_GRANDFATHER,
	ROLE_OTHER_CHILD,
	ROLE_OTHER_ADULT,
	ROLE_PROFESSIONAL,
	ROLE__COUNT
};

struct case_person {
	size_t		 line;		/* line of the CSV record, for messages */
	char		*name;		/* "Kayden Smith" */
	enum case_role	 role;
	char		**alias;	/* "Kay", "Kayden James Smith" */
	size_t		 nalias;
	char		*dob;		/* "2015-03-07" or "" */
	char		*address;	/* "182a Union Street, Grantham" or "" */
	char		*postcode;	/* "NG13 4PF" or "" */
	char		*pseudonym;	/* "" = the policy chooses */
};

struct casefile {
	struct case_person	*person;
	size_t			 nperson;
};

/*
 * Parses the case file at path.  Returns it, or NULL with a message in err
 * of the form "PATH:LINE: what is wrong" (or "PATH: strerror").
 */
struct casefile	*casefile_load(const char *path, char *err, size_t errlen);
/* The same over a buffer; name is used in messages. */
struct casefile	*casefile_parse(const char *buf, size_t len, const char *name,
		    char *err, size_t errlen);
void		 casefile_free(struct casefile *);

/* Returns the role's spelling in the file ("mother-partner"). */
const char	*case_role_name(enum case_role);
/* Returns the role for a spelling, or -1 when unknown. */
int		 case_role_parse(const char *s, size_t len);
/* Returns 'f' or 'm' when the role says the person's sex, else 0. */
int		 case_role_gender(int role);
/* Returns 1 for the roles of children. */
int		 case_role_is_child(int role);

#endif /* CASEFILE_H */
