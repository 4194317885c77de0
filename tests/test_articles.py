"""articles: handmade pages of zoned blocks -> article structure.

The people parser is replaced by a small stand-in (below) so that these
tests check how the stage uses its answers, not how names are parsed.
Each page case lists the blocks in printed order and the expected outline
of the body; every case also checks that each printed character lands in
the body exactly once.
"""
from collections import Counter

import pytest
import regex

from cleanup import people
from cleanup.model import (CAPTION, CONTINUATION, CREDIT, DISPLAY, MASTHEAD, PAGE_REF, PARAGRAPH,
                           SECTION, TEASER, Article, Block, Choice, Division, Figure, Line, Masthead, Name,
                           Note, Page, PageRef, Para, Publication, Section, Teasers, Text)
from cleanup.stages import articles

# ---------------------------------------------------------- stand-in people

OPENING = regex.compile(r"^(本报讯|新华社\w+?[0-9０-９]+月[0-9０-９]+日电)\s*([（(][^）)]*[）)])?")
CLOSING = regex.compile(r"^[（(](?:记者[^）)]*|新华社\w+电)[）)]$|^\p{Han}{2,3}(?: \p{Han}{2,3})*$")


def fake_split_opening(text, year):
    if regex.fullmatch(r"本报记者 \p{Han}{2,3}", text.plain):
        return [Para.of("byline", text)], Text()
    m = OPENING.match(text.plain)
    if not m or not m.group(0):
        return [], text
    paras = [Para.of("dateline", text.slice(*m.span(1)))]
    if m.group(2):
        paras.append(Para.of("byline", text.slice(*m.span(2)).strip()))
    return paras, text.slice(m.end())


def fake_closing(text, year):
    """A closing byline; names after 记者 are reporters, bare names authors."""
    if not CLOSING.match(text.plain):
        return None
    role = "reporter" if "记者" in text.plain else "author"
    return [Para("byline", [text.slice(0, 0), Name(text, role)])]


def fake_credit(text):
    return Para.of("byline", text) if text.plain.endswith("摄") else None


def fake_split_credit(text):
    m = regex.search(r"\s*摄/\S+$", text.plain)
    return (text.slice(0, m.start()), Para.of("byline", text.slice(m.start()).strip())) if m else None


@pytest.fixture(autouse=True)
def stand_in_people(monkeypatch):
    monkeypatch.setattr(people, "split_opening", fake_split_opening)
    monkeypatch.setattr(people, "closing", fake_closing)
    monkeypatch.setattr(people, "credit", fake_credit)
    monkeypatch.setattr(people, "split_credit", fake_split_credit)


# ------------------------------------------------------------ page shapes

def P(s, zone=None, **facts):
    """A paragraph block."""
    return Block(PARAGRAPH, [Line(1, 0, 0, Text([s]))], Text([s]), zone, facts)


def D(*lines, zone=None, **facts):
    """A display block; a line given as a Text keeps its corrections."""
    texts = [ln if isinstance(ln, Text) else Text([ln]) for ln in lines]
    return Block(DISPLAY, [Line(i + 1, 0, 0, t) for i, t in enumerate(texts)], Text.join(texts, "\n"),
                 zone, facts)


def doubled(s):
    """A line printed with fake-bold doubled glyphs."""
    return Text([Choice(s + s, s, "sic", "doubled")])


