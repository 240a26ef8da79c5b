#!/usr/bin/env python3
"""markup-corpus.py: turn hand-written annotated reports into a scorer corpus.

    tools/markup-corpus.py [-o OUTDIR] [SRC...]    (default OUTDIR tests/corpus-b;
                                                    default SRC OUTDIR/src/*.md)
    tools/markup-corpus.py -o tests/corpus-c       builds corpus C the same way

Each source file is one report (the format is described in docs/corpus-b.md):

    %% comment lines start with two percent signs and are dropped
    doc: b-001
    case_code: S
    scenario: neglect
    incident_date: 2023-03-14
    review_period: 2022-01-01 2023-03-14
    subject_child: E3
    home: E20 town=E15 postcode=E21 locality=Torlundy
    @E1 person | Morag MacLeod | role=mother; gender=f; dob=1994-02-11; aliases=Morag Stewart, Mo
    @E20 address | 4 Achintore Road | role=home
    @E21 postcode | PH33 6RQ | of=E20
    @E30 identifier | 4857773456 | subtype=nhs-number; owner=E3
    ---
    body: one paragraph per line, blank line between sections.
    Inline marks: {{E1|Morag}}  {{E1/nick|Mo}}  {{date|14 March 2023}}
    {{date:dob|11/02/1994}}  {{date:range|3-7 March 2023}}  {{keep:agency|Police Scotland}}
    {{flag:child-voice|She said {{E3|Ailsa}} was frightened.}}
    A line starting with "| " is a table row: " | " between cells becomes a TAB.

Known people (known=yes, or a family role that the README lists as known) go to
ID.case.csv and ID.case.json.  Writes ID.txt, ID.gold.json, ID.case.csv,
ID.case.json, ID.meta.json, and asserts txt[start:end] == text for every span.
Lint: an annotated person/place/address/institution text that also occurs
unannotated elsewhere in the report (whole word, same case) is an error, so a
forgotten mention is caught when the corpus is built.
"""
import csv
import glob
import io
import json
import os
import re
import sys

KNOWN_ROLES = {"subject-child", "sibling", "half-sibling", "mother", "father",
               "mother-partner", "grandparent"}
PERSON_ROLES = KNOWN_ROLES | {"father-of-sibling", "neighbour", "family-friend",
                              "former-partner", "relative", "professional"}
TYPES = {"person", "address", "postcode", "place", "institution", "identifier"}
ID_SUBTYPES = {"nhs-number", "ni-number", "phone", "email", "case-ref", "upn",
               "vehicle-reg", "url"}
FLAGS = {"sexual-abuse-detail", "injury-detail", "self-harm-method",
         "health-of-named-family", "child-voice", "current-whereabouts",
         "jigsaw-identifier", "third-party-history"}
KEEP_WHY = {"agency", "role", "relationship", "legislation", "guidance",
            "partnership", "heading", "glossary", "citation", "drug",
            "condition", "weekday", "ethnicity", "methodology", "trap-word",
            "generic"}
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "PC", "DC", "DS", "DI", "DCI",
          "Sgt", "Professor", "Prof", "Mx", "Sister", "Nurse", "Cllr",
          "Constable", "Sergeant", "Inspector", "Rev", "Father", "PCSO",
          "Pastor"}


class MarkupError(Exception):
    pass


def fail(path, line, msg):
    raise MarkupError(f"{path}:{line}: {msg}")


def parse_attrs(path, ln, s):
    attrs = {}
    for part in s.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            fail(path, ln, f"attribute without '=': {part!r}")
        k, v = part.split("=", 1)
        attrs[k.strip()] = v.strip()
    return attrs


