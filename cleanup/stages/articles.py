"""articles: split the page into articles with heads, bylines and datelines.

The zoned blocks are first read as a flat list of tokens (a head group, a
paragraph, an opening dateline/byline, a closing byline, a continuation note,
a figure piece, a section banner, page furniture).  Then one decision is made
for the whole page: are heads printed BEFORE their body (the usual layout) or
AFTER it (common in column extractions, where the headline block comes out
last)?  Finally one pass builds the body: articles start at an opening
dateline, a （上接…） note or (heads before) a title group, and end at a
closing byline, a （下转…） note or (heads after) their title group.  Every
block's text lands somewhere exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from cleanup import people
from cleanup.model import (CAPTION, CONTINUATION, CREDIT, DISPLAY, MASTHEAD, PAGE_REF, SECTION,
                           TEASER, Article, Block, Division, Figure, Masthead, Name, Note, Page, PageRef,
                           Para, Section, Subsection, Teasers, Text)

NAME = "articles"
DATA = Path(__file__).resolve().parent.parent / "data"

# token kinds
HEAD, LABEL, OPEN, TEXT, CLOSE, NOTE, FIG, BANNER, FURNITURE, BYLINE = (
    "head", "label", "open", "text", "close", "note", "fig", "banner", "furniture", "byline")
CONTENT = (HEAD, LABEL, OPEN, TEXT, CLOSE, NOTE)   # what the layout vote and look-ahead read
WRITERS = ("reporter", "author", "correspondent", "intern", "trainee")   # roles that sign an article

SHORT_BLOCK = 60        # longest block that may be a whole closing byline
LONGEST_LABEL = 12      # longest box label with its brackets
LABEL_EDGES = regex.compile(r"^[\s【\[〔（(■●▲◆]*|[\s】\]〕）):：]*$")
CONTINUATION_MARK = regex.compile(r"[（(][^（()）\n]{1,12}[)）]")
SPACE = regex.compile(r"\s+")
OPENERS, CLOSERS = "“‘《（(「『【", "”’》）)」』】"


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A data file under cleanup/data: one entry per line, `#` comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s for s in (ln.split("#", 1)[0].strip() for ln in lines) if s)


def is_box_label(text: str) -> bool:
    return len(text) <= LONGEST_LABEL and LABEL_EDGES.sub("", text) in word_list("articles_box_labels.txt")


# ------------------------------------------------------------------ tokens

@dataclass
class Token:
    kind: str
    block: Block
    text: Text = field(default_factory=Text)
    lines: list[list[Text]] = field(default_factory=list)   # HEAD: printed lines per block
    paras: list[Para] = field(default_factory=list)         # OPEN / CLOSE
    note: Note | None = None


def display_lines(text: Text) -> list[Text]:
    """The printed lines of a display block (its text joins them with "\\n")."""
    out, start = [], 0
    plain = text.plain
    while True:
        end = plain.find("\n", start)
        piece = text.slice(start, len(plain) if end < 0 else end).strip()
        if piece:
            out.append(piece)
        if end < 0:
            return out
        start = end + 1


def continuation_tokens(block: Block, text: Text) -> list[Token]:
    """A continuation block: the note, and any running text the block also holds."""
    mark = CONTINUATION_MARK.search(text.plain)
    a, b = mark.span() if mark else (0, len(text))
    note = Note(text.slice(a, b), block.facts.get("direction", "to"), block.facts.get("page", ""))
    out = [Token(NOTE, block, note.text, note=note)]
    before, after = text.slice(0, a).strip(), text.slice(b).strip()
    if before:
        out.insert(0, Token(TEXT, block, before))
    if after:
        out.append(Token(TEXT, block, after))
    return out


def paragraph_tokens(block: Block, text: Text, year: int | None) -> list[Token]:
    """Running text: an opening dateline/byline, a whole closing byline, or a
    paragraph (perhaps ending in a bracketed closing byline)."""
    if len(text) <= SHORT_BLOCK:
        closing = people.closing(text, year)
        if closing:
            return [Token(CLOSE, block, text, paras=closing)]
    opening, rest = people.split_opening(text, year)
    if opening:
        return [Token(OPEN, block, rest.strip(), paras=opening)]
    start = trailing_bracket(text.plain)
    if start > 0:
        closing = people.closing(text.slice(start).strip(), year)
        if closing:
            return [Token(TEXT, block, text.slice(0, start).strip()),
                    Token(CLOSE, block, text.slice(start).strip(), paras=closing)]
    return [Token(TEXT, block, text)]


def trailing_bracket(plain: str) -> int:
    """Where a bracketed group that ends the text starts (-1 if none): the
    place of a closing byline run into the last paragraph."""
    end = len(plain.rstrip())
    if not end or plain[end - 1] not in "）)":
        return -1
    return max(plain.rfind("（", 0, end), plain.rfind("(", 0, end))


def tokens_of(block: Block, year: int | None) -> list[Token]:
    text = block.text.strip()
    if not text:
        return []
    zone = block.zone
    if zone in (MASTHEAD, TEASER, PAGE_REF):
        return [Token(FURNITURE, block, text)]
    if zone in (CAPTION, CREDIT):
        return [Token(FIG, block, text)]
    if zone == SECTION:
        return [Token(BANNER, block, text)]
    if zone == CONTINUATION:
        return continuation_tokens(block, text)
    if is_box_label(text.plain):
        return [Token(LABEL, block, text)]
    if block.kind == DISPLAY:
        lines = display_lines(text)
        closing = people.closing(text, year) if len(lines) == 1 and len(text) <= SHORT_BLOCK else None
        if closing:
            return [Token(CLOSE, block, text, paras=closing)]
        byline, rest = people.split_opening(lines[-1], year) if len(lines) > 1 else ([], None)
        if byline and not rest:
            return [Token(HEAD, block, text, lines=[lines[:-1]]), Token(BYLINE, block, lines[-1], paras=byline)]
        return [Token(HEAD, block, text, lines=[lines])]
    return paragraph_tokens(block, text, year)


def tokenize(page: Page, year: int | None) -> list[Token]:
    """Tokens in printed order; adjacent display blocks form one head group."""
    out: list[Token] = []
    for block in page.blocks:
        for tok in tokens_of(block, year):
            if tok.kind == HEAD and out and out[-1].kind == HEAD:
                out[-1].lines += tok.lines
            else:
                out.append(tok)
    return out


# ------------------------------------------------------------ head layout

def heads_after(tokens: list[Token]) -> bool:
    """Does this page print heads after their body?  Votes: the page opens
    with a head (before) or with running text (after); the page ends with a
    head (after); a head directly over an opening dateline (before); an
    opening dateline with no head over it (after)."""
    content = [t for t in tokens if t.kind in CONTENT and t.kind != LABEL]
    if not any(t.kind == HEAD for t in content):
        return False
    before = 2 * (content[0].kind == HEAD)
    after = (content[0].kind in (TEXT, OPEN)) + 2 * (content[-1].kind == HEAD)
    for prev, tok in zip(content, content[1:]):
        if tok.kind == OPEN:
            before += prev.kind == HEAD
            after += prev.kind != HEAD
    return after > before


def kicker_like(first: Text, second: Text) -> bool:
    """Is `first` a kicker over `second` (else `second` is a subtitle)?"""
    if second.plain.startswith("——"):
        return False
    words = first.plain.rstrip("：:，,。 ")
    if any(words.endswith(w) for w in word_list("articles_kicker_ends.txt")):
        return True
    if " " in first.plain.strip() and " " not in second.plain.strip():
        return True
    return len(SPACE.sub("", second.plain)) < len(SPACE.sub("", first.plain))


def one_phrase(first: Text, second: Text) -> bool:
    """Two printed lines that are one head broken in two: a quote or bracket
    left open, or a stub too short to stand as a head."""
    a, b = first.plain, second.plain
    if sum(a.count(c) for c in OPENERS) > sum(a.count(c) for c in CLOSERS):
        return True
    return len(SPACE.sub("", a)) <= 5 or len(SPACE.sub("", b)) <= 4


def head_units(lines: list[list[Text]]) -> list[Text]:
    """The heads of a group: lines of one block that form one phrase joined by "\\n"."""
    units: list[Text] = []
    for block_lines in lines:
        run: list[Text] = []
        for line in block_lines:
            if run and not one_phrase(run[-1], line):
                units.append(Text.join(run, "\n"))
                run = []
            run.append(line)
        if run:
            units.append(Text.join(run, "\n"))
    return units


def split_title(lines: list[list[Text]]) -> tuple[list[list[Text]], list[list[Text]]]:
    """The blocks of a display group that make the title: the first block,
    with the next ones while the block before was a single line (a kicker
    set apart) and the heads number three at most.  The blocks after it
    are subheads."""
    n = units = 0
    for block_lines in lines:
        k = len(head_units([block_lines]))
        if n and (units + k > 3 or len(lines[n - 1]) > 1):
            break
        n, units = n + 1, units + k
    return lines[:n], lines[n:]


def split_heads(units: list[Text]) -> tuple[Text | None, Text | None, list[Text]]:
    """kicker, main title, subtitles from a title group's heads."""
    if len(units) == 1:
        return None, units[0], []
    if len(units) == 2:
        return (units[0], units[1], []) if kicker_like(*units) else (None, units[0], [units[1]])
    if len(units) == 3 or kicker_like(units[0], units[1]):
        return units[0], units[1], units[2:]
    return None, units[0], units[1:]


