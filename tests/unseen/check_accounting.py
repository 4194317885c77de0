#!/usr/bin/env python3
"""Character accounting for the held-out pages: every non-space character of a raw page
(NFKC-folded, Markdown heading markers removed, as eval/score.py --raw does) must have a
home in its gold record, and the gold must add nothing.

Gold strings counted: section labels (once per distinct label), kicker, title, subtitles,
dateline, byline names (unless the name sits inside a `closing` string), `closing` strings,
body paragraphs and subheads, figure captions with their raw `credit` (or the credit names),
teaser texts, masthead, other.  What the dev gold also leaves out -- the words and brackets
around opening bylines and photo credits, continuation markers, teaser page pointers, the
second copy of a fake-bold doubled run -- is listed per page in EXPECTED_MISSING; a stray
glyph the gold regularises is listed in both EXPECTED_MISSING and EXPECTED_EXTRA.

    python3 tests/unseen/check_accounting.py      # exit 1 if any page does not balance
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MD = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")

EXPECTED_MISSING = {
    "01_renmin-1996-front": ["（记者", "）", "（记者", "）", "记者", "报道：", "（下转第二版）"],
    "02_wanbao-2008-chengshi": ["本报记者", "摄"],
    "03_markdown-halfwidth": [],
    "04_double-spaced": ["（记者", "通讯员", "）", "本报记者", "本报记者", "摄"],
    "05_fakebold-infographic": [
        # second copies of the fake-bold runs
        "书写教育新篇章", "课后服务全覆盖 作业总量明显减少", "“”落地一周年",
        "“双减”一年间", "●课后服务覆盖率", "100%", "●学生参与率", "95%以上", "●学科类校外培训机构压减率", "96.4%",
        "体育课后服务“上新”", "天天运动一小时",
        # byline words
        "本报记者", "实习生", "（记者", "）"],
    "06_letterspaced-teasers": ["（上接1版）", "（转3版）", "（记者", "）", "详见第5版", "详见第7版", "详见第6版"],
    "07_traditional-1985": ["【", "】", "【", "】", "本報記者", "（本報記者", "攝）", "报"],
    "08_briefs-photo": ["（记者", "通讯员", "）", "本报记者", "摄"],
}
EXPECTED_EXTRA = {"07_traditional-1985": ["報"]}


def key(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def gold_strings(g):
    out, sections = [], []
    for a in g["articles"]:
        if a.get("section") and a["section"] not in sections:
            sections.append(a["section"])
        closing = key("".join(a.get("closing", [])))
        out += [a.get("kicker"), a.get("title")] + a.get("subtitles", [])
        if a.get("dateline") and key(a["dateline"]) not in closing:
            out.append(a["dateline"])
        out += [n for n, _ in a.get("bylines", []) if key(n) not in closing]
        out += a.get("closing", [])
        out += [b["head"] if isinstance(b, dict) else b for b in a.get("body", [])]
        for f in a.get("figures", []):
            out += figure_strings(f)
    out += sections
    for f in g.get("figures", []):
        out += figure_strings(f)
    out += [t["text"] for t in g.get("teasers", [])]
    out += g.get("masthead", []) + g.get("other", [])
    return [s for s in out if s]


def figure_strings(f):
    return [f.get("caption")] + ([f["credit"]] if f.get("credit") else [n for n, _ in f.get("credits", [])])


def main():
    bad = 0
    for gpath in sorted((HERE / "gold").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        stem = gpath.stem
        assert gold["source"] == f"{stem}.txt", stem
        raw = (HERE / gold["source"]).read_text(encoding="utf-8")
        have = Counter(key(MD.sub("", raw)))
        got = Counter(key("".join(gold_strings(gold))))
        want_missing = Counter(key("".join(EXPECTED_MISSING.get(stem, []))))
        want_extra = Counter(key("".join(EXPECTED_EXTRA.get(stem, []))))
        # compare signed balances, so that a regularised glyph (报 -> 報) nets out correctly
        net, want = Counter(have), Counter(want_missing)
        net.subtract(got)
        want.subtract(want_extra)
        net = {c: n for c, n in net.items() if n}
        want = {c: n for c, n in want.items() if n}
        ok = net == want
        missing = Counter({c: n for c, n in net.items() if n > 0})
        extra = Counter({c: -n for c, n in net.items() if n < 0})
        want_missing = Counter({c: n for c, n in want.items() if n > 0})
        want_extra = Counter({c: -n for c, n in want.items() if n < 0})
        bad += not ok
        print(f"{'ok ' if ok else 'BAD'} {stem}: {len(raw.encode())} bytes, "
              f"{sum(missing.values())} chars without a home (expected {sum(want_missing.values())}), "
              f"{sum(extra.values())} added (expected {sum(want_extra.values())})")
        if not ok:
            print("    unexpected missing:", "".join(sorted((missing - want_missing).elements())),
                  "| expected but present:", "".join(sorted((want_missing - missing).elements())),
                  "| unexpected extra:", "".join(sorted((extra - want_extra).elements())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
