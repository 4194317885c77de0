"""`cleanup eval`: score TEI output against gold page records.

The measures are those of the project's reference scorer (`eval/score.py`
beside the seed pages), kept here so that an archive can score the tool on
pages it annotated itself: paragraph, article, title, kicker/subtitle,
subhead, section, dateline, byline, continuation, figure, teaser and
publication scores, characters lost or added, and invalid documents.
Gold format: tests/gold/README.md.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
_WS = re.compile(r"\s+")
MARKDOWN_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")


def key(s) -> str:
    """Comparison key: NFKC-folded, white space removed."""
    if s is None:
        return ""
    return _WS.sub("", unicodedata.normalize("NFKC", str(s)))


# ---------------------------------------------------------------- TEI reading

def _local(e) -> str:
    return e.tag.split("}")[-1] if isinstance(e.tag, str) else ""


def _text(el, skip=("sic", "orig", "note", "figure")) -> str:
    """Reading text of an element: corrections over originals, <lb/> as a space,
    nested notes and figures left out."""
    parts: list[str] = []

    def walk(e):
        local = _local(e)
        if e is not el and (local in skip or (local == "ref" and e.get("type") == "page")):
            pass
        elif local == "lb":
            parts.append(" ")
        else:
            if e.text:
                parts.append(e.text)
            for c in e:
                walk(c)
        if e is not el and e.tail:
            parts.append(e.tail)

    walk(el)
    return "".join(parts).strip()


def _persons(byline) -> list[list[str]]:
    return [[key(_text(p)), p.get("role") or ""] for p in byline.iter(f"{{{TEI}}}persName")]


def _inside(e, stop, names) -> bool:
    """Is e nested (below `stop`) inside an element with one of these local names?"""
    for a in e.iterancestors():
        if a is stop:
            return False
        if _local(a) in names:
            return True
    return False


def _article_record(div) -> dict:
    rec = {
        "section": None, "kicker": None, "title": None, "subtitles": [], "dateline": None,
        "bylines": [], "body": [], "continued_to": None, "continued_from": None, "figures": [],
    }
    for h in div:
        if _local(h) != "head":
            continue
        t = h.get("type")
        if t == "kicker":
            rec["kicker"] = _text(h)
        elif t == "sub":
            rec["subtitles"].append(_text(h))
        elif t in (None, "main") and rec["title"] is None:
            rec["title"] = _text(h)
    for a in div.iterancestors(f"{{{TEI}}}div"):
        if a.get("type") == "section":
            h = a.find("t:head", NS)
            rec["section"] = _text(h) if h is not None else None
            break
    for e in div.iterdescendants():
        name = _local(e)
        if not name or _inside(e, div, ("figure",)) and name != "figure":
            continue
        if name == "p" and not _inside(e, div, ("note", "p")):
            rec["body"].append(_text(e))
        elif name == "head" and e.getparent() is not div and _local(e.getparent()) == "div":
            rec["body"].append({"head": _text(e)})
        elif name == "byline":
            rec["bylines"].extend(_persons(e))
        elif name == "dateline" and rec["dateline"] is None:
            rec["dateline"] = _text(e)
        elif name == "note" and e.get("type") == "continuation":
            if e.get("subtype") == "to":
                rec["continued_to"] = e.get("n")
            elif e.get("subtype") == "from":
                rec["continued_from"] = e.get("n")
        elif name == "figure":
            rec["figures"].append(_figure_record(e))
        elif name == "ab":
            txt = _text(e)
            if txt:
                rec["body"].append(txt)
    return rec


def _figure_record(fig) -> dict:
    parts = [_text(c) for c in fig if _local(c) in ("head", "p", "figDesc")]
    credits = []
    for b in fig.iter(f"{{{TEI}}}byline"):
        credits.extend(_persons(b))
    return {"caption": "".join(p for p in parts if p), "credits": credits}


def tei_to_record(path: Path) -> dict:
    doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    root = doc.getroot()
    bibl = root.find(".//t:teiHeader//t:sourceDesc/t:bibl", NS)
    pub = {"title": None, "date": None, "issue": None, "page": None, "pages": None, "idno": None}
    if bibl is not None:
        t = bibl.find("t:title[@level='j']", NS)
        pub["title"] = _text(t) if t is not None else None
        d = bibl.find("t:date", NS)
        pub["date"] = d.get("when") if d is not None else None
        for bs in bibl.findall("t:biblScope", NS):
            if bs.get("unit") in ("issue", "page"):
                pub[bs.get("unit")] = bs.get("n")
        m = bibl.find("t:extent/t:measure[@unit='pages']", NS)
        if m is not None and m.get("quantity"):
            try:
                pub["pages"] = int(float(m.get("quantity")))
            except ValueError:
                pass
        i = bibl.find("t:idno[@type='CN']", NS)
        if i is None:
            i = bibl.find("t:idno", NS)
        pub["idno"] = _text(i) if i is not None else None
    body = root.find(".//t:text", NS)
    rec = {"publication": pub, "articles": [], "teasers": [], "figures": [], "masthead": [], "other": []}
    if body is None:
        return rec
    article_divs = set()
    for div in body.iter(f"{{{TEI}}}div"):
        if div.get("type") == "article":
            article_divs.add(div)
            rec["articles"].append(_article_record(div))
    for tdiv in body.iter(f"{{{TEI}}}div"):
        if tdiv.get("type") != "teasers":
            continue
        for item in tdiv.iter(f"{{{TEI}}}item"):
            ref = item.find(".//t:ref[@type='page']", NS)
            rec["teasers"].append({"text": _text(item), "page": ref.get("n") if ref is not None else None})
    for fig in body.iter(f"{{{TEI}}}figure"):
        if not any(a in article_divs for a in fig.iterancestors(f"{{{TEI}}}div")):
            rec["figures"].append(_figure_record(fig))
    for fw in body.iter(f"{{{TEI}}}fw"):
        rec["masthead"].append(_text(fw))
    return rec


def original_text(path: Path) -> str:
    """The text of <text> with originals in place of corrections (for the lost/extra check)."""
    from tei.reader import printed_text

    return printed_text(path)


# ---------------------------------------------------------------- comparison

def _paras(article) -> list[str]:
    return [key(b) for b in article.get("body", []) if isinstance(b, str) and key(b)]


def _subheads(article) -> list[str]:
    return [key(b["head"]) for b in article.get("body", []) if isinstance(b, dict) and key(b.get("head"))]


def _f1(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _multiset_tp(gold: list, pred: list) -> int:
    return sum((Counter(gold) & Counter(pred)).values())


def match_articles(gold_arts: list[dict], pred_arts: list[dict]):
    """Pair each gold article with the predicted article sharing most body text."""
    pairs = []
    pred_sets = [Counter(_paras(a)) for a in pred_arts]
    for gi, g in enumerate(gold_arts):
        gset = Counter(_paras(g))
        best, best_ov = None, 0
        for pi, pset in enumerate(pred_sets):
            ov = sum(len(k) * n for k, n in (gset & pset).items())
            if ov > best_ov:
                best, best_ov = pi, ov
        pairs.append((gi, best, best_ov))
    return pairs


def compare(gold: dict, pred: dict, counts: dict) -> dict:
    ga, pa = gold.get("articles", []), pred.get("articles", [])

    # paragraphs
    gp = [p for a in ga for p in _paras(a)]
    pp = [p for a in pa for p in _paras(a)]
    counts["para"] += Counter(tp=_multiset_tp(gp, pp), pred=len(pp), gold=len(gp))

    # subheads
    gs = [h for a in ga for h in _subheads(a)]
    ps = [h for a in pa for h in _subheads(a)]
    counts["subhead"] += Counter(tp=_multiset_tp(gs, ps), pred=len(ps), gold=len(gs))

    # articles, and per-article fields
    pairs = match_articles(ga, pa)
    correct = 0
    page_misses = []
    for gi, pi, ov in pairs:
        g = ga[gi]
        glen = sum(len(p) for p in _paras(g))
        p = pa[pi] if pi is not None else None
        plen = sum(len(x) for x in _paras(p)) if p else 0
        ok = bool(p is not None and glen and ov >= 0.9 * glen and ov >= 0.9 * plen)
        correct += ok
        if not ok:
            page_misses.append(g.get("title") or (_paras(g)[:1] or ["?"])[0][:20])
        if g.get("title"):
            counts["title"] += Counter(gold=1, tp=int(bool(p) and key(p.get("title")) == key(g["title"])))
        if g.get("section"):
            counts["section"] += Counter(gold=1, tp=int(bool(p) and key(p.get("section")) == key(g["section"])))
        if g.get("kicker") or g.get("subtitles"):
            gh = (key(g.get("kicker")), tuple(key(s) for s in g.get("subtitles", [])))
            ph = (key(p.get("kicker")), tuple(key(s) for s in p.get("subtitles", []))) if p else None
            counts["kicker_sub"] += Counter(gold=1, tp=int(gh == ph))
        if g.get("dateline"):
            same = bool(p) and key(p.get("dateline")).strip("()[]【】") == key(g["dateline"]).strip("()[]【】")
            counts["dateline"] += Counter(gold=1, tp=int(same))
    for a in pa:
        counts["title"] += Counter(pred=int(bool(key(a.get("title")))))
        counts["dateline"] += Counter(pred=int(bool(key(a.get("dateline")))))
    for gi, pi, ov in pairs:
        g = ga[gi]
        p = pa[pi] if pi is not None else None
        gb = [(key(n), r) for n, r in g.get("bylines", [])]
        pb = [(key(n), r) for n, r in (p.get("bylines", []) if p else [])]
        counts["byline"] += Counter(tp=_multiset_tp(gb, pb), gold=len(gb))
        counts["byline_name"] += Counter(tp=_multiset_tp([n for n, _ in gb], [n for n, _ in pb]), gold=len(gb))
        for d in ("to", "from"):
            gv = g.get(f"continued_{d}")
            pv = p.get(f"continued_{d}") if p else None
            if gv:
                counts["continuation"] += Counter(gold=1, tp=int(pv == gv))
    counts["article"] += Counter(tp=correct, pred=len(pa), gold=len(ga))
    for a in pa:
        counts["byline"] += Counter(pred=len(a.get("bylines", [])))
        counts["byline_name"] += Counter(pred=len(a.get("bylines", [])))
        counts["continuation"] += Counter(pred=int(bool(a.get("continued_to"))) + int(bool(a.get("continued_from"))))

    # figures (captions, article-level and page-level together)
    def captions(rec, arts):
        figs = rec.get("figures", []) + [f for a in arts for f in a.get("figures", [])]
        return [key(f.get("caption")) for f in figs if key(f.get("caption"))]

    gf, pf = captions(gold, ga), captions(pred, pa)
    counts["figure"] += Counter(tp=_multiset_tp(gf, pf), pred=len(pf), gold=len(gf))

    # teasers
    gt = [(key(t["text"]), t.get("page")) for t in gold.get("teasers", [])]
    pt = [(key(t["text"]), t.get("page")) for t in pred.get("teasers", [])]
    counts["teaser"] += Counter(tp=_multiset_tp(gt, pt), pred=len(pt), gold=len(gt))

    # publication facts
    gpub, ppub = gold.get("publication") or {}, pred.get("publication") or {}
    for f in ("title", "date", "issue", "page", "pages", "idno"):
        gv, pv = gpub.get(f), ppub.get(f)
        same = gv is not None and ((key(pv) == key(gv)) if f in ("title", "idno") else (str(pv) == str(gv)))
        counts["publication"] += Counter(gold=int(gv is not None), pred=int(pv is not None), tp=int(same))
    return {"article_misses": page_misses}


MEASURES = ("para", "article", "title", "kicker_sub", "subhead", "section", "dateline", "byline",
            "byline_name", "continuation", "figure", "teaser", "publication")
ACCURACY_ONLY = ("kicker_sub", "section")


def _read_raw(raw_dir: Path, gold: dict, stem: str) -> str:
    raw = (raw_dir / gold.get("source", f"{stem}.txt")).read_text(encoding="utf-8", errors="replace")
    return MARKDOWN_HEADING.sub("", raw)  # the extractor's markup, not page text


def evaluate(gold_dir: Path, pred_dir: Path, raw_dir: Path | None = None,
             schema: "etree.RelaxNG | None" = None, verbose: bool = False) -> dict[str, Any]:
    """Score every gold record in `gold_dir` against `pred_dir`/<stem>.xml
    (or .json); returns the summary the CLI prints."""
    counts = {k: Counter() for k in MEASURES}
    lost_total, extra_total, pages = 0, 0, 0
    invalid: list[str] = []
    missing: list[str] = []
    details: dict[str, dict] = {}
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        stem = gpath.stem
        xml, js = pred_dir / f"{stem}.xml", pred_dir / f"{stem}.json"
        pages += 1
        if xml.exists():
            try:
                pred = tei_to_record(xml)
            except Exception as e:  # unreadable output scores as empty
                pred, missing = {}, missing + [f"{stem}: {e}"]
            if schema is not None:
                try:
                    if not schema.validate(etree.parse(str(xml))):
                        invalid.append(f"{stem}: {schema.error_log.last_error}")
                except Exception as e:
                    invalid.append(f"{stem}: {e}")
            if raw_dir is not None:
                try:
                    out = Counter(key(original_text(xml)))
                except Exception:
                    out = Counter()
                inp = Counter(key(_read_raw(raw_dir, gold, stem)))
                lost, extra = inp - out, out - inp
                lost_total += sum(lost.values())
                extra_total += sum(extra.values())
                if lost:
                    details.setdefault(stem, {})["lost"] = "".join(sorted(lost.elements()))[:200]
                if extra:
                    details.setdefault(stem, {})["extra"] = "".join(sorted(extra.elements()))[:200]
        elif js.exists():
            pred = json.loads(js.read_text(encoding="utf-8"))
        else:
            pred, missing = {}, missing + [f"{stem}: no output"]
        d = compare(gold, pred, counts)
        if d["article_misses"]:
            details.setdefault(stem, {})["article_misses"] = d["article_misses"]

    summary: dict[str, Any] = {"pages": pages}
    for k, c in counts.items():
        if k not in ACCURACY_ONLY:
            summary[k] = _f1(c["tp"], c["pred"], c["gold"])
        else:
            summary[k] = {"tp": c["tp"], "gold": c["gold"], "acc": round(c["tp"] / c["gold"], 4) if c["gold"] else 1.0}
    if raw_dir is not None:
        summary["lost_chars"] = lost_total
        summary["extra_chars"] = extra_total
    if schema is not None:
        summary["invalid_tei"] = invalid
    summary["missing"] = missing
    if verbose:
        summary["details"] = details
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    """The summary as the reference scorer prints it, one measure a line."""
    lines = []
    for k, v in summary.items():
        if isinstance(v, dict) and "f1" in v:
            lines.append(f"{k:14s} F1 {v['f1']:.3f}  P {v['p']:.3f}  R {v['r']:.3f}  "
                         f"({v['tp']}/{v['gold']} gold, {v['pred']} predicted)")
        elif isinstance(v, dict) and "acc" in v:
            lines.append(f"{k:14s} acc {v['acc']:.3f}  ({v['tp']}/{v['gold']})")
        else:
            lines.append(f"{k:14s} {v}")
    return "\n".join(lines)
