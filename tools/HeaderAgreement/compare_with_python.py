#!/usr/bin/env python3
"""Compares HeaderAgreement's rows with Python's email.utils (parsedate_to_datetime, getaddresses).

usage: compare_with_python.py rows.tsv [examples-per-kind]

A Python date without a zone is taken as UTC, as SolidWall reads "-0000". Addresses are compared lower-cased
and without double quotes (SolidWall re-quotes local parts that are not dot-atoms). Raw values are decoded as
UTF-8, else Latin-1, as Python sees a str header.
"""
import base64
import collections
import datetime
import email.utils
import sys


def text(raw):
    try:
        value = raw.decode("utf-8")
    except UnicodeDecodeError:
        value = raw.decode("latin-1")
    return value.replace("\r\n", "").replace("\n", "").strip()


def python_date(value):
    try:
        d = email.utils.parsedate_to_datetime(value)
    except Exception:  # any failure means "no date", as for SolidWall
        return "null"
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return str(int(d.timestamp()))


def main():
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    with open(sys.argv[1], encoding="utf-8", errors="replace") as rows:
        for line in rows:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                parts += [""] * (4 - len(parts))
            _, field, encoded, ours = parts[:4]
            value = text(base64.b64decode(encoded))
            if field == "date":
                py = python_date(value)
                kind = "date"
                same = py == ours
                if py == "null" and ours != "null":
                    kind = "date-only-solidwall"
                elif py != "null" and ours == "null":
                    kind = "date-only-python"
            elif field in ("from", "to", "cc", "reply-to"):
                kind = "from" if field == "from" else "recipients"
                py = " ".join(a.lower() for _, a in email.utils.getaddresses([value]) if a)
                same = py.replace('"', "") == ours.lower().replace('"', "")
            else:
                continue
            counts[kind] += 1
            if same:
                counts[kind + " agree"] += 1
            else:
                examples[kind].append((value, py, ours))
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    for kind, items in examples.items():
        print(f"== {kind}: {len(items)} differ (value, python, solidwall)")
        for item in items[:shown]:
            print("   ", repr(item)[:300])


if __name__ == "__main__":
    main()
