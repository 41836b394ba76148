#!/usr/bin/env python3
"""Dump what Python's stdlib `email` package reads from each message, one JSON line per message.

This is the independent reference SolidWall's MIME reader is compared against
(tests/SolidWall.Mime.Tests/PythonAgreementTests.cs, docs/PARSER-AGREEMENT.md). Python 3.11, stdlib only.

Usage:
    pyemail_dump.py FILE...                 # the files given, paths printed as given
    pyemail_dump.py --corpora DIR           # every ham/spam/fixture message in DIR/MANIFEST.csv,
                                            # paths printed relative to DIR

Each line: {"path", "error", "from", "to", "cc", "subject", "date", "leaves", "texts", "notes"}
  from/to/cc  lower-cased addr-specs of every mailbox in every such header field, in order
  subject     the decoded Subject (first field), whitespace-normalised, or null when absent
  date        the first Date field as ISO 8601 UTC ("2002-08-22T11:26:25Z"), or null when absent or unreadable
  leaves      number of parts from walk() that are not multipart (message/rfc822 is entered, as walk() does)
  texts       decoded text of every text/plain leaf, whitespace-normalised, in walk() order
  notes       what needed a fallback (e.g. an unknown charset), so a disagreement can be traced to its cause
  error       null, or "ExceptionType: message" when reading the message failed as a whole
  deviations  {field: {"value": ..., "rule": ...}} where Python is known to depart from the RFCs on this message:
              the value the RFC reading gives, so the comparison can tell an explained difference from a real one.
              Each rule is narrow and named in docs/PARSER-AGREEMENT.md:
                three-digit-year      RFC 5322 4.3: a three-digit year is 1900 + the year (Python keeps 0102)
                delivery-status       RFC 3464 2.1: message/delivery-status is one body of field groups, not
                                      a container of text/plain parts (Python makes each group a part)
                wsp-before-colon      RFC 5322 4.5: obs-fields allow white space before the colon ("From  :");
                                      Python drops such a field as a misplaced envelope line

A leading mbox "From " line: Python's feedparser takes a first line starting with "From " as the envelope
(Message.get_unixfrom()) and not as a header, which is exactly what SolidWall's MimeParser does, so the
bytes are handed over unchanged and both sides skip it.

Whitespace normalisation is the same explicit character set on both sides (not Python's str.split(), whose
idea of white space differs from .NET's char.IsWhiteSpace on U+001C..U+001F).
"""

import csv
import email
import email.policy
import email.utils
import json
import os
import re
import sys
from datetime import timezone

WHITESPACE = re.compile("[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
SURROGATE = re.compile("[\ud800-\udfff]")


def norm(text):
    """Runs of white space become one space, then trim; lone surrogates (undecodable bytes) become U+FFFD."""
    text = SURROGATE.sub("\ufffd", text)
    return WHITESPACE.sub(" ", text).strip(" ")


def raw_values(msg, name):
    """The raw (unparsed) values of every header field with this name, for the fallbacks."""
    return [str(v) for k, v in msg.raw_items() if k.lower() == name]


def addresses(msg, name, notes):
    out = []
    try:
        for header in msg.get_all(name) or []:
            for a in header.addresses:
                if a.addr_spec:
                    out.append(a.addr_spec)
    except Exception as e:  # the structured header failed: read the raw values with the classic parser
        notes.append(f"{name}: structured header failed ({type(e).__name__}); getaddresses used")
        out = [addr for _, addr in email.utils.getaddresses(raw_values(msg, name)) if addr]
    return [norm(a).lower() for a in out]


def subject(msg, notes):
    try:
        s = msg["subject"]
        return None if s is None else norm(str(s))
    except Exception as e:
        notes.append(f"subject: header failed ({type(e).__name__}); raw value used")
        raw = raw_values(msg, "subject")
        return norm(raw[0]) if raw else None


def iso_utc(dt):
    if dt.tzinfo is None:  # "-0000": no zone information (RFC 5322 section 3.3); read as UTC
        dt = dt.replace(tzinfo=timezone.utc)
    dt = dt.astimezone(timezone.utc)
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}Z"


