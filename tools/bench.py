#!/usr/bin/env python3
"""make bench: wall time, CPU time and peak RSS of the anonymise chain.

Measures, with medians of several runs (getrusage of each child process):
  - the full chain on the three large dev reports, on a 50 MB text made by
    concatenating the dev corpus, and on every dev DOCX (when the build reads DOCX);
  - each stage alone on the stream it receives in the chain;
  - start-up: each stage on an empty stream;
  - the npm package redact-pii (installed into out/bench/peer) on the same large
    reports in the same run, as a throughput ratio.
Writes out/bench/results.md and prints it.
"""
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ANON_SHARED", os.path.join(TOP, "..", "shared"))
DEV = os.path.join(SHARED, "corpus", "dev")
OUT = os.path.join(TOP, "out", "bench")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BIN = os.path.join(TOP, "bin")


def run(argv, stdin=None, stdout=None):
    """Runs argv once; returns (wall s, CPU s of the process tree, max RSS KB so far)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    fout = open(stdout, "wb") if stdout else subprocess.DEVNULL
    p = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
    _, err = p.communicate()
    status = p.returncode
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if fin is not subprocess.DEVNULL:
        fin.close()
    if fout is not subprocess.DEVNULL:
        fout.close()
    if status != 0:
        sys.exit("bench: %s failed (%d): %s" % (" ".join(argv), status, err.decode(errors="replace")[:300]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def peak_rss(argv, stdin=None):
    """Peak RSS (KB) of the largest process of a command, via /usr/bin/time."""
    cmd = ["/usr/bin/time", "-f", "%M"] + argv
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    p = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if fin is not subprocess.DEVNULL:
        fin.close()
    return int(p.stderr.decode().strip().splitlines()[-1])


def median_run(argv, stdin=None, stdout=None, runs=RUNS):
    walls, cpus = [], []
    for _ in range(runs):
        w, c, _ = run(argv, stdin, stdout)
        walls.append(w)
        cpus.append(c)
    return statistics.median(walls), statistics.median(cpus)


def stages():
    """The chain's stages in order, as the pipeline script runs them."""
    order = ["anon-ids", "anon-dates", "anon-places", "anon-names",
             "anon-pseudo", "anon-flag"]
    return [s for s in order if os.access(os.path.join(BIN, s), os.X_OK)]


