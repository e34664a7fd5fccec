#!/usr/bin/env python3
"""Throughput benchmark: code the PolNeAR train articles and report articles/s,
words/s and peak memory (RSS) of the `chancery` process.

usage: python3 scripts/bench_polnear.py [--bin target/release/chancery] [--runs 3]
                                        [--threads N] [--corpus DIR]

Builds nothing: run `cargo build --release` first. Reads ../shared (the
PolNeAR corpus) and skips with a message when it is absent. Prints one line
per run and the best run, which is the figure docs/performance.md records.
"""
import argparse, os, platform, resource, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "data", "polnear", "train", "text")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "chancery"))
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, help="RAYON_NUM_THREADS for the run (default: all cores)")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print(f"skipped: corpus {a.corpus} not found (../shared is absent)")
        return 0
    if not os.path.exists(a.bin):
        sys.exit(f"{a.bin} not found: run `cargo build --release` first")
    files = sorted(f for f in os.listdir(a.corpus) if f.endswith(".txt"))
    words = 0
    for f in files:
        with open(os.path.join(a.corpus, f), encoding="utf-8") as fh:
            words += len(fh.read().split())
    env = dict(os.environ)
    if a.threads:
        env["RAYON_NUM_THREADS"] = str(a.threads)
    print(f"corpus: {len(files)} articles, {words} words; machine: {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}; threads: {a.threads or 'all'}")
    best = None
    for run in range(1, a.runs + 1):
        start = time.perf_counter()
        done = subprocess.run([a.bin, "code", "--format", "jsonl", a.corpus],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"chancery exited with {done.returncode}: {done.stderr.decode()[-2000:]}")
        events = done.stdout.count(b"\n")
        rate = len(files) / elapsed
        print(f"run {run}: {elapsed:.2f} s, {rate:.1f} articles/s ({rate * 60:,.0f}/min), "
              f"{words / elapsed:,.0f} words/s, {events} events")
        best = elapsed if best is None else min(best, elapsed)
    # ru_maxrss of finished children: the largest peak RSS of any run, in KiB on Linux.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"best: {best:.2f} s, {len(files) / best:.1f} articles/s ({len(files) / best * 60:,.0f}/min), "
          f"{words / best:,.0f} words/s; peak RSS {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