def date(msg, notes):
    try:
        d = msg["date"]
        if d is None:
            return None
        dt = d.datetime
    except Exception as e:
        notes.append(f"date: header failed ({type(e).__name__}); parsedate_to_datetime used")
        raw = raw_values(msg, "date")
        if not raw:
            return None
        try:
            dt = email.utils.parsedate_to_datetime(raw[0])
        except Exception:
            return None
    if dt is None:
        return None
    try:
        return iso_utc(dt)
    except (OverflowError, ValueError) as e:
        notes.append(f"date: {dt!r} not convertible to UTC ({type(e).__name__})")
        return None


def text_of(part, notes):
    try:
        return part.get_content()
    except Exception as e:
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "us-ascii"
        try:
            text = payload.decode(charset, errors="replace")
            notes.append(f"text: get_content failed ({type(e).__name__}); decoded as {charset}")
            return text
        except LookupError:
            # An unknown charset label: read it as a mail client would, UTF-8 when valid, else windows-1252.
            try:
                text = payload.decode("utf-8")
                used = "utf-8"
            except UnicodeDecodeError:
                text = payload.decode("cp1252", errors="replace")
                used = "cp1252"
            notes.append(f"text: unknown charset {charset!r}; decoded as {used}")
            return text


OBS_FIELD = re.compile(rb"^(from|to|cc)[ \t]+:", re.IGNORECASE)


def raw_header_fields(data):
    """(lower-case name, unfolded value) of every field of the top-level header, names with trailing blanks removed."""
    fields = []
    lines = data.splitlines()
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1][1] += b" " + line.strip()
        elif b":" in line:
            name, _, value = line.partition(b":")
            fields.append([name.strip().lower(), value.strip()])
    return [(n.decode("ascii", "replace"), v.decode("utf-8", "replace")) for n, v in fields]


def raw_header_fields_bytes(data):
    head = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0]
    fields = []
    for line in re.split(rb"\r?\n", head):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1][1] += b" " + line.strip()
        elif b":" in line:
            name, _, value = line.partition(b":")
            fields.append([name.strip().lower(), value.strip()])
    return fields