def outline(item):
    """A compact, comparable picture of one body item."""
    if isinstance(item, Article):
        out = {"title": item.title and item.title.plain}
        if item.kicker:
            out["kicker"] = item.kicker.plain
        if item.subtitles:
            out["subs"] = [s.plain for s in item.subtitles]
        if item.opening:
            out["opening"] = [(p.kind, p.plain) for p in item.opening]
        out["items"] = [outline(x) for x in item.items]
        if item.subsections:
            out["subsections"] = [(s.head.plain, [outline(x) for x in s.items]) for s in item.subsections]
        if item.closing:
            out["closing"] = [p.plain for p in item.closing]
        return out
    if isinstance(item, Para):
        return item.plain if item.kind in ("p", "ab") else (item.kind, item.plain)
    if isinstance(item, Note):
        return ("note", item.direction, item.page)
    if isinstance(item, Figure):
        return ("figure", item.head and item.head.plain, [p.plain for p in item.paras],
                [p.plain for p in item.credits])
    if isinstance(item, Section):
        return ("section", item.head.plain, [outline(m) for m in item.members])
    if isinstance(item, Masthead):
        return ("masthead", [p.plain for p in item.lines])
    if isinstance(item, Teasers):
        return ("teasers", [(p.plain, [x.n for x in p.parts if isinstance(x, PageRef)]) for p in item.items])
    if isinstance(item, Division):
        return (item.type, [p.plain for p in item.paras])
    raise TypeError(item)


def printed(body) -> str:
    """Every printed character of the body (originals, not corrections)."""
    out = []

    def text(t):
        out.append(t.original)

    def para(p):
        for part in p.parts:
            text(part if isinstance(part, Text) else part.text)

    def items(xs):
        for x in xs:
            if isinstance(x, Para):
                para(x)
            elif isinstance(x, Note):
                text(x.text)
            elif isinstance(x, Figure):
                if x.head:
                    text(x.head)
                for p in x.paras + x.credits:
                    para(p)
            elif isinstance(x, Article):
                for h in (x.kicker, x.title, *x.subtitles):
                    if h:
                        text(h)
                items(x.opening + x.items)
                for s in x.subsections:
                    text(s.head)
                    items(s.items)
                items(x.closing)
            elif isinstance(x, Section):
                text(x.head)
                items(x.members)
            elif isinstance(x, Masthead):
                items(x.lines)
            elif isinstance(x, Teasers):
                items(x.items)
            elif isinstance(x, Division):
                items(x.paras)

    items(body)
    return "".join(out)


def convert(blocks, date=None):
    page = Page(blocks=blocks, publication=Publication(date=date))
    return articles.run(page)


def chars(s):
    return Counter(regex.sub(r"\s+", "", s))


# ----------------------------------------------------------------- pages

