"""Independent occurrences for the scheduler's cross-check: python-dateutil's rrule with
zoneinfo (the system tz database), nothing shared with the TypeScript side.

stdin:  [{"tzid", "dtstart": "YYYY-MM-DDTHH:MM", "rrule": "FREQ=...", "after": ms, "count": n}]
stdout: [[{"key": "YYYY-MM-DDTHH:MM", "at": ms}, ...], ...]

A wall time skipped by DST is read with fold=0, i.e. the offset from before the change
(PEP 495), and a repeated one is the first of the two: RFC 5545 §3.3.5's reading.
"""
import json
import re
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr


def wall(text):
    date, time = text.split("T")
    y, mo, d = (int(p) for p in date.split("-"))
    h, mi = (int(p) for p in time.split(":"))
    return y, mo, d, h, mi


def utc_until(rrule, tz):
    # An aware DTSTART needs UNTIL in UTC; the stored rule keeps it as the local end of a day.
    def convert(m):
        local = datetime(int(m[1]), int(m[2]), int(m[3]), 23, 59, 59, tzinfo=tz)
        return "UNTIL=" + local.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    return re.sub(r"UNTIL=(\d{4})(\d{2})(\d{2})T235959(?!Z)", convert, rrule)


def occurrences(case):
    tz = ZoneInfo(case["tzid"])
    start = datetime(*wall(case["dtstart"]), tzinfo=tz)
    rule = rrulestr("RRULE:" + utc_until(case["rrule"], tz), dtstart=start) if case["rrule"] else [start]
    out = []
    for dt in rule:
        at = round(dt.timestamp() * 1000)
        if at <= case["after"]:
            continue
        out.append({"key": dt.strftime("%Y-%m-%dT%H:%M"), "at": at})
        if len(out) >= case["count"]:
            break
    return out


json.dump([occurrences(c) for c in json.load(sys.stdin)], sys.stdout)
