#!/usr/bin/env python3
"""Compare bin/anonymise's scores on shadow corpora with its dev scores.

usage: compare.py --gold DEV_GOLD --dev OUT --dev-nocase OUT NAME=DIR ...
Each DIR holds gold/ (a shadow made by tools/shadow-corpus.py) and case/,
nocase/ (run-anonymise.sh outputs with score.json).  Prints the headline
figures side by side and the leaks on each shadow whose gold mention did not
leak on dev (mentions are matched by document and position: a shadow keeps
every mention in order), grouped by type and surface form; writes them all
to out/shadow/new-leaks.tsv.  Standard library only.
"""
import argparse
import collections
import json
import os
import sys

TYPES = ["person", "address", "postcode", "place", "institution", "date",
         "identifier"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def index_of(gold_dir):
    """(doc, start, end) -> position of the mention in its document."""
    idx = {}
    for fn in sorted(os.listdir(gold_dir)):
        if not fn.endswith(".gold.json") or fn.endswith(".docx.gold.json"):
            continue
        doc = fn[:-len(".gold.json")]
        g = load(os.path.join(gold_dir, fn))
        ms = sorted(g["mentions"], key=lambda m: (m["start"], m["end"]))
        for i, m in enumerate(ms):
            idx[(doc, m["start"], m["end"])] = i
    return idx


def kept_str(k):
    if isinstance(k, list):
        return " ".join(k)
    return k or ""


def pct(x):
    return "n/a" if x is None else "%.1f%%" % (100 * x)


def row(name, s):
    bt = s["mentions"]["by_type"]
    cells = [name]
    for t in TYPES:
        cells.append(pct(bt[t]["recall"]) if t in bt else "-")
    cells.append(pct(s["mentions"]["all"]["recall"]))
    e = s["entities"]["all"]
    cells.append("%s (%d)" % (pct(e["leak_rate"]), e["leaked"]))
    ep = s["entities"]["by_type"].get("person", {})
    cells.append("%d/%d" % (ep.get("leaked", 0), ep.get("total", 0)))
    cells.append(pct(s["precision"]["precision"]))
    cells.append(pct(s["consistency"]["consistency"]))
    cells.append(str(s["consistency"]["collisions"]))
    cells.append(str(len(s["details"]["residual"])))
    return cells


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--dev-nocase", required=True)
    ap.add_argument("--tsv", default="out/shadow/new-leaks.tsv")
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("runs", nargs="+", help="NAME=DIR")
    a = ap.parse_args(argv)
    dev = {"case": a.dev, "nocase": a.dev_nocase}
    have_dev = all(os.path.exists(os.path.join(d, "score.json"))
                   for d in dev.values())
    dev_idx = index_of(a.gold) if have_dev else {}
    header = ["run"] + TYPES + ["ALL", "entity leaks", "person ent.",
                                "precision", "consistency", "collisions",
                                "residual"]
    table = []
    if have_dev:
        for mode, d in dev.items():
            table.append(row("dev " + mode, load(os.path.join(d,
                                                             "score.json"))))
    runs = []
    for r in a.runs:
        name, d = r.split("=", 1)
        runs.append((name, d))
        for mode in ("case", "nocase"):
            p = os.path.join(d, mode, "score.json")
            if os.path.exists(p):
                table.append(row("%s %s" % (name, mode), load(p)))
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for cells in table:
        print("| " + " | ".join(cells) + " |")
    if not have_dev:
        print("compare: no dev scores, leaks not compared", file=sys.stderr)
        return 0
    dev_leaks = {}
    for mode, d in dev.items():
        s = load(os.path.join(d, "score.json"))
        dev_leaks[mode] = {(x["doc"], dev_idx[(x["doc"], x["start"],
                                               x["end"])])
                           for x in s["details"]["leaks"]}
    os.makedirs(os.path.dirname(a.tsv) or ".", exist_ok=True)
    with open(a.tsv, "w", encoding="utf-8") as tsv:
        tsv.write("run\tmode\tdoc\ttype\tform\trole\tstatus\ttext\tkept\t"
                  "context\n")
        for name, d in runs:
            sidx = index_of(os.path.join(d, "gold"))
            for mode in ("case", "nocase"):
                p = os.path.join(d, mode, "score.json")
                if not os.path.exists(p):
                    continue
                s = load(p)
                groups = collections.defaultdict(list)
                for x in s["details"]["leaks"]:
                    i = sidx[(x["doc"], x["start"], x["end"])]
                    if (x["doc"], i) in dev_leaks[mode]:
                        continue
                    key = (x["type"], x.get("form") or "-", x["status"])
                    groups[key].append(x)
                    tsv.write("\t".join(str(v).replace("\t", " ")
                                        .replace("\n", " ") for v in (
                        name, mode, x["doc"], x["type"], x.get("form"),
                        x.get("role"), x["status"], x["text"],
                        kept_str(x.get("kept")), x["context"])) + "\n")
                total = sum(len(v) for v in groups.values())
                ents = {(x["doc"], x["entity"]) for v in groups.values()
                        for x in v}
                print("\n%s %s: %d new leaked mentions of %d entities "
                      "(not leaked on dev)" % (name, mode, total, len(ents)))
                for key, v in sorted(groups.items(),
                                     key=lambda kv: -len(kv[1])):
                    ne = len({(x["doc"], x["entity"]) for x in v})
                    print("  %-12s %-16s %-8s %4d mentions %3d entities" % (
                        key[0], key[1], key[2], len(v), ne))
                    seen = set()
                    for x in v:
                        if (x["doc"], x["entity"]) in seen:
                            continue
                        seen.add((x["doc"], x["entity"]))
                        if len(seen) > a.examples:
                            break
                        print("      %s: %r kept %s: ...%s..." % (
                            x["doc"], x["text"], x.get("kept"),
                            x["context"].replace("\n", " ")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