def has_doubling(text: Text) -> bool:
    return any(c.kind == "sic" for c in text.choices)


def split_graphic(lines: list[list[Text]]) -> tuple[list[list[Text]], list[Text]]:
    """An infographic set right under a clean headline: three or more lines
    with doubled (fake-bold) glyphs after a first line without.  Returns the
    head lines and the graphic's lines."""
    flat = [(i, j, ln) for i, bl in enumerate(lines) for j, ln in enumerate(bl)]
    doubled = [k for k, (_, _, ln) in enumerate(flat) if has_doubling(ln)]
    if len(doubled) < 3 or doubled[0] == 0:
        return lines, []
    i, j, _ = flat[doubled[0]]
    head = [bl for bl in lines[:i]] + ([lines[i][:j]] if j else [])
    return head, [ln for _, _, ln in flat[doubled[0]:]]


# ---------------------------------------------------------------- builder

def following(tokens: list[Token], kinds: tuple[str, ...]) -> list[Token | None]:
    """For each token, the first later token of one of `kinds`."""
    out: list[Token | None] = [None] * len(tokens)
    seen = None
    for i in range(len(tokens) - 1, -1, -1):
        out[i] = seen
        if tokens[i].kind in kinds:
            seen = tokens[i]
    return out


def kind_of(tok: Token | None) -> str | None:
    return tok.kind if tok else None


