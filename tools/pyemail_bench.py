#!/usr/bin/env python3
"""Python's stdlib `email` package on an mbox: the reference figure SolidWall's parser benchmark is compared with.

Usage: pyemail_bench.py MBOX [--max-seconds N]

Reads MBOX with mailbox.mbox, parses every message with email.message_from_bytes(policy=email.policy.default),
and calls get_content() on every text/* leaf (transfer and charset decoding), as bench/SolidWall.Bench's
"parse + decode" figure does. One core (Python's GIL). Prints one JSON line:
  {"messages", "bytes", "seconds", "messages_per_s", "mb_per_s", "decode_errors", "complete", "peak_rss_mb"}
"bytes" counts the stored bytes of the messages read (the whole file when complete), and the time includes
mailbox.mbox's scan of the file, so the figure covers the same work as SolidWall's streaming reader + parser.
With --max-seconds the run stops after that long and reports the rate so far ("complete": false).
"""

import argparse
import email
import email.policy
import json
import mailbox
import os
import resource
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mbox")
    ap.add_argument("--max-seconds", type=float, default=0)
    args = ap.parse_args()

    policy = email.policy.default
    start = time.perf_counter()
    box = mailbox.mbox(args.mbox, create=False)
    messages = 0
    total = 0
    errors = 0
    complete = True
    for key in box.iterkeys():
        data = box.get_bytes(key)
        total += len(data)
        msg = email.message_from_bytes(data, policy=policy)
        for part in msg.walk():
            if part.is_multipart() or part.get_content_maintype() != "text":
                continue
            try:
                part.get_content()
            except Exception:  # unknown charsets and the like: counted, as SolidWall counts defects
                errors += 1
        messages += 1
        if args.max_seconds and time.perf_counter() - start > args.max_seconds:
            complete = False
            break
    seconds = time.perf_counter() - start
    if complete:
        total = os.path.getsize(args.mbox)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "messages": messages, "bytes": total, "seconds": round(seconds, 3),
        "messages_per_s": round(messages / seconds, 1), "mb_per_s": round(total / seconds / 1e6, 3),
        "decode_errors": errors, "complete": complete, "peak_rss_mb": round(peak, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
