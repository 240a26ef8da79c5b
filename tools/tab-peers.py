#!/usr/bin/env python3
"""Score the masks other tools produced on the TAB test judgments.

usage: tab-peers.py TAB_DIR OUT_DIR

TAB_DIR/tae holds each peer's entity spans (TAB_test_<Peer>_Entity.json:
{doc_id: [[start, end, label], ...]}) over the same texts as
TAB_DIR/test-gold-tae/ID.txt.  For each peer this writes OUT_DIR/<peer>/ID.txt
with every span replaced by its label and runs the shared scorer, so the
peers are measured exactly as anonymise is.  Prints one line per peer.
"""
import glob
import json
import os
import subprocess
import sys


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    tab, out = argv
    gold = os.path.join(tab, "test-gold-tae")
    scorer = os.path.join(os.path.dirname(tab.rstrip("/")), "..", "eval", "score.py")
    rows = []
    for path in sorted(glob.glob(os.path.join(tab, "tae", "TAB_test_*_Entity.json"))):
        peer = os.path.basename(path)[len("TAB_test_"):-len("_Entity.json")]
        if peer == "Manual":
            continue  # the annotators' own masks, not a tool
        spans = json.load(open(path, encoding="utf-8"))
        pdir = os.path.join(out, peer)
        os.makedirs(pdir, exist_ok=True)
        for txt in glob.glob(os.path.join(gold, "*.txt")):
            doc = os.path.basename(txt)[:-4]
            text = open(txt, encoding="utf-8").read()
            parts, at = [], 0
            for start, end, label in sorted(spans.get(doc, [])):
                if start < at or end > len(text):
                    continue
                # Masks never swallow a line break: lines must stay paired.
                chunk = text[start:end]
                if "\n" in chunk:
                    continue
                parts += [text[at:start], "[%s]" % label]
                at = end
            parts.append(text[at:])
            with open(os.path.join(pdir, doc + ".txt"), "w", encoding="utf-8") as f:
                f.write("".join(parts))
        js = os.path.join(pdir, "score.json")
        subprocess.run([sys.executable, scorer, "--gold", gold, "--out", pdir,
                        "--json", js], stdout=subprocess.DEVNULL, check=False)
        s = json.load(open(js))
        rows.append((peer, s["mentions"]["all"]["recall"],
                     s["mentions"]["by_type"].get("person", {}).get("recall"),
                     s["precision"]["precision"], s["entities"]["all"]["leak_rate"]))
    print("%-12s %8s %8s %9s %11s" % ("peer", "recall", "person", "precision", "entity leak"))
    for peer, r, p, pr, lk in rows:
        print("%-12s %7.1f%% %7.1f%% %8.1f%% %10.1f%%" % (peer, 100 * r, 100 * (p or 0), 100 * (pr or 0), 100 * lk))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