class Builder:
    """One pass over the tokens, keeping the article being filled."""

    def __init__(self, page: Page, tokens: list[Token], after: bool):
        self.page, self.tokens, self.after = page, tokens, after
        self.body = page.body
        self.container: list = self.body          # body, or the members of a Section
        self.article: Article | None = None
        self.ended = False                        # the current article took its end
        self.fragment = False                     # the current article opened with （上接…）
        self.signed = False                       # the current article ended with its closing
        self.texted = False                       # the current article has a paragraph
        self.figure: Figure | None = None         # the figure the last FIG token fed
        self.pending: list[Figure] = []           # figures waiting for the next article
        self.teaser_run = 0                       # first teaser item no pointer has closed yet
        self.unclassified = Division("unclassified")
        self.count = 0
        self.next_stop = following(tokens, (OPEN, CLOSE, NOTE, BANNER))
        self.next_mark = following(tokens, (HEAD, OPEN, CLOSE, NOTE, BANNER))

    # -- helpers
    def new_article(self) -> Article:
        self.count += 1
        self.article = Article(id=f"a{self.count}")
        self.container.append(self.article)
        self.ended = self.fragment = self.signed = self.texted = False
        self.article.items.extend(self.pending)
        self.pending = []
        return self.article

    def open_article(self) -> Article:
        if self.article is None or self.ended:
            return self.new_article()
        return self.article

    def target(self) -> list:
        art = self.open_article()
        return art.subsections[-1].items if art.subsections else art.items

    def has_body(self) -> bool:
        art = self.article
        return bool(art and (art.opening or art.subsections or self.texted))

    def paragraph(self, text: Text) -> None:
        self.target().append(Para.of("p", text))
        self.texted = True

    def flush_pending(self) -> None:
        self.container.extend(self.pending)
        self.pending = []

    def neighbour(self, i: int, step: int) -> Token | None:
        """The nearest content token before (-1) or after (+1) token i."""
        i += step
        while 0 <= i < len(self.tokens):
            if self.tokens[i].kind in CONTENT:
                return self.tokens[i]
            i += step
        return None

    # -- heads
    def head_is_title(self, i: int) -> bool:
        """Title group or subheads?  Heads before: a title when no article is
        open, or when a dateline/continuation (or another signature) starts
        under it.  Heads after: a title when it follows an article's end,
        stands before an article start or the page end, or when the text
        under it runs to an article boundary rather than to another head
        (never inside a continued fragment, whose title is on another page)."""
        nxt = self.neighbour(i, 1)
        if not self.after:
            if self.article is None or self.ended:
                return True
            starts = nxt is not None and (nxt.kind == OPEN or (nxt.kind == NOTE and nxt.note.direction == "from"))
            return starts and (self.has_body() or not self.article.title) or self.signed_elsewhere(i)
        if self.article is None or self.ended and self.article.title:
            return True
        prev = self.neighbour(i, -1)
        if prev and (prev.kind == CLOSE or prev.kind == NOTE and prev.note.direction == "to"):
            return True
        if nxt is None or nxt.kind == OPEN or nxt.kind == NOTE:
            return True
        return not self.fragment and kind_of(self.next_mark[i]) != HEAD

    def signed_elsewhere(self, i: int) -> bool:
        """Heads before: the text under this group ends in a closing byline,
        but the open article already opened with its byline: that text is
        another article, and the group its title."""
        close = self.next_stop[i]
        if close is None or close.kind != CLOSE or not any(p.kind == "byline" for p in self.article.opening):
            return False
        return any(isinstance(part, Name) and part.role in WRITERS for p in close.paras for part in p.parts)

    def misplaced_section(self, i: int, tok: Token) -> bool:
        """Heads before: after the closing of an article with subheads, a
        group shaped like those subheads, over text that runs to the end of
        the page (or banner) with no dateline, byline or note of its own, is a
        section of that article printed out of order (a jumbled multi-column
        feature), not an unsigned article."""
        art = self.article
        if self.after or art is None or not self.signed:
            return False
        shapes = {s.head.plain.count("\n") + 1 for s in art.subsections if not is_box_label(s.head.plain)}
        return sum(len(bl) for bl in tok.lines) in shapes and kind_of(self.next_stop[i]) in (None, BANNER)

    def reopen(self, tok: Token) -> None:
        """Put a misplaced section back, with the figures waiting before it."""
        self.ended = False
        self.subsection([ln for bl in tok.lines for ln in bl])
        self.target().extend(self.pending)
        self.pending = []

    def title_group(self, tok: Token) -> None:
        """Heads after: the heads close the untitled article before them.
        Otherwise (heads before, or heads after with no body before them)
        they open a new article, or title the open one while it has no text."""
        art = self.article
        closes = self.after and art is not None and not art.title and bool(art.items or self.has_body())
        if not closes and (art is None or self.ended or art.title or self.has_body()):
            art = self.new_article()
        lines, graphic = split_graphic(tok.lines)
        lines, later = split_title(lines)
        art.kicker, art.title, art.subtitles = split_heads(head_units(lines))
        if graphic:
            (art.subsections[-1].items if art.subsections else art.items).append(
                Figure(head=Text.join(graphic, "\n")))
        for block_lines in later:
            self.subsection(block_lines, art)
        self.ended = closes

    def subsection(self, lines: list[Text], art: Article | None = None) -> None:
        """Subheads; a box label line inside the group is a head of its own."""
        art = art or self.open_article()
        run: list[Text] = []
        for line in lines:
            if is_box_label(line.plain):
                if run:
                    art.subsections.append(Subsection(Text.join(run, "\n")))
                    run = []
                art.subsections.append(Subsection(line))
            else:
                run.append(line)
        if run:
            art.subsections.append(Subsection(Text.join(run, "\n")))

    # -- figures and furniture
    def figure_piece(self, i: int, tok: Token) -> None:
        credit_only = tok.block.zone == CREDIT
        prev = self.tokens[i - 1] if i else None
        if credit_only and prev is not None and prev.kind == CLOSE and self.article is not None:
            self.article.closing.append(people.credit(tok.text) or Para.of("byline", tok.text))
            return
        key = tok.block.facts.get("figure")
        fig = self.figure if prev is not None and prev.kind == FIG else None
        same = key == prev.block.facts.get("figure") if key and fig else not (fig and not credit_only and fig.credits)
        if fig is None or not same:
            fig = self.figure = Figure()
            if self.article is not None and not self.ended:
                self.target().append(fig)
            else:
                self.pending.append(fig)
        if credit_only:
            fig.credits.append(people.credit(tok.text) or Para.of("byline", tok.text))
            return
        split = people.split_credit(tok.text)
        caption, credit = split if split else (tok.text, None)
        if fig.head is None:
            fig.head = caption
        else:
            fig.paras.append(Para.of("p", caption))
        if credit:
            fig.credits.append(credit)

    def furniture(self, i: int, tok: Token) -> None:
        zone = tok.block.zone
        prev = self.tokens[i - 1] if i else None
        last = self.body[-1] if self.body else None
        if zone == PAGE_REF:
            ref = PageRef(tok.text, tok.block.facts.get("page", ""))
            if prev and prev.block.zone == TEASER and isinstance(last, Teasers):
                # the pointer closes every teaser block since the last pointer
                run = last.items[self.teaser_run:]
                text = Text.join([t for item in run for t in item.parts if isinstance(t, Text)], "\n")
                last.items[self.teaser_run:] = [Para("item", [text, Text([" "]), ref])]
                self.teaser_run = len(last.items)
            elif prev and prev.kind == FIG and self.figure is not None:
                self.figure.paras.append(Para("p", [ref]))
            else:
                self.unclassified.paras.append(Para("ab", [ref]))
            return
        self.flush_pending()
        if zone == MASTHEAD:
            if not isinstance(last, Masthead):
                last = Masthead()
                self.body.append(last)
            last.lines.append(Para.of("fw", tok.text))
        else:
            if not isinstance(last, Teasers):
                last = Teasers()
                self.body.append(last)
                self.teaser_run = 0
            last.items.append(Para.of("item", tok.text))

    # -- the pass
    def run(self) -> None:
        for i, tok in enumerate(self.tokens):
            kind = tok.kind
            if kind != FIG and not (kind == FURNITURE and tok.block.zone == PAGE_REF):
                self.figure = None
            if kind == FURNITURE:
                self.furniture(i, tok)
            elif kind == FIG:
                self.figure_piece(i, tok)
            elif kind == BANNER:
                self.flush_pending()
                section = Section(tok.text)
                self.body.append(section)
                self.container = section.members
                self.article = None
            elif kind == HEAD:
                if self.misplaced_section(i, tok):
                    self.reopen(tok)
                elif self.head_is_title(i):
                    self.title_group(tok)
                else:
                    self.subsection([ln for bl in tok.lines for ln in bl])
            elif kind == LABEL:
                self.subsection([tok.text])
            elif kind == OPEN:
                art = self.new_article() if self.has_body() or self.ended or self.article is None \
                    else self.article
                art.opening += tok.paras
                if tok.text:
                    self.paragraph(tok.text)
            elif kind == CLOSE:
                self.close(tok)
            elif kind == BYLINE:       # a byline set under the heads belongs to their article
                (self.article or self.new_article()).opening += tok.paras
            elif kind == NOTE:
                if tok.note.direction == "from":
                    self.new_article()
                    self.fragment = True
                self.target().append(tok.note)
                self.ended = tok.note.direction == "to"
            else:
                self.paragraph(tok.text)
        self.flush_pending()
        # TEI wants some division in a body: masthead lines alone are not one
        if self.unclassified.paras or all(isinstance(x, Masthead) for x in self.body) and self.body:
            self.body.append(self.unclassified)

    def close(self, tok: Token) -> None:
        art = self.article
        if art is None:
            self.unclassified.paras.append(Para.of("ab", tok.text))
        elif not self.ended and not self.has_body() and art.title:
            art.opening += tok.paras        # a byline line right under the heads
        else:
            art.closing += tok.paras
            self.ended = self.signed = True


def run(page: Page) -> Page:
    date = page.publication.date
    year = int(date[:4]) if date and date[:4].isdigit() else None
    tokens = tokenize(page, year)
    after = heads_after(tokens)
    page.body = []
    Builder(page, tokens, after).run()
    page.log(NAME, None, "", "heads after body" if after else "heads before body",
             "layout vote: where head groups stand relative to running text")
    page.settings[NAME] = {"heads": "after" if after else "before"}
    return page
