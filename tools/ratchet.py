#!/usr/bin/env python3
"""Hold measured figures to floors (the ratchet behind `make eval`).

usage: ratchet.py [--raise] FLOORS.tsv NAME=score.json...

FLOORS.tsv lines: NAME <TAB> dotted.path.in.score.json <TAB> >= or <= <TAB> value
A figure that falls below its floor (or rises above a ceiling) fails the run.
--raise rewrites the file with every floor moved to today's figure when that
is better, so a change that improves a figure raises its floor in the same commit.
"""
import json
import sys


def lookup(doc, path):
    for part in path.split("."):
        if not isinstance(doc, dict) or part not in doc:
            return None
        doc = doc[part]
    return doc


def main(argv):
    raise_floors = False
    if argv and argv[0] == "--raise":
        raise_floors, argv = True, argv[1:]
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    floors_path, scores = argv[0], {}
    for arg in argv[1:]:
        name, _, path = arg.partition("=")
        try:
            with open(path, encoding="utf-8") as f:
                scores[name] = json.load(f)
        except OSError:
            pass  # a corpus that was not run; its floors are skipped
    lines, failed, out = open(floors_path, encoding="utf-8").read().splitlines(), 0, []
    print("%-5s %-48s %-4s %9s %9s  %s" % ("", "figure", "", "floor", "now", ""))
    for line in lines:
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        name, path, op, floor = line.split("\t")
        floor = float(floor)
        if name not in scores:
            out.append(line)
            continue
        now = lookup(scores[name], path)
        if now is None:
            status, ok = "n/a", True
        else:
            ok = now >= floor - 1e-9 if op == ">=" else now <= floor + 1e-9
            better = now > floor if op == ">=" else now < floor
            status = "ok" if ok else "BELOW FLOOR"
            if ok and better and raise_floors:
                new = round(now - 5e-5 if op == ">=" else now + 5e-5, 4)
                if new != floor:
                    floor, status = new, "raised"
        if not ok:
            failed += 1
        print("%-5s %-48s %-4s %9.4f %9s  %s" % (name, path, op, floor,
              "n/a" if now is None else "%.4f" % now, status))
        out.append("\t".join([name, path, op, "%.4f" % floor]))
    if raise_floors:
        with open(floors_path, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    if failed:
        print("eval: %d figure(s) below their floor" % failed, file=sys.stderr)
        return 1
    print("eval: every figure at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