def main():
    os.makedirs(OUT, exist_ok=True)
    if not glob.glob(os.path.join(DEV, "*.txt")):
        sys.exit("bench: no reports in %s (set ANON_SHARED)" % DEV)
    large = sorted(glob.glob(os.path.join(DEV, "*.txt")), key=os.path.getsize)[-3:]
    big = os.path.join(OUT, "corpus-50MB.txt")
    if not os.path.exists(big) or os.path.getsize(big) < 50_000_000:
        texts = [open(f, "rb").read() for f in sorted(glob.glob(os.path.join(DEV, "*.txt")))]
        with open(big, "wb") as f:
            n = 0
            while n < 50_000_000:
                for t in texts:
                    f.write(t)
                    n += len(t)
    rows = []
    anonymise = os.path.join(BIN, "anonymise")
    inputs = large + [big]
    for path in inputs:
        size = os.path.getsize(path)
        out = os.path.join(OUT, "out.txt")
        runs = RUNS if size < 10_000_000 else max(1, RUNS // 2)
        wall, cpu = median_run([anonymise, "-o", out, path], runs=runs)
        rss = peak_rss([anonymise, "-o", out, path])
        rows.append((os.path.basename(path), size, wall, cpu, rss))
    docx_rows = []
    for path in sorted(glob.glob(os.path.join(DEV, "*.docx"))):
        out = os.path.join(OUT, "out.docx")
        try:
            wall, cpu = median_run([anonymise, "-o", out, path])
        except SystemExit as e:
            docx_rows.append((os.path.basename(path), None, None, None, str(e)[:80]))
            continue
        rss = peak_rss([anonymise, "-o", out, path])
        docx_rows.append((os.path.basename(path), os.path.getsize(path), wall, cpu, rss))

    # Each stage alone, on the stream it gets in the chain (largest report).
    stage_rows = []
    stream = os.path.join(OUT, "stage0.stream")
    run([os.path.join(BIN, "anon-read"), large[-1]], stdout=stream)
    empty = os.path.join(OUT, "empty.stream")
    with open(empty, "w") as f:
        f.write("anon-stream\t1\nend\t0\n")
    w, c = median_run([os.path.join(BIN, "anon-read"), large[-1]])
    stage_rows.append(("anon-read", w, c, median_run([os.path.join(BIN, "anon-read"), "/dev/null"])[0]))
    for i, s in enumerate(stages() + ["anon-write"]):
        nxt = os.path.join(OUT, "stage%d.stream" % (i + 1))
        argv = [os.path.join(BIN, s)]
        if s == "anon-write":
            argv += ["-o", os.path.join(OUT, "stage.out")]
        w, c = median_run(argv, stdin=stream)
        startup = median_run(argv, stdin=empty)[0]
        if s != "anon-write":
            run(argv, stdin=stream, stdout=nxt)
            stream = nxt
        stage_rows.append((s, w, c, startup))

    # The peer, in the same run, on the same three reports.
    peer = ""
    peer_dir = os.path.join(OUT, "peer")
    if shutil.which("npm") and shutil.which("node"):
        if not os.path.isdir(os.path.join(peer_dir, "node_modules", "redact-pii")):
            os.makedirs(peer_dir, exist_ok=True)
            subprocess.run(["npm", "install", "--silent", "--prefix", peer_dir, "redact-pii@3.4.0"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        script = os.path.join(TOP, "tools", "redact-pii-peer.js")
        joined = os.path.join(OUT, "large3.txt")
        with open(joined, "wb") as f:
            for p in large:
                f.write(open(p, "rb").read())
        if os.path.isdir(os.path.join(peer_dir, "node_modules", "redact-pii")):
            env_path = os.path.join(peer_dir, "node_modules")
            os.environ["NODE_PATH"] = env_path
            pw, pc = median_run(["node", script, joined, os.path.join(OUT, "peer.out")], runs=3)
            ow, oc = median_run([anonymise, "-o", os.path.join(OUT, "ours.out"), joined], runs=3)
            size = os.path.getsize(joined)
            peer = ("| redact-pii 3.4.0 (node %s) | %.2f MB | %.3f s | %.2f MB/s |\n"
                    "| anonymise | %.2f MB | %.3f s | %.2f MB/s |\n\n"
                    "Throughput ratio (anonymise / redact-pii, whole process, same text, same run): **%.1f×**\n"
                    % (subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip(),
                       size / 1e6, pw, size / 1e6 / pw, size / 1e6, ow, size / 1e6 / ow, pw / ow))
        else:
            peer = "redact-pii could not be installed (npm registry unreachable?)\n"

    lines = ["# make bench results", "",
             "Machine: %s, %d cores; runs per figure: %d (median)." % (os.uname().machine, os.cpu_count(), RUNS), "",
             "## Full chain, plain text", "",
             "| input | size | wall | CPU | throughput | peak RSS |", "|---|---|---|---|---|---|"]
    for name, size, wall, cpu, rss in rows:
        lines.append("| %s | %.2f MB | %.3f s | %.3f s | %.1f MB/s | %.1f MB |" % (
            name, size / 1e6, wall, cpu, size / 1e6 / wall, rss / 1024))
    if docx_rows:
        lines += ["", "## Full chain, DOCX in and out", "",
                  "| input | size | wall | CPU | peak RSS |", "|---|---|---|---|---|"]
        for name, size, wall, cpu, rss in docx_rows:
            if size is None:
                lines.append("| %s | failed: %s | | | |" % (name, rss))
            else:
                lines.append("| %s | %.0f KB | %.3f s | %.3f s | %.1f MB |" % (name, size / 1e3, wall, cpu, rss / 1024))
    lines += ["", "## Each stage alone (%s, %.2f MB)" % (os.path.basename(large[-1]), os.path.getsize(large[-1]) / 1e6), "",
              "| stage | wall | CPU | start-up (empty stream) |", "|---|---|---|---|"]
    for s, w, c, st in stage_rows:
        lines.append("| %s | %.3f s | %.3f s | %.1f ms |" % (s, w, c, st * 1000))
    lines += ["", "## Peer", "", "| tool | size | wall | throughput |", "|---|---|---|---|", peer]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