def deviations(data, record, msg):
    dev = {}
    # three-digit-year: Python's parsedate keeps a year such as 102 as it is.
    d = record["date"]
    if d and d[0] == "0" and 100 <= int(d[:4]) <= 999:
        dev["date"] = {"value": f"{int(d[:4]) + 1900:04d}" + d[4:], "rule": "three-digit-year"}
    # wsp-before-colon: "From  :" is a From field in RFC 5322's obsolete syntax.
    head = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if any(OBS_FIELD.match(line) for line in head.splitlines()[1:] + head.splitlines()[:1]):
        fields = raw_header_fields(data)
        for name in ("from", "to", "cc"):
            values = [v for n, v in fields if n == name]
            value = [a.lower() for _, a in email.utils.getaddresses(values) if a]
            if value != record[name]:
                dev[name] = {"value": value, "rule": "wsp-before-colon"}
    # delivery-status: count the part as one leaf and drop its field groups from the text/plain leaves.
    if any(p.get_content_type() == "message/delivery-status" for p in msg.walk()):
        leaves, texts, skip = 0, [], set()
        for part in msg.walk():
            if id(part) in skip:
                continue
            if part.get_content_type() == "message/delivery-status" and part.is_multipart():
                skip.update(id(b) for b in part.get_payload())
                leaves += 1
                continue
            if part.is_multipart():
                continue
            leaves += 1
            if part.get_content_type() == "text/plain":
                texts.append(norm(text_of(part, [])))
        dev["leaves"] = {"value": leaves, "rule": "delivery-status"}
        dev["texts"] = {"value": texts, "rule": "delivery-status"}
    # header-8bit-legacy: raw 8-bit bytes in a header that are not UTF-8 (RFC 6532) are read as windows-1252,
    # as mail clients show them; Python replaces them with U+FFFD.
    fields = raw_header_fields_bytes(data)
    subj = [v for n, v in fields if n == b"subject"]
    if subj and any(b >= 0x80 for b in subj[0]) and record["subject"] and "\ufffd" in record["subject"]:
        try:
            subj[0].decode("utf-8")
        except UnicodeDecodeError:
            dev["subject"] = {"value": norm(subj[0].decode("cp1252", "replace")), "rule": "header-8bit-legacy"}
    # not-a-mailbox: "undisclosed-recipients:;" is a group with no members (RFC 5322 3.4) and "<>" is an empty
    # path; neither is a mailbox, but Python lists them as addresses.
    for name in ("from", "to", "cc"):
        if name in dev or not record[name]:
            continue
        kept = [a for a in record[name] if "@" in a]
        if kept != record[name]:
            dev[name] = {"value": kept, "rule": "not-a-mailbox"}
    # latin1-is-windows-1252: WHATWG Encoding (what every browser and mail client does) reads the labels
    # us-ascii and iso-8859-1 as windows-1252, so bytes 0x80-0x9F are quotes and dashes, not C1 controls;
    # and 8-bit bytes under an ASCII or UTF-8 label that are valid UTF-8 are UTF-8.
    if "texts" not in dev:
        texts, changed = [], False
        for part in msg.walk():
            if part.is_multipart() or part.get_content_type() != "text/plain":
                continue
            label = (part.get_content_charset() or "us-ascii").lower()
            payload = part.get_payload(decode=True) or b""
            text = norm(text_of(part, []))
            if label in ("us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1", "utf-8") and any(b >= 0x80 for b in payload):
                try:
                    alt = payload.decode("utf-8")
                except UnicodeDecodeError:
                    alt = payload.decode("cp1252", "replace") if label != "utf-8" or payload.count(b"\xef\xbf\xbd") == 0 else None
                if alt is not None and norm(alt) != text:
                    text, changed = norm(alt), True
            texts.append(text)
        if changed:
            dev["texts"] = {"value": texts, "rule": "latin1-is-windows-1252"}
    return dev


def dump(path, data):
    record = {"path": path, "error": None, "from": [], "to": [], "cc": [], "subject": None,
              "date": None, "leaves": 0, "texts": [], "notes": [], "deviations": {}}
    notes = record["notes"]
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        record["from"] = addresses(msg, "from", notes)
        record["to"] = addresses(msg, "to", notes)
        record["cc"] = addresses(msg, "cc", notes)
        record["subject"] = subject(msg, notes)
        record["date"] = date(msg, notes)
        leaves = 0
        for part in msg.walk():
            if part.is_multipart():
                continue
            leaves += 1
            if part.get_content_type() == "text/plain":
                record["texts"].append(norm(text_of(part, notes)))
        record["leaves"] = leaves
        record["deviations"] = deviations(data, record, msg)
    except Exception as e:  # one bad message never stops the run
        record["error"] = f"{type(e).__name__}: {e}"
    return record


def corpus_paths(root):
    with open(os.path.join(root, "MANIFEST.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["label"] in ("ham", "spam") or row["label"].startswith("fixture"):
                yield row["path"]


def main(argv):
    out = sys.stdout
    if argv[:1] == ["--corpora"] and len(argv) == 2:
        root = argv[1]
        items = [(p, os.path.join(root, p)) for p in corpus_paths(root)]
    elif argv and not argv[0].startswith("--"):
        items = [(p, p) for p in argv]
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for shown, full in items:
        try:
            with open(full, "rb") as f:
                data = f.read()
        except OSError as e:
            out.write(json.dumps({"path": shown, "error": f"{type(e).__name__}: {e}"}) + "\n")
            continue
        out.write(json.dumps(dump(shown, data), ensure_ascii=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
