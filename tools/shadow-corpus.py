#!/usr/bin/env python3
"""shadow-corpus: make a "shadow" of a gold corpus with other names and places.

Every gold person, address, postcode, place and institution (and the names
inside e-mail addresses and URLs) is replaced by a different, plausible one,
consistently per entity and per name part; all gold offsets (mentions, flags,
keep spans) are recomputed, and the case files are rewritten to match.  The
replacement data (tools/shadow/) does not come from the sources lexicons/ was
built from; by default no replacement name or place word occurs anywhere in
the input corpus's gold, so the shadow measures how detection generalises to
names it has never seen.  Text only: DOCX files are skipped.

usage: shadow-corpus.py [--seed N] [--docs ID,ID] [--keep-dev-names] GOLD_DIR OUT_DIR
Exit status: 0 done and self-check clean, 1 self-check found mismatches,
2 usage or unreadable input.
"""

import argparse
import bisect
import csv
import difflib
import io
import json
import os
import random
import re
import sys
import unicodedata

PROG = "shadow-corpus"
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shadow")

# Share of new surnames by community (percent-like weights).  "invented"
# makes a plausible name no list holds.
ORIGIN_WEIGHTS = [
    ("british", 46), ("irish", 5), ("scottish", 3), ("welsh", 3),
    ("polish", 6), ("romanian", 4), ("lithuanian", 2), ("pakistani", 5),
    ("bangladeshi", 3), ("indian", 4), ("somali", 3), ("nigerian", 4),
    ("ghanaian", 2), ("caribbean", 2), ("arabic", 3), ("turkish", 2),
    ("afghan", 1), ("eritrean", 1), ("chinese", 1), ("vietnamese", 1),
    ("invented", 6),
]

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pc", "dc",
    "ds", "di", "dci", "dsi", "sgt", "sergeant", "insp", "inspector", "pcso",
    "nurse", "sister", "rev", "revd", "reverend", "cllr", "sir", "dame",
    "lord", "lady", "det", "detective", "constable", "supt", "judge",
    "hhj", "mstr", "master", "ps", "ci", "psi", "dsu", "acc", "cc",
}

INST_DESIGNATORS = {
    "school", "primary", "high", "academy", "infant", "infants", "junior",
    "nursery", "college", "community", "medical", "practice", "health",
    "centre", "center", "surgery", "general", "district", "hospital",
    "infirmary", "children's", "children’s", "childrens", "family", "hub",
    "sure", "start", "house", "court", "lodge", "foyer", "mother", "and",
    "baby", "unit", "royal", "st", "saint", "rc", "catholic", "c", "of", "e",
    "ce", "church", "england", "dr", "partners", "the", "university",
    "teaching", "trust", "nhs", "foundation", "clinic", "pupil", "referral",
    "special", "free", "secondary", "grammar", "sixth", "form", "group",
    "care", "home", "project", "service", "services", "road", "street",
    "lane", "&", "women's", "women’s", "maternity", "mental", "adolescent",
    "ward", "centre,", "city", "county", "memorial", "county's",
}
DIRECTIONALS = {"north", "south", "east", "west", "northern", "southern",
                "eastern", "western", "central", "pennine", "new", "upper",
                "lower", "great", "little", "old"}

BUILDING_HEADS = {"house", "court", "lodge", "mansions", "cottage",
                  "cottages", "tower", "towers", "heights", "point", "place",
                  "buildings", "flats", "view", "hall", "mill", "farm"}

DOMAIN_WORDS = {"www", "http", "https", "com", "co", "uk", "org", "net",
                "gov", "nhs", "sch", "ac", "gmail", "hotmail", "outlook",
                "yahoo", "icloud", "live", "btinternet", "aol", "mail",
                "tiktok", "facebook", "instagram", "x", "twitter", "snapchat",
                "linkedin", "police", "pnn", "nhsmail", "net", "me", "cjsm"}

INITIAL_RE = re.compile(r"^(?:[A-Z]\.?\s?){1,4}$")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
POSTCODE_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
LONDON_DISTRICTS = [("EC", "1A"), ("EC", "1M"), ("EC", "2V"), ("EC", "3N"),
                    ("EC", "4M"), ("WC", "1B"), ("WC", "1X"), ("WC", "2H"),
                    ("W", "1D"), ("W", "1F"), ("W", "1T"), ("SW", "1A"),
                    ("SW", "1P"), ("SW", "1V"), ("E", "1W"), ("N", "1C"),
                    ("SE", "1P"), ("NW", "1W")]
SPECIAL_FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                "ß": "ss", "ı": "i", "İ": "I", "æ": "ae", "Æ": "AE",
                "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th"}


def strip_marks(s):
    s = "".join(SPECIAL_FOLD.get(c, c) for c in s)
    d = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize(
        "NFC", "".join(c for c in d if not unicodedata.combining(c)))


def fold(s):
    return strip_marks(s).replace("’", "'").lower()


def apply_case(old, new):
    """Give new the letter case pattern of old (ALL CAPS, lower, as is)."""
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and all(c.islower() for c in letters):
        return new.lower()
    return new


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def dictionary_words():
    """Lower-case words of the system's en_GB hunspell dictionary, so that
    invented names are not ordinary words ("Garden").  Empty if absent."""
    words = set()
    for path in ("/usr/share/hunspell/en_GB.dic",
                 "/usr/share/hunspell/en_US.dic"):
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for ln in f:
                    w = ln.split("/", 1)[0].strip()
                    if w and w.islower():
                        words.add(w)
        except OSError:
            continue
        break
    return words