def parse_header(path, lines):
    head = {"entities": {}, "order": []}
    for i, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if line.startswith("%%") or not line.strip():
            continue
        if line.strip() == "---":
            return head, i
        if line.startswith("@"):
            parts = [p.strip() for p in line[1:].split("|")]
            if len(parts) < 2:
                fail(path, i, "entity line needs '@ID type | canonical [| attrs]'")
            idtype = parts[0].split()
            if len(idtype) != 2:
                fail(path, i, f"bad entity id/type {parts[0]!r}")
            eid, etype = idtype
            if etype not in TYPES:
                fail(path, i, f"unknown entity type {etype!r}")
            if eid in head["entities"]:
                fail(path, i, f"entity {eid} declared twice")
            ent = {"id": eid, "type": etype, "canonical": parts[1]}
            attrs = parse_attrs(path, i, parts[2]) if len(parts) > 2 else {}
            for k, v in attrs.items():
                ent[k] = v
            if etype == "person":
                role = ent.get("role")
                if role not in PERSON_ROLES:
                    fail(path, i, f"{eid}: person role {role!r} unknown")
                if role == "professional" and "profession" not in ent:
                    fail(path, i, f"{eid}: professional needs profession=")
                kn = ent.get("known")
                ent["known"] = (role in KNOWN_ROLES) if kn is None else kn == "yes"
                if ent.get("gender") not in ("m", "f", None):
                    fail(path, i, f"{eid}: gender must be m or f")
                al = ent.get("aliases")
                ent["aliases"] = [a.strip() for a in al.split(",")] if al else []
            if etype == "identifier" and ent.get("subtype") not in ID_SUBTYPES:
                fail(path, i, f"{eid}: identifier subtype {ent.get('subtype')!r}")
            head["entities"][eid] = ent
            head["order"].append(eid)
            continue
        m = re.match(r"(\w+):\s*(.*)$", line)
        if not m:
            fail(path, i, f"unreadable header line {line!r}")
        head[m.group(1)] = m.group(2).strip()
    fail(path, len(lines), "no '---' line ending the header")


def parse_body(path, lines, first_ln, head):
    """Return text, mentions, flags, keeps."""
    out = io.StringIO()
    pos = 0
    mentions, flags, keeps = [], [], []
    ents = head["entities"]
    for ln, raw in enumerate(lines, first_ln):
        line = raw.rstrip("\n")
        if line.startswith("%%"):
            continue
        table = line.startswith("| ")
        if table:
            line = line[2:]
            if line.endswith(" |"):
                line = line[:-2]
        stack = []
        i = 0
        while i < len(line):
            if line.startswith("{{", i):
                bar = line.find("|", i)
                if bar < 0:
                    fail(path, ln, "'{{' without '|'")
                tag = line[i + 2:bar]
                if "{" in tag or "}" in tag:
                    fail(path, ln, f"bad tag {tag!r}")
                stack.append((tag, pos, i))
                i = bar + 1
                continue
            if line.startswith("}}", i):
                if not stack:
                    fail(path, ln, "'}}' without '{{'")
                tag, start, col = stack.pop()
                span = {"start": start, "end": pos, "_ln": ln, "_tag": tag}
                record(path, ln, tag, span, ents, mentions, flags, keeps, stack)
                i += 2
                continue
            if table and not stack and line.startswith(" | ", i):
                out.write("\t")
                pos += 1
                i += 3
                continue
            ch = line[i]
            if ch in "{}" or (ch == "|" and not table):
                fail(path, ln, f"stray {ch!r} in text (col {i + 1})")
            out.write(ch)
            pos += 1
            i += 1
        if stack:
            fail(path, ln, f"unclosed {{{{{stack[-1][0]}|")
        out.write("\n")
        pos += 1
    text = out.getvalue()
    while text.endswith("\n\n"):
        text = text[:-1]
    return text, mentions, flags, keeps


def record(path, ln, tag, span, ents, mentions, flags, keeps, stack):
    if stack and not stack[-1][0].startswith("flag:"):
        fail(path, ln, f"{{{{{tag}|...}}}} nested inside {{{{{stack[-1][0]}|...}}}}")
    kind, _, sub = tag.partition(":")
    if kind == "flag":
        if sub not in FLAGS:
            fail(path, ln, f"flag category {sub!r} unknown")
        span["category"] = sub
        flags.append(span)
        return
    if stack:
        pass
    if kind == "keep":
        if sub not in KEEP_WHY:
            fail(path, ln, f"keep reason {sub!r} unknown")
        span["why"] = sub
        keeps.append(span)
        return
    if kind == "date":
        span["type"] = "date"
        if sub:
            if sub not in ("dob", "range"):
                fail(path, ln, f"date subtype {sub!r} unknown")
            span["subtype"] = sub
        mentions.append(span)
        return
    eid, _, form = tag.partition("/")
    if eid not in ents:
        fail(path, ln, f"entity {eid!r} not declared")
    ent = ents[eid]
    span["type"] = ent["type"]
    span["entity"] = eid
    if ent["type"] == "identifier":
        span["subtype"] = ent["subtype"]
    if form:
        span["form"] = form
    mentions.append(span)


