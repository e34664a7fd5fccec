#!/usr/bin/env python3
"""Checks the project-written entity training documents (data/training/entities).

usage: python3 scripts/check_entity_training.py [FILE_OR_DIR ...]

Each file is one document: a first line `# genre: GENRE` and then plain
paragraphs, names marked `[[Name|class]]` with class person, place or
organization. Prints one line per problem (file:line: problem) and a count of
names per class and file; exits 1 when there is a problem. The recognizer's
own reader (crates/entities/src/written.rs) applies the same rules.
"""
import pathlib
import re
import sys

CLASSES = {"person", "place", "organization"}
GENRES = {"academic", "bio", "conversation", "interview", "news", "speech",
          "textbook", "vlog", "voyage", "fiction", "howto", "forum"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\]\]")


def check(path):
    problems = []
    counts = {c: 0 for c in CLASSES}
    lines = path.read_text(encoding="utf-8").split("\n")
    first = lines[0].strip() if lines else ""
    genre = first[len("# genre:"):].strip() if first.startswith("# genre:") else None
    if genre not in GENRES:
        problems.append(f"{path}:1: first line must be '# genre: G' with G one of {sorted(GENRES)}")
    for number, line in enumerate(lines[1:], start=2):
        for match in MARK.finditer(line):
            name, cls = match.group(1), match.group(2)
            if cls not in CLASSES:
                problems.append(f"{path}:{number}: unknown class {cls!r} in {match.group(0)}")
                continue
            counts[cls] += 1
            if name != name.strip():
                problems.append(f"{path}:{number}: space at the edge of {match.group(0)}")
            if re.match(r"(?i)the\s", name):
                problems.append(f"{path}:{number}: a name does not start with 'the': {match.group(0)}")
            if re.search(r"['’]s?$", name):
                problems.append(f"{path}:{number}: the possessive stays outside the name: {match.group(0)}")
            if not name[:1].isupper() and not name[:1].isdigit():
                problems.append(f"{path}:{number}: a name starts with a capital: {match.group(0)}")
        rest = MARK.sub("", line)
        if "[[" in rest or "]]" in rest or "|" in rest:
            problems.append(f"{path}:{number}: unbalanced or malformed mark-up")
    return problems, counts


def main(arguments):
    paths = []
    for argument in arguments or ["data/training/entities"]:
        p = pathlib.Path(argument)
        paths.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    all_problems = []
    total = {c: 0 for c in CLASSES}
    for path in paths:
        problems, counts = check(path)
        all_problems.extend(problems)
        for c in CLASSES:
            total[c] += counts[c]
        print(f"{path}: " + ", ".join(f"{c} {counts[c]}" for c in sorted(CLASSES)))
    print("total: " + ", ".join(f"{c} {total[c]}" for c in sorted(CLASSES))
          + f", {sum(total.values())} names in {len(paths)} files")
    for problem in all_problems:
        print(problem)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