class Data:
    def __init__(self):
        self.dictionary = dictionary_words()
        self.names = {}         # (kind, origin) -> [name]
        with open(os.path.join(DATA, "names.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                kind, origin, name, src = (line.rstrip("\n").split("\t")
                                           + [""])[:4]
                if kind not in ("f", "m", "s"):
                    continue
                if src == "moby" and name.lower() in self.dictionary:
                    continue        # "Seem", "Ten": word lists, not names
                self.names.setdefault((kind, origin), []).append(name)
        for k in self.names:
            self.names[k] = sorted(set(self.names[k]))
        self.towns = read_list("towns.txt")
        self.place = read_sections("place-parts.txt")
        self.street = read_sections("street-parts.txt")
        self.suffix_groups = read_sections("street-suffixes.txt")
        self.suffix_kind = {}
        for g, words in self.suffix_groups.items():
            for w in words:
                self.suffix_kind[w.lower()] = g
        self.areas = read_list("postcode-areas.txt")[0].split()


def read_list(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [ln.strip() for ln in f
                if ln.strip() and not ln.startswith("#")]


def read_sections(name):
    out = {}
    for ln in read_list(name):
        head, *words = ln.split()
        out[head] = words
    return out


class Shadow:
    """Replacement state of one document."""

    def __init__(self, data, rng, exclude):
        self.d = data
        self.rng = rng
        self.exclude = exclude      # folded words never to be used as new
        self.used = set()           # folded new words in this document
        self.tok = {}               # fold(old name part) -> new part
        self.tok_src = {}           # fold(old) -> old spelling (diacritics)
        self.tok_origin = {}        # fold(old surname) -> origin of new
        self.nick = {}              # entity id -> (old nick, new nick)
        self.place = {}             # fold(old place phrase) -> new phrase
        self.street = {}            # fold(old street) -> new street
        self.postcode = {}          # old postcode (no space, upper) -> new
        self.inst_run = {}          # fold(old run) -> new run
        self.persons = {}           # entity id -> dict of parts
        self.generic = (set(data.suffix_kind) | BUILDING_HEADS
                        | INST_DESIGNATORS | DIRECTIONALS
                        | {w.lower() for w in data.place["second"]}
                        | {"the", "st", "park", "estate"})

    # ---- choosing new values -------------------------------------------
    def ok(self, word):
        f = fold(word)
        if f in self.exclude or f in self.used or f in self.tok:
            return False
        for w in re.split(r"[\s-]+", word):
            fw = fold(w)
            if fw in self.generic:
                continue
            if fw in self.exclude or fw in self.used or fw in self.tok:
                return False
        return True

    def take(self, word):
        self.used.add(fold(word))
        for w in re.split(r"[\s-]+", word):
            if fold(w) not in self.generic:
                self.used.add(fold(w))
        return word

    def pick(self, pool, make=None):
        pool = [w for w in pool if self.ok(w)]
        if pool:
            return self.take(self.rng.choice(pool))
        for _ in range(400):
            w = (make or self.invent_name)()
            if self.ok(w) and not any(
                    x.lower() in self.d.dictionary for x in w.split()
                    if fold(x) not in self.generic):
                return self.take(w)
        raise RuntimeError("cannot find an unused replacement")

    def origin(self):
        total = sum(w for _, w in ORIGIN_WEIGHTS)
        r = self.rng.uniform(0, total)
        for o, w in ORIGIN_WEIGHTS:
            r -= w
            if r <= 0:
                return o
        return "british"

    def invent_name(self, kind="s"):
        """A plausible name that no list holds: syllables in English-like
        or West-African/South-Asian/Slavic-like patterns."""
        r = self.rng
        style = r.choice(["en", "en", "af", "sa", "sl"])
        if kind != "s":
            a, b = {
                "en": (["Bryn", "Cal", "Dar", "El", "Jo", "Kes", "Lor", "Mar",
                        "Row", "Tam", "Ver", "Wyn", "Zan", "Ari", "Bel"],
                       ["a", "en", "ie", "yn", "ion", "ella", "ey", "o",
                        "issa", "ric"]),
                "af": (["Ade", "Chi", "Olu", "Ife", "Nne", "Ama", "Kel", "Obi",
                        "Tobi", "Eni"],
                       ["dayo", "nonso", "wa", "bunmi", "dinma", "yo", "kachi",
                        "lade", "sola", "oma"]),
                "sa": (["Har", "Sur", "Man", "Par", "Bal", "Jas", "Nav", "Tar",
                        "Dev", "Ar"],
                       ["vinder", "meet", "preet", "jeet", "deep", "ika", "esh",
                        "ansh", "nita", "jot"]),
                "sl": (["Bro", "Zby", "Mie", "Rad", "Wit", "Sta", "Bo", "Ja",
                        "Mi", "Wło"],
                       ["sław", "mir", "sza", "nka", "wa", "dek", "rosz",
                        "lina", "cek", "ida"]),
            }[style]
            return r.choice(a) + r.choice(b)
        if style == "en":
            a = r.choice(["Brad", "Cal", "Dun", "Fen", "Gal", "Hart", "Kel",
                          "Lor", "Mar", "Nor", "Pem", "Quen", "Rad", "Sel",
                          "Tam", "Ver", "Wes", "Yar", "Ash", "Cor"])
            b = r.choice(["wick", "ston", "ley", "dell", "ford", "more",
                          "by", "den", "ham", "ridge", "well", "cott"]
                         if kind == "s" else
                         ["a", "en", "ie", "yn", "ion", "ella", "ey", "o"])
        elif style == "af":
            a = r.choice(["Ade", "Oke", "Chi", "Olu", "Ife", "Nna", "Ebu",
                          "Aba", "Kwa", "Ose"])
            b = r.choice(["kanmi", "nwoye", "dozie", "rinde", "lowo",
                          "bisi", "meka", "femi", "tunji", "yemi"])
        elif style == "sa":
            a = r.choice(["Har", "Sur", "Man", "Par", "Ra", "Bal", "Jas",
                          "Nav", "Tar", "Dev"])
            b = r.choice(["vinder", "meet", "preet", "jeet", "deep",
                          "want", "bir", "vanth", "ika", "esh"])
        else:
            a = r.choice(["Brz", "Grab", "Kul", "Mrow", "Pol", "Sob",
                          "Szcz", "Wil", "Zaw", "Chmur"])
            b = r.choice(["iecki", "owiak", "ańczyk", "ewicz", "arek",
                          "yński", "ucha", "ela", "ik", "oń"])
        return a + b

    def new_surname(self, old):
        f = fold(old)
        if f in self.tok:
            return self.tok[f]
        o = self.origin()
        if o == "invented":
            new = self.pick([], lambda: self.invent_name("s"))
        else:
            new = self.pick(self.d.names.get(("s", o), [])
                            or self.d.names[("s", "british")])
        self.set_tok(old, new, o)
        return new

    def new_forename(self, old, gender, origin):
        f = fold(old)
        if f in self.tok:
            return self.tok[f]
        o = origin
        x = self.rng.random()
        if x < 0.08 or o == "invented":
            new = self.pick([], lambda: self.invent_name("f"))
        else:
            if x < 0.2:             # mixed families, anglicised names
                o = self.origin()
                if o == "invented":
                    o = "british"
            g = gender if gender in ("f", "m") else self.rng.choice("fm")
            new = self.pick(self.d.names.get((g, o), [])
                            or self.d.names[(g, "british")])
        self.set_tok(old, new, o)
        return new

    def set_tok(self, old, new, origin=None):
        f = fold(old)
        self.tok[f] = new
        self.tok_src.setdefault(f, old)
        if origin:
            self.tok_origin[f] = origin

    def new_nick(self, first):
        m = re.match(r"[^aeiouy]*[aeiouy]+[^aeiouy]?", first, re.I)
        n = m.group(0) if m else first[:3]
        if len(n) < 3:
            n = first[:3]
        if len(n) >= len(first):
            n = first[:max(2, len(first) - 1)] + self.rng.choice(["ie", "y"])
        return n

    # ---- persons ----------------------------------------------------------
    def add_person(self, e, case_person=None):
        canon = e["canonical"].split()
        parts = {"first": canon[0], "last": canon[-1] if len(canon) > 1
                 else None, "middle": e.get("middle")}
        if parts["last"]:
            for piece in parts["last"].split("-"):
                self.new_surname(piece)
            origin = self.tok_origin.get(fold(parts["last"].split("-")[-1]),
                                         "british")
        else:
            origin = self.origin()
        fores = [parts["first"]] + canon[1:-1] + (
            parts["middle"].split() if parts["middle"] else [])
        for fn in fores:
            for piece in WORD_RE.findall(fn):
                self.new_forename(piece, e.get("gender"), origin)
        if e.get("nickname"):
            newfirst = self.tok[fold(WORD_RE.findall(parts["first"])[0])]
            base = self.new_nick(newfirst)
            nk = None
            stem = base.rstrip("aeiouy") or base
            for c in (base, newfirst[:4], stem + "ie", stem + "y",
                      stem + "o", newfirst[:2] + "z"):
                if self.ok(c) and c.lower() not in self.d.dictionary \
                        and fold(c) != fold(newfirst):
                    nk = c
                    break
            nk = self.take(nk or newfirst[:3] + "s")
            self.nick[e["id"]] = (e["nickname"], nk)
        # aliases (maiden names, other spellings) from the case file
        if case_person:
            for alias in case_person.get("aliases") or []:
                words = WORD_RE.findall(alias)
                for i, w in enumerate(words):
                    if fold(w) in self.tok or (e.get("nickname") and
                                               fold(w) == fold(e["nickname"])):
                        continue
                    if i == len(words) - 1 and len(words) > 1:
                        self.new_surname(w)
                    else:
                        self.new_forename(w, e.get("gender"), origin)
        self.persons[e["id"]] = {"parts": parts, "gender": e.get("gender"),
                                 "origin": origin}

    def person_parts_seq(self, eid):
        p = self.persons[eid]["parts"]
        seq = [p["first"]]
        if p["middle"]:
            seq += p["middle"].split()
        if p["last"]:
            seq.append(p["last"])
        return seq

    def map_name_word(self, w, eid, position, nwords):
        """New spelling of one word of a person mention."""
        f = fold(w)
        if f in TITLES:
            return w
        if f in self.tok:
            new = self.tok[f]
            src = self.tok_src.get(f, w)
            if is_ascii(w) and not is_ascii(src):
                new = strip_marks(new)
            return apply_case(w, new)
        if "-" in w:
            return "-".join(self.map_name_word(x, eid, position, nwords)
                            for x in w.split("-"))
        if eid in self.nick and f == fold(self.nick[eid][0]):
            return apply_case(w, self.nick[eid][1])
        # one- or two-edit misspelling of a known part: same kind of edit
        best, bscore = None, 0.0
        cands = list(self.person_parts_seq(eid)) if eid in self.persons else []
        cands += list(self.tok_src.values())
        for c in cands:
            for piece in c.split("-"):
                s = difflib.SequenceMatcher(None, fold(piece), f).ratio()
                if s > bscore:
                    best, bscore = piece, s
        if best and bscore >= 0.7 and len(f) >= 3:
            new = self.tok[fold(best)]
            out = transfer_edit(fold(best), f, new, self.rng)
            if is_ascii(w) and not is_ascii(new):
                out = strip_marks(out)
            return apply_case(w, out)
        # an unknown name part: a surname when last, else a forename
        p = self.persons.get(eid, {})
        if position == nwords - 1 and nwords > 1:
            new = self.new_surname(w)
        else:
            new = self.new_forename(w, p.get("gender"),
                                    p.get("origin", "british"))
        return apply_case(w, new)

    def map_person(self, text, eid):
        body = text.strip()
        # initials: "K.S.", "SB", "J. R."
        letters = re.sub(r"[\s.]", "", body)
        seq = self.person_parts_seq(eid) if eid in self.persons else []
        if (INITIAL_RE.match(body) and 1 < len(letters) <= 4
                and fold(body) not in self.tok and seq):
            if len(letters) == 2:
                src = [seq[0], seq[-1]]
            else:
                src = (seq + seq)[:len(letters)] if len(seq) >= len(letters) \
                    else [seq[0]] * (len(letters) - 1) + [seq[-1]]
            newinit = [strip_marks(self.tok[fold(s.split("-")[0])])[0].upper()
                       for s in src]
            out, k = [], 0
            for c in text:
                if c.isalpha():
                    out.append(newinit[k] if k < len(newinit) else c)
                    k += 1
                else:
                    out.append(c)
            return "".join(out)
        words = list(WORD_RE.finditer(text))
        names = [m for m in words if fold(m.group(0)) not in TITLES]
        out, last = [], 0
        for m in words:
            w = m.group(0)
            out.append(text[last:m.start()])
            last = m.end()
            pos = names.index(m) if m in names else -1
            if len(w) == 1 and w.isupper() and seq:
                # an initial before a surname: "C Allen", "J. Russell"
                src = seq[0] if pos <= 0 else seq[min(pos, len(seq) - 1)]
                out.append(strip_marks(self.tok[fold(src.split("-")[0])])[0]
                           .upper())
                continue
            out.append(self.map_name_word(w, eid, pos, len(names)))
        out.append(text[last:])
        return "".join(out)

    # ---- places ------------------------------------------------------------
    def invent_place(self, two_words=False):
        p = self.d.place
        if two_words:
            return (self.rng.choice(p["prefix"])
                    + self.rng.choice(p["suffix"]) + " "
                    + self.rng.choice(p["second"]))
        return self.rng.choice(p["prefix"]) + self.rng.choice(p["suffix"])

    def new_place(self, old, kind):
        f = fold(old)
        if f in self.place:
            return self.place[f]
        words = old.split()
        if kind == "town" and self.rng.random() < 0.75:
            new = self.pick(self.d.towns,
                            lambda: self.invent_place())
        elif kind == "park" or (len(words) > 1 and words[-1].lower() in (
                "park", "court", "edge", "moor", "green", "hill", "estate",
                "heath", "fields", "vale", "end", "cross", "bank", "gardens",
                "rise", "side", "bottom", "brow", "top", "fold", "lees")):
            head = words[-1] if len(words) > 1 else "Park"
            new = self.pick([], lambda: self.invent_place() + " " + head)
        elif kind == "town":
            new = self.pick([], lambda: self.invent_place(
                self.rng.random() < 0.2))
        else:
            new = self.pick([], lambda: self.invent_place(
                self.rng.random() < 0.35))
        self.place[f] = new
        return new

    # ---- streets and addresses ------------------------------------------
    def new_street(self, old):
        f = fold(old)
        if f in self.street:
            return self.street[f]
        words = old.split()
        sfx = words[-1]
        self.generic.add(fold(sfx))
        kind = self.d.suffix_kind.get(sfx.lower())
        if kind and self.rng.random() < 0.3:
            sfx = self.rng.choice(self.d.suffix_groups[kind])
        if len(words) == 1:
            new = self.pick([], lambda: self.invent_place())
        elif words[0].lower() == "the" and len(words) == 2:
            pool = [s for g in self.d.suffix_groups.values() for s in g]
            new = self.pick([], lambda: "The " + self.rng.choice(pool))
        else:
            def make():
                x = self.rng.random()
                if x < 0.35:
                    o = self.origin()
                    pool = self.d.names.get(("s", o)) or \
                        self.d.names[("s", "british")]
                    base = self.rng.choice(pool)
                elif x < 0.8:
                    base = self.rng.choice(self.d.street["street"])
                else:
                    base = self.invent_place()
                return base + " " + sfx
            new = self.pick([], make)
        self.street[f] = new
        return new

    def address_map(self, e, places_by_canon):
        """Phrase substitutions for one address entity."""
        subs = {}
        canon = e["canonical"]
        street = e.get("street")
        if street:
            subs[street] = self.new_street(street)
        pieces = [p.strip() for p in canon.split(",")]
        seen_street = False
        for p in pieces:
            if street and street in p:
                seen_street = True
                continue
            if not seen_street:
                ws = p.split()
                if ws and ws[-1].lower() in BUILDING_HEADS and len(ws) > 1 \
                        and not re.match(r"^\d", ws[0]):
                    distinct = " ".join(ws[:-1])
                    if fold(distinct) not in self.place:
                        self.place[fold(distinct)] = self.pick(
                            self.d.street["building"]
                            + self.d.street["street"])
                    subs[distinct] = self.place[fold(distinct)]
                continue
            # after the street: locality (maybe a place entity)
            if re.search(r"[A-Za-z]", p) and not re.match(r"^\d", p):
                pe = places_by_canon.get(fold(p))
                subs[p] = self.new_place(p, pe["kind"] if pe else "locality")
        for num in re.findall(r"\b\d+[A-Za-z]?\b", canon):
            m = re.match(r"(\d+)([A-Za-z]?)", num)
            n = int(m.group(1))
            hi = 300 if n > 30 else 40
            new = str(self.rng.randint(1, hi))
            while new == m.group(1):
                new = str(self.rng.randint(1, hi))
            subs[num] = new + m.group(2)
        return subs

    # ---- institutions ---------------------------------------------------
    def institution_map(self, e, places_by_canon):
        canon = e["canonical"]
        toks = canon.split()
        dist = [i for i, t in enumerate(toks)
                if fold(t) not in INST_DESIGNATORS
                and fold(t) not in DIRECTIONALS]
        if not dist:
            dist = [i for i, t in enumerate(toks)
                    if fold(t) in places_by_canon or fold(t) in DIRECTIONALS]
        runs, cur = [], []
        for i in dist:
            if cur and i != cur[-1] + 1:
                runs.append(cur)
                cur = []
            cur.append(i)
        if cur:
            runs.append(cur)
        subs = {}
        kind = e.get("kind", "")
        for run in runs:
            old = " ".join(toks[i] for i in run)
            poss = ""
            m = re.match(r"^(.*?)(['’]s?)$", old)
            if m and m.group(1):
                old, poss = m.group(1), m.group(2)
            f = fold(old)
            if f in self.inst_run:
                new = self.inst_run[f]
            elif f in places_by_canon:
                new = self.new_place(old, places_by_canon[f]["kind"])
            elif f in self.place:
                new = self.place[f]
            elif f in self.tok:
                new = self.tok[f]
            elif run[0] > 0 and fold(toks[run[0] - 1]) in ("st", "saint"):
                new = self.pick(self.d.street["saint"])
            elif kind.startswith("hosp") or kind in ("hostel",) and \
                    self.rng.random() < 0.5:
                new = self.pick(self.d.towns, self.invent_place)
            elif (run[-1] + 2 < len(toks) and fold(toks[run[-1] + 1]) == "and"
                  and fold(toks[run[-1] + 2]) == "partners"):
                new = self.new_surname(old)
            else:
                x = self.rng.random()
                if x < 0.45:
                    new = self.pick(self.d.street["street"], self.invent_place)
                elif x < 0.75:
                    new = self.pick([], self.invent_place)
                else:
                    new = self.pick(self.d.towns, self.invent_place)
            self.inst_run[f] = new
            subs[old + poss] = new + poss
            if poss:
                subs[old] = new
        return subs

    # ---- postcodes -------------------------------------------------------
    def new_postcode(self, old):
        key = re.sub(r"\s", "", old).upper()
        if key in self.postcode:
            return self.postcode[key]
        r = self.rng
        while True:
            area = r.choice(self.d.areas)
            dist = str(r.randint(1, 29 if len(area) == 2 else 20))
            if r.random() < 0.05:
                # letter-suffixed districts exist in central London only
                area, dist = r.choice(LONDON_DISTRICTS)
            new = "%s%s %d%s%s" % (area, dist, r.randint(0, 9),
                                   r.choice(POSTCODE_INWARD),
                                   r.choice(POSTCODE_INWARD))
            if new.replace(" ", "") != key and new not in \
                    self.postcode.values():
                break
        self.postcode[key] = new
        return new

    def map_postcode(self, text):
        new = self.new_postcode(text)
        if " " not in text.strip():
            new = new.replace(" ", "")
        return apply_case(text, new)

    # ---- e-mails and URLs ----------------------------------------------
    def map_ident(self, text):
        pairs = {}
        for f, new in self.tok.items():
            a, b = fold(f), fold(new)
            a = re.sub(r"[^a-z]", "", a)
            b = re.sub(r"[^a-z]", "", b)
            if len(a) >= 3:
                pairs[a] = b
                if len(a) >= 5:     # a truncated part (moore -> moor)
                    pairs.setdefault(a[:-1], b[:max(3, len(b) - 1)])
        for f, new in list(self.place.items()) + list(self.inst_run.items()):
            a = re.sub(r"[^a-z]", "", fold(f))
            b = re.sub(r"[^a-z]", "", fold(new))
            if len(a) >= 4:
                pairs[a] = b
        keys = sorted(pairs, key=lambda k: (-len(k), k))

        def run(m):
            s = m.group(0)
            if s.lower() in DOMAIN_WORDS:
                return s
            low = s.lower()
            out, i = [], 0
            while i < len(low):
                for k in keys:
                    if low.startswith(k, i):
                        out.append(pairs[k])
                        i += len(k)
                        break
                else:
                    out.append(low[i])
                    i += 1
            res = "".join(out)
            return res if s.islower() or not s.isalpha() else \
                apply_case(s, res)
        return re.sub(r"[A-Za-z]+", run, text)


def transfer_edit(old, bad, new, rng):
    """Apply to new the kind of edit that turned old into bad."""
    ops = [op for op in difflib.SequenceMatcher(None, old, bad).get_opcodes()
           if op[0] != "equal"]
    res = new
    scale = len(new) / max(1, len(old))
    for tag, i1, i2, j1, j2 in reversed(ops):
        k = min(len(res) - 1, max(0, round(i1 * scale)))
        if tag == "delete":
            res = res[:k] + res[k + (i2 - i1):]
        elif tag == "insert":
            res = res[:k] + bad[j1:j2] + res[k:]
        else:
            rep = bad[j1:j2]
            if res[k:k + len(rep)].lower() == rep.lower():
                rep = "".join("e" if c.lower() in "aiou" else
                              ("a" if c.lower() in "ey" else c) for c in rep)
            res = res[:k] + rep + res[k + (i2 - i1):]
    if fold(res) == fold(new) or len(res) < 3:
        # double a consonant as a last resort
        for i in range(len(new) - 1, 0, -1):
            if new[i].isalpha() and new[i].lower() not in "aeiouy":
                res = new[:i + 1] + new[i] + new[i + 1:]
                break
        else:
            res = new + "e"
    if new[:1].isupper():
        res = res[:1].upper() + res[1:]
    return res


def replace_phrases(text, subs):
    if not subs:
        return text
    keys = sorted(subs, key=lambda k: (-len(k), k))
    rx = re.compile(r"(?<![\w])(?:" + "|".join(
        re.sub(r"['’]", "['’]", re.escape(k)) for k in keys)
        + r")(?![\w])", re.I)
    lookup = {k.lower().replace("’", "'"): v for k, v in subs.items()}
    keys = sorted(lookup, key=lambda k: (-len(k), k))

    def rep(m):
        return apply_case(m.group(0),
                          lookup[m.group(0).lower().replace("’", "'")])
    return rx.sub(rep, text)


def gold_words(gold_dir, docs):
    """Folded words of every name-like gold mention in the input corpus."""
    ex = set()
    for d in docs:
        with open(os.path.join(gold_dir, d + ".gold.json"),
                  encoding="utf-8") as f:
            g = json.load(f)
        for m in g["mentions"]:
            if m["type"] in ("person", "address", "place", "institution"):
                for w in WORD_RE.findall(m["text"]):
                    ex.add(fold(w))
                    ex.add(re.sub(r"'s?$", "", fold(w)))
        for e in g["entities"]:
            for k in ("canonical", "middle", "nickname", "short", "street"):
                if isinstance(e.get(k), str) and e["type"] != "identifier":
                    for w in WORD_RE.findall(e[k]):
                        ex.add(fold(w))
        cj = os.path.join(gold_dir, d + ".case.json")
        if os.path.exists(cj):
            with open(cj, encoding="utf-8") as f:
                c = json.load(f)
            for p in c.get("known_persons", []):
                for a in [p.get("name") or ""] + (p.get("aliases") or []):
                    for w in WORD_RE.findall(a):
                        ex.add(fold(w))
    return ex


class OffsetMap:
    def __init__(self, spans):
        # spans: sorted (old_start, old_end, new_start, new_end)
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def map(self, p, is_end):
        i = bisect.bisect_right(self.starts, p) - 1
        if i < 0:
            return p
        os_, oe, ns, ne = self.spans[i]
        if p >= oe:
            return p + (ne - oe)
        if p == os_:
            return ns
        return ne if is_end else ns


def shadow_doc(data, seed, gold_dir, out_dir, doc, exclude):
    rng = random.Random("%s/%s" % (seed, doc))
    with open(os.path.join(gold_dir, doc + ".txt"), encoding="utf-8",
              newline="") as f:
        text = f.read()
    with open(os.path.join(gold_dir, doc + ".gold.json"),
              encoding="utf-8") as f:
        gold = json.load(f)
    case = None
    cj = os.path.join(gold_dir, doc + ".case.json")
    if os.path.exists(cj):
        with open(cj, encoding="utf-8") as f:
            case = json.load(f)
    sh = Shadow(data, rng, exclude)
    ents = {e["id"]: e for e in gold["entities"]}
    case_by_ent = {p["entity"]: p for p in (case or {}).get(
        "known_persons", [])}
    places_by_canon = {fold(e["canonical"]): e for e in gold["entities"]
                       if e["type"] == "place"}
    for e in gold["entities"]:
        if e["type"] == "person":
            sh.add_person(e, case_by_ent.get(e["id"]))
    for e in gold["entities"]:
        if e["type"] == "place":
            sh.new_place(e["canonical"], e.get("kind", "town"))
    ent_subs = {}
    for e in gold["entities"]:
        if e["type"] == "address":
            ent_subs[e["id"]] = sh.address_map(e, places_by_canon)
    for e in gold["entities"]:
        if e["type"] == "institution":
            ent_subs[e["id"]] = sh.institution_map(e, places_by_canon)

    def new_mention(m):
        t, eid, s = m["type"], m.get("entity"), m["text"]
        if t == "person":
            return sh.map_person(s, eid)
        if t == "place":
            kind = ents.get(eid, {}).get("kind", "town")
            new = sh.new_place(ents[eid]["canonical"] if eid in ents else s,
                               kind)
            if fold(s) == fold(ents.get(eid, {}).get("canonical", s)):
                return apply_case(s, new)
            return replace_phrases(s, {ents[eid]["canonical"]: new})
        if t in ("address", "institution"):
            return replace_phrases(s, ent_subs.get(eid, {}))
        if t == "postcode":
            return sh.map_postcode(s)
        if t == "identifier" and m.get("subtype") in ("email", "url"):
            return sh.map_ident(s)
        return s

    mentions = sorted(gold["mentions"], key=lambda m: (m["start"], m["end"]))
    pieces, spans, last, delta = [], [], 0, 0
    unchanged = 0
    for m in mentions:
        if m["start"] < last:
            raise ValueError("%s: overlapping mentions at %d" % (doc,
                                                                 m["start"]))
        if text[m["start"]:m["end"]] != m["text"]:
            raise ValueError("%s: input gold mismatch at %d" % (doc,
                                                                m["start"]))
        new = new_mention(m)
        if new == m["text"] and m["type"] in (
                "person", "address", "place", "institution", "postcode"):
            unchanged += 1
        pieces.append(text[last:m["start"]])
        ns = m["start"] + delta
        pieces.append(new)
        spans.append((m["start"], m["end"], ns, ns + len(new)))
        delta += len(new) - (m["end"] - m["start"])
        last = m["end"]
    pieces.append(text[last:])
    ntext = "".join(pieces)
    om = OffsetMap(spans)
    for m, (_, _, ns, ne) in zip(mentions, spans):
        m["start"], m["end"] = ns, ne
        m["text"] = ntext[ns:ne]
    for sp in gold.get("flags", []) + gold.get("keep", []):
        sp["start"] = om.map(sp["start"], False)
        sp["end"] = om.map(sp["end"], True)
        sp["text"] = ntext[sp["start"]:sp["end"]]
    gold["mentions"] = mentions
    # entities
    for e in gold["entities"]:
        fake = {"type": e["type"], "entity": e["id"], "text": e["canonical"],
                "subtype": e.get("subtype")}
        if e["type"] in ("person", "place", "address", "institution",
                         "postcode") or e.get("subtype") in ("email", "url"):
            e["canonical"] = new_mention(fake)
        if e["type"] == "person":
            if e.get("middle"):
                e["middle"] = sh.map_person(e["middle"], e["id"])
            if e.get("nickname") and e["id"] in sh.nick:
                e["nickname"] = sh.nick[e["id"]][1]
        if e["type"] == "address" and e.get("street"):
            e["street"] = replace_phrases(e["street"], ent_subs[e["id"]])
        if e["type"] == "institution" and e.get("short"):
            e["short"] = replace_phrases(e["short"], ent_subs[e["id"]])
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, doc + ".txt"), "w", encoding="utf-8",
              newline="") as f:
        f.write(ntext)
    with open(os.path.join(out_dir, doc + ".gold.json"), "w",
              encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if case is not None:
        write_case(sh, gold_dir, out_dir, doc, case, ents, ent_subs)
    # leftovers: old distinctive words still in the new text
    leftover = check_leftovers(sh, text, ntext, gold, ents)
    return gold, ntext, unchanged, leftover


def map_address_line(sh, line, ent_subs, eid, ents):
    if not line:
        return line
    out = replace_phrases(line, ent_subs.get(eid, {}))
    # the town and locality written in the case file
    subs = {}
    for p in [p.strip() for p in out.split(",")][1:]:
        if fold(p) in sh.place:
            subs[p] = sh.place[fold(p)]
    return replace_phrases(out, subs)


def write_case(sh, gold_dir, out_dir, doc, case, ents, ent_subs):
    persons = case.get("known_persons", [])
    for p in persons:
        eid = p["entity"]
        p["name"] = sh.map_person(p["name"], eid)
        for k in ("first", "last", "middle"):
            if p.get(k):
                p[k] = sh.map_person(p[k], eid)
        p["aliases"] = [sh.map_person(a, eid) for a in p.get("aliases") or []]
    ha = case.get("home_address")
    addr_old = None
    if ha:
        eid = ha.get("entity")
        old = dict(ha)
        ha["line"] = replace_phrases(ha.get("line") or "",
                                     ent_subs.get(eid, {}))
        for k in ("locality", "town"):
            if ha.get(k):
                ha[k] = sh.place.get(fold(ha[k])) or sh.new_place(
                    ha[k], "town" if k == "town" else "locality")
        if ha.get("postcode"):
            ha["postcode"] = sh.map_postcode(ha["postcode"])
        addr_old = ", ".join(x for x in (old.get("line"), old.get("locality"),
                                         old.get("town")) if x)
    with open(os.path.join(out_dir, doc + ".case.json"), "w",
              encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False)
        f.write("\n")
    src = os.path.join(gold_dir, doc + ".case.csv")
    if not os.path.exists(src):
        return
    with open(src, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(os.path.join(gold_dir, doc + ".case.json"),
              encoding="utf-8") as f:
        oldcase = json.load(f)
    by_name = {op["name"]: np for op, np in zip(
        oldcase.get("known_persons", []), persons)}
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(rows[0])
    col = {k: i for i, k in enumerate(rows[0])}
    for r in rows[1:]:
        r = list(r)
        np_ = by_name.get(r[col["name"]])
        eid = np_["entity"] if np_ else None
        if np_:
            r[col["name"]] = np_["name"]
        elif eid is None:
            # a person not in the JSON: map by words
            r[col["name"]] = sh.map_person(r[col["name"]], None)
        if "aliases" in col and r[col["aliases"]]:
            r[col["aliases"]] = ";".join(
                sh.map_person(a, eid) for a in r[col["aliases"]].split(";"))
        if "address" in col and r[col["address"]]:
            a = r[col["address"]]
            if ha and a == addr_old:
                a = ", ".join(x for x in (ha.get("line"), ha.get("locality"),
                                          ha.get("town")) if x)
            else:
                for e in ents.values():
                    if e["type"] == "address":
                        a = replace_phrases(a, ent_subs.get(e["id"], {}))
                a = map_address_line(sh, "x, " + a, {}, None, ents)[3:]
            r[col["address"]] = a
        if "postcode" in col and r[col["postcode"]]:
            r[col["postcode"]] = sh.map_postcode(r[col["postcode"]])
        w.writerow(r)
    with open(os.path.join(out_dir, doc + ".case.csv"), "w",
              encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def check_leftovers(sh, text, ntext, gold, ents):
    """Old name words (4+ letters) that still occur inside new mentions."""
    olds = set()
    for f, src in sh.tok_src.items():
        if len(f) >= 4:
            olds.add(src)
    for f in list(sh.place) + list(sh.street) + list(sh.inst_run):
        for w in f.split():
            if len(w) >= 4:
                olds.add(w)
    news = {fold(w) for v in list(sh.tok.values()) + list(sh.place.values())
            + list(sh.street.values()) + list(sh.inst_run.values())
            for w in v.split()}
    olds = {o for o in olds if fold(o) not in news
            and fold(o) not in INST_DESIGNATORS
            and fold(o) not in DIRECTIONALS
            and fold(o) not in sh.d.suffix_kind}
    bad = []
    for m in gold["mentions"]:
        if m["type"] not in ("person", "address", "place", "institution"):
            continue
        for w in WORD_RE.findall(m["text"]):
            if w in olds or fold(w) in {fold(o) for o in olds}:
                bad.append((m["text"], w))
    return bad


def main(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", help="comma-separated ids (default: all)")
    ap.add_argument("--keep-dev-names", action="store_true",
                    help="allow replacements that occur in the input gold")
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("gold_dir")
    ap.add_argument("out_dir")
    a = ap.parse_args(argv)
    if not os.path.isdir(a.gold_dir):
        print("%s: %s: not a directory" % (PROG, a.gold_dir), file=sys.stderr)
        return 2
    all_docs = sorted(f[:-len(".gold.json")] for f in os.listdir(a.gold_dir)
                      if f.endswith(".gold.json")
                      and not f.endswith(".docx.gold.json"))
    docs = all_docs
    if a.docs:
        want = a.docs.split(",")
        missing = [d for d in want if d not in all_docs]
        if missing:
            print("%s: %s: no such document" % (PROG, ",".join(missing)),
                  file=sys.stderr)
            return 2
        docs = want
    data = Data()
    exclude = set() if a.keep_dev_names else gold_words(a.gold_dir, all_docs)
    bad = 0
    stats = {"docs": 0, "mentions": 0, "unchanged": 0, "leftover": 0}
    for d in docs:
        try:
            gold, ntext, unchanged, leftover = shadow_doc(
                data, a.seed, a.gold_dir, a.out_dir, d, exclude)
        except (OSError, ValueError, KeyError) as e:
            print("%s: %s: %s" % (PROG, d, e), file=sys.stderr)
            return 2
        # self-check: every span's text equals the new text at its offsets
        for kind in ("mentions", "flags", "keep"):
            for sp in gold.get(kind, []):
                if ntext[sp["start"]:sp["end"]] != sp["text"]:
                    bad += 1
                    print("%s: %s: %s %d-%d text mismatch" % (
                        PROG, d, kind, sp["start"], sp["end"]),
                        file=sys.stderr)
        for t, w in leftover[:5]:
            print("%s: %s: old word %r left in mention %r" % (PROG, d, w, t),
                  file=sys.stderr)
        stats["docs"] += 1
        stats["mentions"] += len(gold["mentions"])
        stats["unchanged"] += unchanged
        stats["leftover"] += len(leftover)
    if not a.quiet:
        print("%s: %d documents, %d mentions, %d name mentions unchanged, "
              "%d old words left in mentions, %d offset mismatches" % (
                  PROG, stats["docs"], stats["mentions"], stats["unchanged"],
                  stats["leftover"], bad), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