PAGES = {
    # An ordinary page: heads BEFORE their body; kicker + main + sub; a
    # dateline with full-width digits; a subhead; a closing byline; a
    # second article under a section banner with a closing name line.
    "heads-before": (
        [D("李明清到市委党校调研时强调", "坚持党校姓党根本原则", "坚定贯彻党的理论和路线方针政策"),
         P("新华社武汉６月１２日电 近日，市委副书记前往调研。"),
         P("他指出，要深入学习。"),
         D("一线见闻"),
         P("调研中，他详细了解了情况。"),
         P("（记者 陈二）"),
         P("政务简报", SECTION),
         D("重庆加快发展高质量创新主体"),
         P("本报讯 近日，我市出台新政策。"),
         P("政策涵盖十个方面。"),
         P("张小林 李大"),
         ],
        [{"title": "坚持党校姓党根本原则", "kicker": "李明清到市委党校调研时强调",
          "subs": ["坚定贯彻党的理论和路线方针政策"],
          "opening": [("dateline", "新华社武汉６月１２日电")],
          "items": ["近日，市委副书记前往调研。", "他指出，要深入学习。"],
          "subsections": [("一线见闻", ["调研中，他详细了解了情况。"])],
          "closing": ["（记者 陈二）"]},
         ("section", "政务简报", [
             {"title": "重庆加快发展高质量创新主体", "opening": [("dateline", "本报讯")],
              "items": ["近日，我市出台新政策。", "政策涵盖十个方面。"], "closing": ["张小林 李大"]}])],
    ),
    # Heads AFTER their body (column extraction): the page opens with
    # running text; subheads stand between paragraphs; each title group
    # follows its article's end; a continuation note ends the first article.
    "heads-after": (
        [P("6月10日，位于南川区的工厂内，新产品正在生产。"),
         P("为了支持科技型企业发展，重庆出台政策。"),
         D("知识价值换来“真金白银”", "企业贷款成本进一步降低"),
         P("成立于2016年的超群工业，是一家企业。"),
         D("构建全链条孵化载体体系", "为科技企业提供优质服务"),
         P("6月8日，创新中心举行路演。"),
         D("“扶上马送一程”激发科企活力", "重庆系列政策促进科技创新推动高质量发展"),
         P("本报讯（记者 陈国栋）近日，市委副书记前往调研。"),
         P("李明清实地调研了实训大楼。"),
         P("（下转02版）", CONTINUATION, direction="to", page="02"),
         D("坚持党校姓党根本原则"),
         P("（上接1版）", CONTINUATION, direction="from", page="01"),
         P("湖北着力提升创新策源能力。"),
         D("“长江经济带应该走出一条", "生态优先、绿色发展的新路子”"),
         P("湖北宜昌，长江畔。"),
         P("（记者唐卫彬、李鹏翔）"),
         P("近日，儿童友好馆开馆。"),
         P("记者 郑宇 摄", CREDIT),
         D("重庆首个", "儿童友好馆开馆"),
         ],
        [{"title": "“扶上马送一程”激发科企活力", "subs": ["重庆系列政策促进科技创新推动高质量发展"],
          "items": ["6月10日，位于南川区的工厂内，新产品正在生产。", "为了支持科技型企业发展，重庆出台政策。"],
          "subsections": [("知识价值换来“真金白银”\n企业贷款成本进一步降低", ["成立于2016年的超群工业，是一家企业。"]),
                          ("构建全链条孵化载体体系\n为科技企业提供优质服务", ["6月8日，创新中心举行路演。"])]},
         {"title": "坚持党校姓党根本原则",
          "opening": [("dateline", "本报讯"), ("byline", "（记者 陈国栋）")],
          "items": ["近日，市委副书记前往调研。", "李明清实地调研了实训大楼。", ("note", "to", "02")]},
         {"title": None,
          "items": [("note", "from", "01"), "湖北着力提升创新策源能力。"],
          "subsections": [("“长江经济带应该走出一条\n生态优先、绿色发展的新路子”", ["湖北宜昌，长江畔。"])],
          "closing": ["（记者唐卫彬、李鹏翔）"]},
         {"title": "重庆首个\n儿童友好馆开馆",
          "items": ["近日，儿童友好馆开馆。", ("figure", None, [], ["记者 郑宇 摄"])]}],
    ),
    # A front page: photo news at the top (caption, credit, page pointer),
    # teasers closed by their pointers, masthead lines, then an article whose
    # title group carries an infographic of doubled glyphs.
    "front-page": (
        [P("日前，江津区工业园的工作人员正在忙碌。", CAPTION),
         P("江津区出台一系列政策。", CAPTION),
         P("重庆日报记者 齐岚森 摄", CREDIT),
         P("详见 版04", PAGE_REF, page="04"),
         P("关键技术验证圆满完成！", TEASER),
         D("中国空间站将于今年完成在轨建造", zone=TEASER),
         P("详见 版02", PAGE_REF, page="02"),
         P("植恩生物：独创关键技术", TEASER),
         P("科技改变生活", MASTHEAD),
         P("2022年4月19日 星期二", MASTHEAD),
         P("本报讯（记者 张亦筑）未来几年，你将看到一个不一样的大学城。"),
         P("（下转02版）", CONTINUATION, direction="to", page="02"),
         D("西部科学城将建环大学城创新生态圈", doubled("“一区一带”空间格局")),
         D(doubled("■“一区”"), doubled("大学城中央科创核心区")),
         P("本报讯（记者 黄光红）日前，记者获悉。"),
         D("重庆近8000家科技型中小企业获信用贷款"),
         ],
        [("figure", "日前，江津区工业园的工作人员正在忙碌。", ["江津区出台一系列政策。", "详见 版04"],
          ["重庆日报记者 齐岚森 摄"]),
         ("teasers", [("关键技术验证圆满完成！\n中国空间站将于今年完成在轨建造 详见 版02", ["02"]), ("植恩生物：独创关键技术", [])]),
         ("masthead", ["科技改变生活", "2022年4月19日 星期二"]),
         {"title": "西部科学城将建环大学城创新生态圈",
          "opening": [("dateline", "本报讯"), ("byline", "（记者 张亦筑）")],
          "items": ["未来几年，你将看到一个不一样的大学城。", ("note", "to", "02"),
                    ("figure", "“一区一带”空间格局\n■“一区”\n大学城中央科创核心区", [], [])]},
         {"title": "重庆近8000家科技型中小企业获信用贷款",
          "opening": [("dateline", "本报讯"), ("byline", "（记者 黄光红）")],
          "items": ["日前，记者获悉。"]}],
    ),
    # A feature page: banner, two-line head (slogan kicker), photo captions
    # with credits at their end, box label, subheads, a paragraph that ends
    # in its bracketed byline, an organisation credit after the closing.
    "feature": (
        [P("牢记殷殷嘱托·科技局", SECTION),
         D("科技政策扎实落地 持续厚植创新优势", "重庆加快发展高质量创新主体"),
         P("朝气蓬勃的科学城 摄/曾诚", CAPTION),
         D("核心提示"),
         P("近年来，我市立足新发展阶段。"),
         D("“扶上马”还要“送一程”", "强化企业创新主体地位", "解读"),
         P("7月12日，位于南川区的企业开工。"),
         P("截至目前，我市共引进机构179家。（记者 张凌漪）"),
         P("图片由重庆市科技局提供", CREDIT),
         ],
        [("section", "牢记殷殷嘱托·科技局", [
            {"title": "重庆加快发展高质量创新主体", "kicker": "科技政策扎实落地 持续厚植创新优势",
             "items": [("figure", "朝气蓬勃的科学城", [], ["摄/曾诚"])],
             "subsections": [("核心提示", ["近年来，我市立足新发展阶段。"]),
                             ("“扶上马”还要“送一程”\n强化企业创新主体地位", []),
                             ("解读", ["7月12日，位于南川区的企业开工。", "截至目前，我市共引进机构179家。"])],
             "closing": ["（记者 张凌漪）", "图片由重庆市科技局提供"]}])],
    ),
    # A multi-column feature extracted out of order: a section is printed
    # after the closing names; it has no byline of its own, so it is put
    # back into the article.  A photo caption waiting before it goes along.
    "jumbled-feature": (
        [D("科学城擂响奋进鼓"),
         P("核心提示"),
         P("近年来，两地携手推动建设。"),
         D("共聚科研力量 释放创新活力"),
         P("打造发展新质生产力的重要阵地。"),
         P("王静 王柯岚"),
         P("金凤实验室科研人员在工作 摄/雷斌", CAPTION),
         D("联动优质生产要素 营造良好发展空间"),
         P("创新驱动本质上是人才驱动。"),
         ],
        [{"title": "科学城擂响奋进鼓", "items": [],
          "subsections": [("核心提示", ["近年来，两地携手推动建设。"]),
                          ("共聚科研力量 释放创新活力", ["打造发展新质生产力的重要阵地。"]),
                          ("联动优质生产要素 营造良好发展空间",
                           [("figure", "金凤实验室科研人员在工作", [], ["摄/雷斌"]), "创新驱动本质上是人才驱动。"])],
          "closing": ["王静 王柯岚"]}],
    ),
    # must not merge: the second article signs with its own name line
    "two-signed-features": (
        [D("第一篇的标题"),
         P("正文一。"),
         D("第一篇小标题"),
         P("正文二。"),
         P("王静 王柯岚"),
         D("第二篇的标题"),
         P("正文三。"),
         P("张小林"),
         ],
        [{"title": "第一篇的标题", "items": ["正文一。"], "subsections": [("第一篇小标题", ["正文二。"])],
          "closing": ["王静 王柯岚"]},
         {"title": "第二篇的标题", "items": ["正文三。"], "closing": ["张小林"]}],
    ),
    # A two-line title block is complete: the display block after it is a
    # subhead, not a subtitle.  A byline printed as the last line of a
    # display block goes to the opening.  Figure pieces keep the grouping
    # the zones stage gave them.
    "title-then-subhead": (
        [D("科技政策扎实落地 持续厚植创新优势", "重庆加快发展高质量创新主体"),
         D("“扶上马”还要“送一程”", "强化企业创新主体地位"),
         P("7月12日，企业开工。"),
         P("湖南雪峰山观测站", CAPTION, figure="1"),
         P("重庆邮电大学研究院", CAPTION, figure="2"),
         P("记者 谢智强 摄", CREDIT, figure="2"),
         P("不仅要扶上马，还要送一程。"),
         ],
        [{"title": "重庆加快发展高质量创新主体", "kicker": "科技政策扎实落地 持续厚植创新优势",
          "items": [],
          "subsections": [("“扶上马”还要“送一程”\n强化企业创新主体地位", [
              "7月12日，企业开工。", ("figure", "湖南雪峰山观测站", [], []),
              ("figure", "重庆邮电大学研究院", [], ["记者 谢智强 摄"]), "不仅要扶上马，还要送一程。"])]}],
    ),
    "byline-in-head": (
        [D("坚持党校姓党根本原则", "本报记者 王一"), P("近日，市委副书记前往调研。")],
        [{"title": "坚持党校姓党根本原则", "opening": [("byline", "本报记者 王一")],
          "items": ["近日，市委副书记前往调研。"]}],
    ),
    # Heads before: a report that opened with its byline cannot also close
    # with a writer's name: the group before that name heads a new article.
    "signed-twice": (
        [D("春耕备耕有序推进"),
         P("新华社合肥３月４日电（记者 张华）眼下，各地抢抓农时。"),
         D("一座小城的文化自信"),
         P("走进古城，老宅修缮一新。"),
         D("守护老街"),
         P("老街的每一块砖瓦都承载着记忆。"),
         P("王小明"),
         ],
        [{"title": "春耕备耕有序推进",
          "opening": [("dateline", "新华社合肥３月４日电"), ("byline", "（记者 张华）")],
          "items": ["眼下，各地抢抓农时。"]},
         {"title": "一座小城的文化自信", "items": ["走进古城，老宅修缮一新。"],
          "subsections": [("守护老街", ["老街的每一块砖瓦都承载着记忆。"])], "closing": ["王小明"]}],
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_outline(name):
    blocks, expected = PAGES[name]
    page = convert(blocks, "2022-06-13")
    assert [outline(x) for x in page.body] == expected


@pytest.mark.parametrize("name", PAGES)
def test_every_character_once(name):
    blocks, _ = PAGES[name]
    page = convert(blocks)
    assert chars(printed(page.body)) == chars("".join(b.text.original for b in blocks))


@pytest.mark.parametrize("name", PAGES)
def test_article_ids_unique(name):
    page = convert(PAGES[name][0])
    ids = [a.id for a in page.articles()]
    assert len(ids) == len(set(ids))


# -------------------------------------------------------- head layout vote

LAYOUTS = [
    ("before", [D("第一篇的标题"), P("本报讯 正文。"), D("第二篇的标题"), P("本报讯 正文二。")]),
    ("before", [P("栏目", SECTION), D("第一篇的标题"), P("正文。"), P("（记者 王一）")]),
    ("after", [P("正文。"), D("这是小标题"), P("正文。"), D("第一篇的标题")]),
    ("after", [P("本报讯 正文。"), P("（下转02版）", CONTINUATION, direction="to", page="02"),
               D("第一篇的标题"), P("本报讯 正文二。"), D("第二篇的标题")]),
    # must not flip: an empty page, a page of text only
    ("before", []),
    ("before", [P("正文。"), P("正文二。")]),
]


@pytest.mark.parametrize("expected,blocks", LAYOUTS)
def test_layout_vote(expected, blocks):
    assert convert(blocks).settings["articles"]["heads"] == expected


# ------------------------------------------------------- head splitting

HEADS = [
    # (printed lines of one title group, (kicker, main, subs))
    (["坚持党校姓党根本原则"], (None, "坚持党校姓党根本原则", [])),
    (["李明清到市委党校调研时强调", "坚持党校姓党根本原则"], ("李明清到市委党校调研时强调", "坚持党校姓党根本原则", [])),
    (["新科学催生新技术 新技术转化新成果", "西部科学城聚焦科学主题“铸魂”"],
     ("新科学催生新技术 新技术转化新成果", "西部科学城聚焦科学主题“铸魂”", [])),
    (["“扶上马送一程”激发科企活力", "重庆系列政策促进科技创新推动高质量发展"],
     (None, "“扶上马送一程”激发科企活力", ["重庆系列政策促进科技创新推动高质量发展"])),
    (["长江经济带发展谱新篇", "——沿着总书记的足迹"], (None, "长江经济带发展谱新篇", ["——沿着总书记的足迹"])),
    (["重庆首个", "儿童友好馆开馆"], (None, "重庆首个\n儿童友好馆开馆", [])),
    (["“奋力谱写湖北高质量发展", "新篇章”"], (None, "“奋力谱写湖北高质量发展\n新篇章”", [])),
    (["一二三四五六七", "坚持党校姓党根本原则", "坚定贯彻党的理论"],
     ("一二三四五六七", "坚持党校姓党根本原则", ["坚定贯彻党的理论"])),
    # must not merge: a single line with phrase spaces stays one main title
    (["西部科学城 擂响“奋进鼓” 唱好“双城记”"], (None, "西部科学城 擂响“奋进鼓” 唱好“双城记”", [])),
]


@pytest.mark.parametrize("lines,expected", HEADS)
def test_split_heads(lines, expected):
    kicker, title, subs = articles.split_heads(articles.head_units([[Text([s]) for s in lines]]))
    got = (kicker and kicker.plain, title and title.plain, [s.plain for s in subs])
    assert got == (expected[0], expected[1], expected[2])


LABELS = [("核心提示", True), ("【编者按】", True), ("解读：", True), ("链接", True),
          ("核心技术", False), ("解读政策新动向", False), ("", False)]


@pytest.mark.parametrize("text,expected", LABELS)
def test_box_label(text, expected):
    assert articles.is_box_label(text) == expected


def test_corrections_survive_in_heads():
    page = convert([P("正文。"), D(doubled("坚持根本原则"))])
    assert page.body[0].title.choices and page.body[0].title.original == "坚持根本原则坚持根本原则"


def test_masthead_alone_still_gives_a_division():
    page = convert([P("国内统一连续出版物号", MASTHEAD)])
    assert [outline(x) for x in page.body] == [("masthead", ["国内统一连续出版物号"]), ("unclassified", [])]


CONTINUATIONS = [
    # (block text, direction, (kind, text) of the tokens)
    ("（下转第３版）", "to", [("note", "（下转第３版）")]),
    ("（上接1版）2018年4月，总书记考察时强调", "from", [("note", "（上接1版）"), ("text", "2018年4月，总书记考察时强调")]),
    ("掌控产业发展主导权。（下转02版）", "to", [("text", "掌控产业发展主导权。"), ("note", "（下转02版）")]),
    # must not lose text: a block with no bracketed mark is all note
    ("下转02版", "to", [("note", "下转02版")]),
]


@pytest.mark.parametrize("text,direction,expected", CONTINUATIONS)
def test_continuation_tokens(text, direction, expected):
    block = P(text, CONTINUATION, direction=direction, page="02")
    got = articles.continuation_tokens(block, block.text)
    assert [(t.kind, t.text.plain) for t in got] == expected


def test_orphan_pointer_is_unclassified():
    page = convert([P("正文。"), P("详见 版04", PAGE_REF, page="04")])
    assert outline(page.body[-1]) == ("unclassified", ["详见 版04"])
    assert page.body[-1].paras[0].parts[0].n == "04"
