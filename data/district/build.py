#!/usr/bin/env python3
"""Builds data/district/*.jsonl from the hand-written messages in data/district/source/*.txt;
given a folder (`build.py data/ordinary`), that folder's source/*.txt into its *.jsonl instead.

Each message in a source file starts with a header line
    @@ E fundraising,literature | kind | lang [| html]     (E = electioneering, A = allowed)
followed by From:, To:, Subject: lines, a blank line and the body, up to the next @@ line.
Ids are <pos|neg>-<kind>-<NNN>, numbered per kind across all files in file-name order, so
editing a source file and rebuilding keeps the ids of earlier messages stable.
With "html" the row also gets an HTML body made from the plain text (paragraphs and links).
"""
import html, json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
CATS = {"fundraising", "volunteer_recruitment", "event", "vote_solicitation", "petition",
        "literature", "polling", "questionnaire", "coercion"}
LINK = re.compile(r"https?://[^\s<>\"')\]]+")


def to_html(body):
    out = []
    for para in re.split(r"\n\s*\n", body):
        esc = html.escape(para)
        esc = LINK.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', esc)
        out.append("<p>" + esc.replace("\n", "<br>\n") + "</p>")
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def parse(path, counters):
    text = path.read_text(encoding="utf-8")
    chunks = re.split(r"^@@ ", text, flags=re.M)[1:]
    rows = []
    for chunk in chunks:
        head, _, rest = chunk.partition("\n")
        parts = [p.strip() for p in head.split("|")]
        lab = parts[0].split(None, 1)
        label = {"E": "electioneering", "A": "allowed"}[lab[0]]
        cats = [c.strip() for c in lab[1].split(",")] if len(lab) > 1 else []
        kind, lang = parts[1], parts[2]
        want_html = len(parts) > 3 and parts[3] == "html"
        hdrs, _, body = rest.partition("\n\n")
        h = {}
        for line in hdrs.splitlines():
            k, _, v = line.partition(":")
            h[k.strip().lower()] = v.strip()
        for c in cats:
            if c not in CATS:
                sys.exit(f"{path.name}: unknown category {c!r} in {head!r}")
        prefix = "pos" if label == "electioneering" else "neg"
        key = f"{prefix}-{kind}"
        counters[key] = counters.get(key, 0) + 1
        row = {
            "id": f"{key}-{counters[key]:03d}",
            "label": label,
            "categories": cats,
            "kind": kind,
            "language": lang,
            "from": h["from"],
            "to": [a.strip() for a in h["to"].split(",") if a.strip()],
            "subject": h.get("subject", ""),
            "body": body.strip("\n").rstrip() ,
        }
        if want_html:
            row["html"] = to_html(row["body"])
        rows.append(row)
    return rows


def main():
    counters = {}
    base = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    for src in sorted((base / "source").glob("*.txt")):
        rows = parse(src, counters)
        out = base / (src.stem + ".jsonl")
        with out.open("w", encoding="utf-8", newline="\n") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{out.name}: {len(rows)}")


if __name__ == "__main__":
    main()