def infer_form(m, ent):
    t = m["text"]
    if m["type"] != "person":
        return None
    can = ent["canonical"]
    words = t.split()
    if t == can:
        return "full"
    if t == can.upper():
        return "caps"
    if words and words[0].rstrip(".") in TITLES:
        rest = " ".join(words[1:])
        return "tfull" if rest == can else "ts"
    if t == can.split()[0]:
        return "first"
    if re.fullmatch(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}", t):
        return "init"
    if t in ent.get("aliases", []):
        return "alias"
    return "other"


def lint(path, text, mentions, keeps, ents):
    """A person/place/address/institution/postcode text written unannotated elsewhere."""
    covered = [False] * len(text)
    strict = [k for k in keeps if k["why"] not in
              ("agency", "partnership", "guidance", "legislation", "citation",
               "trap-word", "generic")]
    for s in mentions + [k for k in keeps if k not in strict]:
        for k in range(s["start"], s["end"]):
            covered[k] = True
    problems = []
    seen = set()
    for m in mentions:
        if m["type"] in ("date", "identifier"):
            continue
        for piece in set([m["text"]] + m["text"].split()):
            piece = piece.strip(".,;:()")
            if len(piece) < 3 or piece in seen or piece in TITLES or not piece[0].isupper():
                continue
            if m["type"] != "person" and piece != m["text"]:
                continue  # only whole texts for non-persons ("Road", "School")
            seen.add(piece)
            for hit in re.finditer(r"(?<![\w'’])" + re.escape(piece) + r"(?![\w])", text):
                if not any(covered[hit.start():hit.end()]):
                    ctx = text[max(0, hit.start() - 30):hit.end() + 30].replace("\n", " ")
                    problems.append(f"{path}: unannotated {piece!r} "
                                    f"(from {m['entity']}): ...{ctx}...")
    return problems


def convert(path, outdir):
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    head, end = parse_header(path, lines)
    text, mentions, flags, keeps = parse_body(path, lines[end:], end + 1, head)
    ents = head["entities"]
    doc = head.get("doc") or os.path.splitext(os.path.basename(path))[0]
    for s in mentions + flags + keeps:
        s["text"] = text[s["start"]:s["end"]]
        if not s["text"].strip():
            fail(path, s["_ln"], f"empty span {s['_tag']}")
        if s["text"] != s["text"].strip():
            fail(path, s["_ln"], f"span {s['text']!r} has outer spaces")
    for m in mentions:
        if m["type"] == "person":
            t = m["text"]
            if t.endswith(("'s", "’s")) and not ents[m["entity"]]["canonical"].endswith(("'s", "’s")):
                fail(path, m["_ln"], f"possessive inside person span {t!r}")
            if t.lower().startswith("the "):
                fail(path, m["_ln"], f"leading 'the' in {t!r}")
        if m["type"] == "institution" and m["text"].startswith(("the ", "The ")):
            fail(path, m["_ln"], f"institution span starts with 'the': {m['text']!r}")
        f = m.get("form") or (infer_form(m, ents[m["entity"]]) if "entity" in m else None)
        if f:
            m["form"] = f
    # keep spans never overlap mentions
    for k in keeps:
        for m in mentions:
            if m["start"] < k["end"] and k["start"] < m["end"]:
                fail(path, k["_ln"], f"keep {k['text']!r} overlaps mention {m['text']!r}")
    problems = lint(path, text, mentions, keeps, ents)
    counts = {}
    for m in mentions:
        if "entity" in m:
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1
    for eid in head["order"]:
        ents[eid]["mentions"] = counts.get(eid, 0)
        if not counts.get(eid) and ents[eid]["type"] != "postcode":
            problems.append(f"{path}: entity {eid} ({ents[eid]['canonical']}) has no mention")
    mentions.sort(key=lambda s: (s["start"], -s["end"]))
    flags.sort(key=lambda s: s["start"])
    keeps.sort(key=lambda s: s["start"])
    for s in mentions + flags + keeps:
        assert text[s["start"]:s["end"]] == s["text"]
        del s["_ln"], s["_tag"]

    entities = []
    for eid in head["order"]:
        e = dict(ents[eid])
        if e["type"] != "person":
            e.pop("aliases", None)
        for k in ("dob", "first", "last", "home"):
            e.pop(k, None)
        entities.append(e)
    gold = {"doc": doc, "case_code": head.get("case_code", "X"),
            "scenario": head.get("scenario", ""),
            "subject_died": head.get("subject_died", "no") == "yes",
            "entities": entities, "mentions": [order_keys(m) for m in mentions],
            "flags": flags, "keep": keeps}
    write_case(path, outdir, doc, head, text)
    with open(os.path.join(outdir, doc + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(outdir, doc + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    by_type = {}
    for m in mentions:
        key = m["type"] + ("/" + m["subtype"] if m["type"] == "identifier" else "")
        by_type[key] = by_type.get(key, 0) + 1
    fl = {}
    for s in flags:
        fl[s["category"]] = fl.get(s["category"], 0) + 1
    meta = {"doc": doc, "pool": os.path.basename(os.path.normpath(outdir)), "words": len(re.findall(r"\S+", text)),
            "chars": len(text), "has_docx": False, "scenario": gold["scenario"],
            "style": head.get("style", ""), "mentions_by_type": by_type,
            "flags_by_category": fl, "keep_spans": len(keeps)}
    with open(os.path.join(outdir, doc + ".meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return meta, problems


def order_keys(m):
    keys = ["start", "end", "type", "subtype", "entity", "form", "text"]
    return {k: m[k] for k in keys if k in m}


def write_case(path, outdir, doc, head, text):
    ents = head["entities"]
    known = [ents[e] for e in head["order"]
             if ents[e]["type"] == "person" and ents[e]["known"]]
    home = None
    if head.get("home"):
        hp = head["home"].split()
        a = ents[hp[0]]
        kv = dict(p.split("=", 1) for p in hp[1:])
        home = {"entity": a["id"], "line": a["canonical"],
                "locality": kv.get("locality"),
                "town": ents[kv["town"]]["canonical"] if "town" in kv else None,
                "postcode": ents[kv["postcode"]]["canonical"] if "postcode" in kv else None}
    persons = []
    rows = []
    for p in known:
        parts = p["canonical"].split()
        first = p.get("first", parts[0])
        last = p.get("last", " ".join(parts[1:]) if len(parts) > 1 else None)
        persons.append({"entity": p["id"], "role": p["role"], "name": p["canonical"],
                        "first": first, "last": last, "middle": p.get("middle"),
                        "aliases": p["aliases"], "gender": p.get("gender"),
                        "dob": p.get("dob")})
        role = p["role"]
        if role == "grandparent":
            role = "grandmother" if p.get("gender") == "f" else "grandfather"
        addr = pc = ""
        if home and p.get("home") == "yes":
            addr = home["line"] + (", " + home["town"] if home["town"] else "")
            pc = home["postcode"] or ""
        rows.append([p["canonical"].replace("’", "'"), role,
                     ";".join(a.replace("’", "'") for a in p["aliases"]),
                     p.get("dob", ""), addr, pc, ""])
    rp = head.get("review_period", "").split()
    case = {"doc": doc, "case_code": head.get("case_code", "X"),
            "subject_child": head.get("subject_child"),
            "incident_date": head.get("incident_date"),
            "review_period": rp or None, "known_persons": persons,
            "home_address": home}
    with open(os.path.join(outdir, doc + ".case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(outdir, doc + ".case.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "role", "aliases", "dob", "address", "postcode", "pseudonym"])
        w.writerows(rows)


def main(argv):
    outdir = "tests/corpus-b"
    args = argv[1:]
    if len(args) >= 2 and args[0] == "-o":
        outdir, args = args[1], args[2:]
    srcs = args or sorted(glob.glob(os.path.join(outdir, "src", "*.md")))
    if not srcs:
        print("markup-corpus: no source files", file=sys.stderr)
        return 2
    os.makedirs(outdir, exist_ok=True)
    total = {"docs": 0, "words": 0, "mentions": 0, "flags": 0, "keep": 0}
    bad = 0
    for src in srcs:
        try:
            meta, problems = convert(src, outdir)
        except MarkupError as e:
            print(f"markup-corpus: {e}", file=sys.stderr)
            bad += 1
            continue
        for p in problems:
            print(f"markup-corpus: {p}", file=sys.stderr)
        bad += bool(problems)
        total["docs"] += 1
        total["words"] += meta["words"]
        total["mentions"] += sum(meta["mentions_by_type"].values())
        total["flags"] += sum(meta["flags_by_category"].values())
        total["keep"] += meta["keep_spans"]
        print(f"{meta['doc']}\t{meta['words']} words\t"
              f"{sum(meta['mentions_by_type'].values())} mentions\t"
              f"{sum(meta['flags_by_category'].values())} flags\t{meta['keep_spans']} keep")
    print("total\t{docs} docs\t{words} words\t{mentions} mentions\t{flags} flags\t{keep} keep".format(**total))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
