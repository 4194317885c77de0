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

REAL_SPLIT_OPENING = people.split_opening     # before the stand-ins below replace them
REAL_CLOSING = people.closing

# ---------------------------------------------------------- stand-in people

OPENING = regex.compile(r"^(本报讯|新华社\w+?[0-9０-９]+月[0-9０-９]+日电)\s*([（(][^）)]*[）)])?")
CLOSING = regex.compile(r"^[（(](?:记者[^）)]*|新华社\w+电)[）)]$|^\p{Han}{2,3}(?: \p{Han}{2,3})*$")


def fake_split_opening(text, today):
    if regex.fullmatch(r"本报记者 \p{Han}{2,3}", text.plain):
        return [Para.of("byline", text)], Text()
    m = OPENING.match(text.plain)
    if not m or not m.group(0):
        return [], text
    paras = [Para.of("dateline", text.slice(*m.span(1)))]
    if m.group(2):
        paras.append(Para.of("byline", text.slice(*m.span(2)).strip()))
    return paras, text.slice(m.end())


def fake_closing(text, today):
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

# A feature with three subheads, one of them a single line, signed at the end.
VILLAGE_FEATURE = [
    D("乡村旅游带火农家乐", "——青山村见闻"),
    D("民宿集群初具规模", "带动村民增收致富"),
    P("走进村子，一栋栋民宿错落有致。"),
    D("村口的千年古樟树"),
    P("去年，村里接待游客十万人次。"),
    D("文旅融合打开新路", "特色产业越做越强"),
    P("村里还办起了采茶节。"),
    P("周小青"),
]

PAGES = {
    # An ordinary page: heads BEFORE their body; kicker + main + sub; a
    # dateline with full-width digits; a subhead; a closing byline; a
    # second article under a section banner with a closing name line.
    "heads-before": (
        [D("李明清到市委党校调研时强调", "坚持党校姓党根本原则", "坚定贯彻党的理论和路线方针政策"),
         P("新华社武汉６月１２日电 近日，市委副书记前往调研。"),
         P("他指出，要深入学习。"),
         D("记者手记"),
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
          "subsections": [("记者手记", ["调研中，他详细了解了情况。"])],
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
    # Heads before: a report that opened with a dateline is set without
    # subheads, so a head after its text begins the next item (photo news
    # with no dateline of its own); a head group with a name line right
    # under it is a title too.  Must not: a feature without a dateline
    # keeps its subhead.
    "news-items": (
        [D("城西公园完成提档升级"),
         P("本报讯 经过半年施工，城西公园昨日重新开放。"),
         P("改造后的公园新增了健身步道。"),
         D("志愿者清理河岸垃圾"),
         P("周末，百余名志愿者来到河边。"),
         D("老街巷变身文化街区", "沿街商铺陆续开张"),
         P("赵小飞 钱多多"),
         P("走进老街，青石板路干净整洁。"),
         D("修旧如旧"),
         P("改造坚持保留原有风貌。"),
         ],
        [{"title": "城西公园完成提档升级", "opening": [("dateline", "本报讯")],
          "items": ["经过半年施工，城西公园昨日重新开放。", "改造后的公园新增了健身步道。"]},
         {"title": "志愿者清理河岸垃圾", "items": ["周末，百余名志愿者来到河边。"]},
         {"title": "老街巷变身文化街区", "subs": ["沿街商铺陆续开张"], "opening": [("byline", "赵小飞 钱多多")],
          "items": ["走进老街，青石板路干净整洁。"], "subsections": [("修旧如旧", ["改造坚持保留原有风貌。"])]}],
    ),
    # A column label over a title: a short line set apart over a title with
    # its dash subtitle, and a box label as the first line of a title group,
    # each heads the articles after it.  Must not: a line set apart over a
    # title and subtitle with no dash stays the kicker.
    "column-labels": (
        [D("基层一线"),
         D("守了四十年的水库", "——记老护林员张守山"),
         P("清晨，山间薄雾未散。"),
         P("赵小飞"),
         D("点评", "守护绿水青山人人有责"),
         P("生态保护需要每个人参与。"),
         D("省教育厅昨日宣布"),
         D("高校招生五月报名", "考试七月初举行"),
         P("本报讯 今年的招生工作即将开始。"),
         ],
        [("section", "基层一线", [
            {"title": "守了四十年的水库", "subs": ["——记老护林员张守山"], "items": ["清晨，山间薄雾未散。"],
             "closing": ["赵小飞"]}]),
         ("section", "点评", [
             {"title": "守护绿水青山人人有责", "items": ["生态保护需要每个人参与。"]}]),
         # a full news article after a column's short piece is not the column's
         {"title": "高校招生五月报名", "kicker": "省教育厅昨日宣布", "subs": ["考试七月初举行"],
          "opening": [("dateline", "本报讯")], "items": ["今年的招生工作即将开始。"]}],
    ),
    # Heads after: a column label over the heads that close an article
    "column-label-after": (
        [P("本报讯 社区食堂昨日开张。"),
         P("钱多多"),
         D("点评", "小食堂 大民生"),
         P("本报讯 新的公交线路开通。"),
         D("公交线路延伸到新区"),
         ],
        [("section", "点评", [
            {"title": "小食堂 大民生", "opening": [("dateline", "本报讯")], "items": ["社区食堂昨日开张。"],
             "closing": ["钱多多"]}]),
         {"title": "公交线路延伸到新区", "opening": [("dateline", "本报讯")], "items": ["新的公交线路开通。"]}],
    ),
    # An infographic between paragraphs (three or more lines, bullet items
    # and bare figures) is a figure of the article, not a subhead; a box of
    # heads with nothing under it at the foot of the page is unclassified.
    "graphic-and-box": (
        [D("城市绿地面积持续增长"),
         P("近年来，我市大力推进绿化。"),
         D("绿化成绩单", "● 新增公园", "25个", "● 绿道里程", "300公里"),
         P("市民出门即可见绿。"),
         D("绿道串起城市", "滨江步道全线贯通"),
         P("沿江步道成了网红打卡地。"),
         P("孙小美"),
         D("明日天气", "多云转晴", "气温 12至20摄氏度"),
         ],
        [{"title": "城市绿地面积持续增长",
          "items": ["近年来，我市大力推进绿化。", ("figure", "绿化成绩单\n● 新增公园\n25个\n● 绿道里程\n300公里", [], []),
                    "市民出门即可见绿。"],
          "subsections": [("绿道串起城市\n滨江步道全线贯通", ["沿江步道成了网红打卡地。"])],
          "closing": ["孙小美"]},
         ("unclassified", ["明日天气\n多云转晴\n气温 12至20摄氏度"])],
    ),
    # Heads after: a photo extracted between two articles belongs to the one
    # its caption shares words with; must not move one that matches the next.
    "figure-between": (
        [P("本报讯 城南菜市场完成改造，摊位焕然一新。"),
         D("城南菜市场改造完工"),
         P("菜市场里，摊主正在整理新摊位。", CAPTION),
         P("记者 李四 摄", CREDIT),
         P("本报讯 新开通的公交线路连接了三个小区。"),
         D("三个小区通了公交"),
         P("首班公交车驶出小区站台。", CAPTION),
         P("记者 王五 摄", CREDIT),
         P("本报讯 首班公交车昨日从小区站台发车。"),
         D("新线路首班车发车"),
         ],
        [{"title": "城南菜市场改造完工", "opening": [("dateline", "本报讯")],
          "items": ["城南菜市场完成改造，摊位焕然一新。", ("figure", "菜市场里，摊主正在整理新摊位。", [], ["记者 李四 摄"])]},
         {"title": "三个小区通了公交", "opening": [("dateline", "本报讯")], "items": ["新开通的公交线路连接了三个小区。"]},
         {"title": "新线路首班车发车", "opening": [("dateline", "本报讯")],
          "items": [("figure", "首班公交车驶出小区站台。", [], ["记者 王五 摄"]), "首班公交车昨日从小区站台发车。"]}],
    ),
    # A photo dropped into a paragraph: the text after it resumes the
    # paragraph (zones say so); the figure follows it.  Must not join text
    # that does not resume.
    "photo-in-paragraph": (
        [D("老旧管网更新改造"),
         P("施工队已经铺设新管道两千"),
         P("工人在吊装管道。", CAPTION, figure="1"),
         P("本报记者 周六 摄", CREDIT, figure="1"),
         P("多米，预计月底完工。", resumes="1"),
         P("居民对此表示欢迎。"),
         ],
        [{"title": "老旧管网更新改造",
          "items": ["施工队已经铺设新管道两千多米，预计月底完工。", ("figure", "工人在吊装管道。", [], ["本报记者 周六 摄"]),
                    "居民对此表示欢迎。"]}],
    ),
    # Heads after: heads that follow a continued fragment do not title it
    # (its title is on another page); their article starts at the first
    # paragraph sharing their words.  Must not split off a paragraph that
    # shares none.
    "fragment-then-photo-news": (
        [P("（上接1版）", CONTINUATION, direction="from", page="01"),
         P("另一方面，开发区推出稳岗补贴。"),
         P("此外，企业用工需求稳步回升。"),
         P("昨日，城北湿地公园正式开园，游客络绎不绝。"),
         P("记者 王五 摄", CREDIT),
         D("城北湿地公园开园"),
         ],
        [{"title": None, "items": [("note", "from", "01"), "另一方面，开发区推出稳岗补贴。", "此外，企业用工需求稳步回升。"]},
         {"title": "城北湿地公园开园",
          "items": ["昨日，城北湿地公园正式开园，游客络绎不绝。", ("figure", None, [], ["记者 王五 摄"])]}],
    ),
    # Photos credited as a group: a one-line display line among two-line
    # subheads, and a short line left after the article's closing, are
    # captions.
    "captions-among-subheads": (
        VILLAGE_FEATURE + [P("图片由县文旅局提供", CREDIT), P("游客在茶园里采茶")],
        [{"title": "乡村旅游带火农家乐", "subs": ["——青山村见闻"], "items": [],
          "subsections": [("民宿集群初具规模\n带动村民增收致富",
                           ["走进村子，一栋栋民宿错落有致。", ("figure", "村口的千年古樟树", [], []),
                            "去年，村里接待游客十万人次。"]),
                          ("文旅融合打开新路\n特色产业越做越强", ["村里还办起了采茶节。", ("figure", "游客在茶园里采茶", [], [])])],
          "closing": ["周小青", "图片由县文旅局提供"]}],
    ),
    # must not: with no credited photo on the page the odd head stays a subhead
    "odd-head-without-photos": (
        VILLAGE_FEATURE,
        [{"title": "乡村旅游带火农家乐", "subs": ["——青山村见闻"], "items": [],
          "subsections": [("民宿集群初具规模\n带动村民增收致富", ["走进村子，一栋栋民宿错落有致。"]),
                          ("村口的千年古樟树", ["去年，村里接待游客十万人次。"]),
                          ("文旅融合打开新路\n特色产业越做越强", ["村里还办起了采茶节。"])],
          "closing": ["周小青"]}],
    ),
    # Heads after: a column label below articles labels the nearest untitled
    # item before it (extracted after it, like heads); it does not take in
    # the articles after it.
    "banner-after": (
        [P("本报讯 城区新增三座公园。"),
         D("城区新增三座公园"),
         P("●5月3日，市长调研防汛工作。"),
         P("（记者 王一）"),
         P("本报讯 暑期游泳馆开放。"),
         D("游泳馆暑期开放"),
         P("要闻快递", SECTION),
         P("（上接1版）", CONTINUATION, direction="from", page="01"),
         P("另外，全市还将新建五座体育馆。"),
         ],
        [{"title": "城区新增三座公园", "opening": [("dateline", "本报讯")], "items": ["城区新增三座公园。"]},
         ("section", "要闻快递", [{"title": None, "items": ["●5月3日，市长调研防汛工作。"], "closing": ["（记者 王一）"]}]),
         {"title": "游泳馆暑期开放", "opening": [("dateline", "本报讯")], "items": ["暑期游泳馆开放。"]},
         {"title": None, "items": [("note", "from", "01"), "另外，全市还将新建五座体育馆。"]}],
    ),
    # a column of news briefs: each marked item, or item with a run-in head, is an article
    "briefs": (
        [P("简讯", SECTION),
         P("△钢铁厂平炉提前完成大修任务。"),
         P("△各小学开办课外活动小组四十六个。"),
         P("（记者 王一）"),
         P("暑期安全教育启动\u3000日前，县教育局启动暑期安全教育。"),
         ],
        [("section", "简讯", [
            {"title": None, "items": ["△钢铁厂平炉提前完成大修任务。"]},
            {"title": None, "items": ["△各小学开办课外活动小组四十六个。"], "closing": ["（记者 王一）"]},
            {"title": "暑期安全教育启动", "items": ["日前，县教育局启动暑期安全教育。"]}])],
    ),
    # in a column, a run-in head may be set off by a plain space
    "spaced-run-in-heads": (
        [P("速览", SECTION),
         P("农技专家田间授课 4月7日，县农业农村局组织专家下乡。"),
         P("“桐川村超”开赛 4月9日，县足球联赛开幕。"),
         ],
        [("section", "速览", [
            {"title": "农技专家田间授课", "items": ["4月7日，县农业农村局组织专家下乡。"]},
            {"title": "“桐川村超”开赛", "items": ["4月9日，县足球联赛开幕。"]}])],
    ),
    # must not: outside a column, a plain space opens no run-in head
    "spaced-phrase-outside-a-column": (
        [P("农技专家田间授课 4月7日，县农业农村局组织专家下乡。"),
         P("“桐川村超”开赛 4月9日，县足球联赛开幕。"),
         ],
        [{"title": None, "items": ["农技专家田间授课 4月7日，县农业农村局组织专家下乡。", "“桐川村超”开赛 4月9日，县足球联赛开幕。"]}],
    ),
    # a box label over a title names the column
    "box-label-over-title": (
        [D("解读"),
         D("报销比例为何提高"),
         P("从7月1日起，报销比例提高。"),
         ],
        [("section", "解读", [{"title": "报销比例为何提高", "items": ["从7月1日起，报销比例提高。"]}])],
    ),
    # a line set apart over a complete kicker, title and subtitle is the column's,
    # even when it ends like a kicker (…进行时)
    "column-over-full-head": (
        [D("美丽乡村建设进行时"),
         D("建设美丽乡村 留住绿水青山", "溪口镇告别“垃圾围村”", "——全镇垃圾集中处理率达95%"),
         P("本报讯 走进上坪村，村道干净整洁。"),
         ],
        [("section", "美丽乡村建设进行时", [
            {"title": "溪口镇告别“垃圾围村”", "kicker": "建设美丽乡村 留住绿水青山", "subs": ["——全镇垃圾集中处理率达95%"],
             "opening": [("dateline", "本报讯")], "items": ["走进上坪村，村道干净整洁。"]}])],
    ),
    # a column label heads one full article: the next article leaves the column
    "column-over-one-article": (
        [P("评论员文章", SECTION, column="1"),
         D("早作准备，迎接夏收"),
         P("今年小麦长势良好。", ), P("各地要抓紧准备。"), P("夏收是大事。"),
         D("纺织厂断头率降低一半"),
         P("本报讯 纺织厂开展技术革新。"),
         ],
        [("section", "评论员文章", [{"title": "早作准备，迎接夏收",
                                   "items": ["今年小麦长势良好。", "各地要抓紧准备。", "夏收是大事。"]}]),
         {"title": "纺织厂断头率降低一半", "opening": [("dateline", "本报讯")], "items": ["纺织厂开展技术革新。"]}],
    ),
    # ... a column of titled briefs runs on while its articles are briefs
    "column-of-titled-briefs": (
        [P("简讯", SECTION, column="1"),
         D("图书馆新增借阅点"), P("近日，图书馆新设借阅点。"), P("（记者 王一）"),
         D("启动消防安全检查"), P("消防支队启动检查。"), P("（记者 李二）"),
         ],
        [("section", "简讯", [
            {"title": "图书馆新增借阅点", "items": ["近日，图书馆新设借阅点。"], "closing": ["（记者 王一）"]},
            {"title": "启动消防安全检查", "items": ["消防支队启动检查。"], "closing": ["（记者 李二）"]}])],
    ),
    # ... and a page banner heads everything below it
    "page-banner-over-articles": (
        [P("体育", SECTION),
         D("全民健身月启动"), P("本报讯 全民健身月启动。"), P("各区举办活动。"), P("市民踊跃参加。"),
         D("游泳馆暑期开放"), P("本报讯 游泳馆暑期开放。"),
         ],
        [("section", "体育", [
            {"title": "全民健身月启动", "opening": [("dateline", "本报讯")],
             "items": ["全民健身月启动。", "各区举办活动。", "市民踊跃参加。"]},
            {"title": "游泳馆暑期开放", "opening": [("dateline", "本报讯")], "items": ["游泳馆暑期开放。"]}])],
    ),
    # must not split: marked points inside a titled article are its list
    "list-in-article": (
        [D("三项措施保安全"),
         P("本报讯 县里出台三项措施。"),
         P("■加强巡查。"),
         P("■落实值班。"),
         ],
        [{"title": "三项措施保安全", "opening": [("dateline", "本报讯")],
          "items": ["县里出台三项措施。", "■加强巡查。", "■落实值班。"]}],
    ),
    # ... but below titled articles only, it heads the articles after it, as
    # it was printed over them
    "banner-after-titled": (
        [P("本报讯 全民健身月启动。"),
         D("全民健身月启动"),
         P("市民来信", SECTION),
         P("我家住在翠苑小区，门口有个垃圾站。"),
         P("读者 刘建国"),
         D("小区门口的垃圾站该挪挪了"),
         ],
        [{"title": "全民健身月启动", "opening": [("dateline", "本报讯")], "items": ["全民健身月启动。"]},
         ("section", "市民来信", [{"title": "小区门口的垃圾站该挪挪了", "items": ["我家住在翠苑小区，门口有个垃圾站。"],
                               "closing": ["读者 刘建国"]}])],
    ),
    # must not lose the label: a column inside a page banner's section
    "column-inside-banner-after": (
        [P("社区", SECTION),
         P("本报讯 社区食堂昨日开张。"),
         D("点评", "小食堂 大民生"),
         P("本报讯 新的公交线路开通。"),
         D("公交线路延伸到新区"),
         ],
        [("section", "社区", [
            {"title": "公交线路延伸到新区", "opening": [("dateline", "本报讯")], "items": ["新的公交线路开通。"]}]),
         ("section", "点评", [
             {"title": "小食堂 大民生", "opening": [("dateline", "本报讯")], "items": ["社区食堂昨日开张。"]}])],
    ),
    # Heads before, no datelines, no bylines: a head whose paragraph
    # restates it, with words new to the open article, opens a story
    "unsigned-reports": (
        [D("全县春播进度过半"),
         P("入春以来，全县已完成春播面积十二万亩。"),
         D("县图书馆开设少儿阅览室"),
         P("县图书馆少儿阅览室日前正式开放，藏书八千余册。"),
         ],
        [{"title": "全县春播进度过半", "items": ["入春以来，全县已完成春播面积十二万亩。"]},
         {"title": "县图书馆开设少儿阅览室", "items": ["县图书馆少儿阅览室日前正式开放，藏书八千余册。"]}],
    ),
    # ... and heads after: the text before the head shares its words, the
    # text under it none: the head closes a story
    "unsigned-reports-after": (
        [P("入春以来，全县已完成春播面积十二万亩。"),
         D("全县春播进度过半"),
         P("县图书馆少儿阅览室日前正式开放，藏书八千余册。"),
         D("县图书馆开设少儿阅览室"),
         ],
        [{"title": "全县春播进度过半", "items": ["入春以来，全县已完成春播面积十二万亩。"]},
         {"title": "县图书馆开设少儿阅览室", "items": ["县图书馆少儿阅览室日前正式开放，藏书八千余册。"]}],
    ),
    # must not: heads after, a subhead over its own section, which shares its words
    "subhead-in-heads-after": (
        [P("随着气温下降，流感进入高发季节，市民关心接种疫苗的问题。"),
         D("现在接种仍有效"),
         P("专家介绍，现在接种疫苗仍有效，越早接种越好。"),
         D("流感高发季接种疫苗还来得及吗"),
         ],
        [{"title": "流感高发季接种疫苗还来得及吗", "items": ["随着气温下降，流感进入高发季节，市民关心接种疫苗的问题。"],
          "subsections": [("现在接种仍有效", ["专家介绍，现在接种疫苗仍有效，越早接种越好。"])]}],
    ),
    # must not: a subhead its paragraph restates, on the article's topic
    "restated-subhead": (
        [D("流感高发季接种疫苗还来得及吗"),
         P("随着气温下降，流感进入高发季节，市民关心接种疫苗的问题。"),
         D("现在接种仍有效"),
         P("专家介绍，现在接种疫苗仍有效，越早接种越好。"),
         ],
        [{"title": "流感高发季接种疫苗还来得及吗", "items": ["随着气温下降，流感进入高发季节，市民关心接种疫苗的问题。"],
          "subsections": [("现在接种仍有效", ["专家介绍，现在接种疫苗仍有效，越早接种越好。"])]}],
    ),
    # a pen name in brackets after a brief's last sentence closes it
    "pen-name": (
        [D("春耕物资供应充足"),
         P("目前全省春耕物资库存充足。(晓文)"),
         D("彩电价格小幅回落"),
         P("近期，各大商场的彩电价格普遍小幅回落。（待续）"),
         ],
        [{"title": "春耕物资供应充足", "items": ["目前全省春耕物资库存充足。"], "closing": ["(晓文)"]},
         {"title": "彩电价格小幅回落", "items": ["近期，各大商场的彩电价格普遍小幅回落。（待续）"]}],
    ),
    # a salutation set apart (编辑同志：) is the letter's first paragraph, not a head
    "letter-salutation": (
        [D("读者来信"),
         D("供销社应当把好秤"),
         D("编辑同志："),
         P("上月我到门市部买了五斤白糖。"),
         P("何桂英"),
         ],
        [("section", "读者来信", [{"title": "供销社应当把好秤", "items": ["编辑同志：", "上月我到门市部买了五斤白糖。"],
                               "closing": ["何桂英"]}])],
    ),
    # a reader's signature broken over two lines (place / name) closes the letter
    "signature-over-two-lines": (
        [D("建议开设家长学校"),
         P("现在的家长都很重视孩子的学习。"),
         D("柳河乡", "陈光远"),
         D("电脑算命该管管了"),
         P("最近，集市上出现了几个算命摊点。"),
         ],
        [{"title": "建议开设家长学校", "items": ["现在的家长都很重视孩子的学习。"], "closing": ["柳河乡 陈光远"]},
         {"title": "电脑算命该管管了", "items": ["最近，集市上出现了几个算命摊点。"]}],
    ),
    # Heads after: heads after a news report's text close it, even when the
    # text after them runs to another head (a report has no subheads)
    "heads-after-report": (
        [P("本报讯 老旧小区加装电梯63台。"),
         D("市住建局昨日宣布", "我市老旧小区今年已加装电梯63台"),
         P("滨江公园的花海进入盛花期。"),
         D("滨江公园粉黛乱子草进入最佳观赏期"),
         ],
        [{"kicker": "市住建局昨日宣布", "title": "我市老旧小区今年已加装电梯63台",
          "opening": [("dateline", "本报讯")], "items": ["老旧小区加装电梯63台。"]},
         {"title": "滨江公园粉黛乱子草进入最佳观赏期", "items": ["滨江公园的花海进入盛花期。"]}],
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
    # a display line of figures only is no head: it does not vote
    ("before", [P("正文。"), D("2023")]),
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
    # must not join: a short line that is a whole phrase
    (["秋季运动会", "赛场上的笑脸最动人"], (None, "秋季运动会", ["赛场上的笑脸最动人"])),
    (["“奋力谱写湖北高质量发展", "新篇章”"], (None, "“奋力谱写湖北高质量发展\n新篇章”", [])),
    (["一二三四五六七", "坚持党校姓党根本原则", "坚定贯彻党的理论"],
     ("一二三四五六七", "坚持党校姓党根本原则", ["坚定贯彻党的理论"])),
    # two lines: kicker + main only on evidence (a reporting verb, quotes in the
    # second line only, a couplet over one phrase, a markedly longer first line)
    (["暑期文旅市场持续升温", "“夜经济”点亮城市"], ("暑期文旅市场持续升温", "“夜经济”点亮城市", [])),
    (["推动绿色发展 建设美丽乡村", "我县生态文明建设成效显著"], ("推动绿色发展 建设美丽乡村", "我县生态文明建设成效显著", [])),
    (["全县中小学秋季开学工作全面就绪", "开学第一课"], ("全县中小学秋季开学工作全面就绪", "开学第一课", [])),
    # a time, an occasion or a purpose opens a kicker; after the title, a subtitle
    (["即日起至明年3月", "市区禁止露天焚烧落叶垃圾"], ("即日起至明年3月", "市区禁止露天焚烧落叶垃圾", [])),
    (["方便北郊两万居民出行", "九路公共汽车延伸到石门坎"], ("方便北郊两万居民出行", "九路公共汽车延伸到石门坎", [])),
    (["首都新开通十八条公交线路", "方便近郊居民进城出行"], (None, "首都新开通十八条公交线路", ["方便近郊居民进城出行"])),
    # one head broken in two: a number wanting its noun, a line that cannot open a head,
    # a comma; but a short time or occasion over a title is its kicker
    (["县城区新增三处", "公共停车场"], (None, "县城区新增三处\n公共停车场", [])),
    (["全区第一座小型水力发电站", "在白沙河上建成发电"], (None, "全区第一座小型水力发电站\n在白沙河上建成发电", [])),
    (["精耕细作　多打粮食", "青崖专区春播进度超过往年", "——已播早稻秧田十二万亩，", "比去年同期多三成"],
     ("精耕细作　多打粮食", "青崖专区春播进度超过往年", ["——已播早稻秧田十二万亩，\n比去年同期多三成"])),
    (["春运首日", "南桥站发送旅客4.2万人次"], ("春运首日", "南桥站发送旅客4.2万人次", [])),
    (["实行联系产量责任制以后", "上坪大队社员干劲足"], ("实行联系产量责任制以后", "上坪大队社员干劲足", [])),
    (["青澜石漠化治理面积", "连续五年超百万亩"], (None, "青澜石漠化治理面积\n连续五年超百万亩", [])),
    (["維城馬拉松明年起", "改於清晨五時起跑"], (None, "維城馬拉松明年起\n改於清晨五時起跑", [])),
    (["市区三条公交线路下月起", "延长末班车时间"], (None, "市区三条公交线路下月起\n延长末班车时间", [])),
    # must not: a time alone over the title is its kicker
    (["即日起", "市区禁止燃放烟花爆竹"], ("即日起", "市区禁止燃放烟花爆竹", [])),
    # the main title names the place or unit whose news it is; the line above it sets the scene
    (["科学种田见成效", "东岭乡推广杂交水稻获丰收"], ("科学种田见成效", "东岭乡推广杂交水稻获丰收", [])),
    (["居民“上楼难”有望缓解", "我市老旧小区今年已加装电梯63台"], ("居民“上楼难”有望缓解", "我市老旧小区今年已加装电梯63台", [])),
    # must not: both lines name one, or only the first does
    (["城关镇新办一所幼儿园", "全镇收托幼儿六十多名"], (None, "城关镇新办一所幼儿园", ["全镇收托幼儿六十多名"])),
    (["城关镇新办一所幼儿园", "收托幼儿六十多名"], (None, "城关镇新办一所幼儿园", ["收托幼儿六十多名"])),
    # must not: a word that ends like a place but names no one place (社区, 小区)
    (["家门口的“充电站”建起来了", "社区新能源车主不再排队"], (None, "家门口的“充电站”建起来了", ["社区新能源车主不再排队"])),
    (["市区新增三处停车场", "缓解老城区停车难"], (None, "市区新增三处停车场", ["缓解老城区停车难"])),
    (["高标准农田建设让", "“望天田”变成“丰产田”"], (None, "高标准农田建设让\n“望天田”变成“丰产田”", [])),
    (["華埠長者服務中心", "徵求中英雙語義工"], (None, "華埠長者服務中心\n徵求中英雙語義工", [])),
    (["灣區華僑協進會", "舉行春季聯誼餐會"], (None, "灣區華僑協進會\n舉行春季聯誼餐會", [])),
    # must not join: a word that ends in a conjunction's character (参与) is finished
    (["全民健身 人人参与", "第五届市民运动会明年4月开幕"], ("全民健身 人人参与", "第五届市民运动会明年4月开幕", [])),
    (["许多社队积肥数量超过去年同期一", "倍以上"], (None, "许多社队积肥数量超过去年同期一\n倍以上", [])),
    # must not join: an ordinal is finished
    (["青年歌手大赛决出第一", "我县选手获金奖"], ("青年歌手大赛决出第一", "我县选手获金奖", [])),
    # a cause sets the scene for the title
    (["受降雨天气影响", "本地蔬菜批发价格小幅上扬"], ("受降雨天气影响", "本地蔬菜批发价格小幅上扬", [])),
    # must not join: a quantity reached is no number wanting its noun
    (["公交卡充值点增至120个", "10月底前将开通网上充值"], (None, "公交卡充值点增至120个", ["10月底前将开通网上充值"])),
    # must not join: a call to action opens a head of its own
    (["在京全国人大代表热议政府工作报告", "把发展实体经济放在更加突出位置"],
     (None, "在京全国人大代表热议政府工作报告", ["把发展实体经济放在更加突出位置"])),
    # must not: a quality is no measured quantity
    (["提高教育质量", "我市新建二十所学校"], ("提高教育质量", "我市新建二十所学校", [])),
    # a line ending in a verb whose object is the title below is its kicker
    (["九廣鐵路公司宣布", "西鐵試運行首周準點率逾九成九"], ("九廣鐵路公司宣布", "西鐵試運行首周準點率逾九成九", [])),
    (["最新调查显示", "七成市民每周阅读纸质书"], ("最新调查显示", "七成市民每周阅读纸质书", [])),
    (["林业部发出通知", "抓紧春季植树造林 确保苗木成活"], ("林业部发出通知", "抓紧春季植树造林 确保苗木成活", [])),
    (["县委召开农村工作会议", "鼓励农民勤劳致富 大力发展商品生产"], ("县委召开农村工作会议", "鼓励农民勤劳致富 大力发展商品生产", [])),
    (["全国女排联赛第十轮", "海城女排逆转卫冕冠军登顶"], ("全国女排联赛第十轮", "海城女排逆转卫冕冠军登顶", [])),
    (["貫徹總路線 爭取更大的豐收", "紅星農業社棉花畝產二百零六斤"], ("貫徹總路線 爭取更大的豐收", "紅星農業社棉花畝產二百零六斤", [])),
    # must not: the verb inside the line, with its object after it
    (["市气象台公布汛期预报", "七月降水偏多两成"], (None, "市气象台公布汛期预报", ["七月降水偏多两成"])),
    # a question over the title is its kicker
    (["主帥去留？", "東區班主：季後再作檢討"], ("主帥去留？", "東區班主：季後再作檢討", [])),
    # must not: a time word inside the line opens nothing
    (["市区新增三处停车场", "今年将再建五处"], (None, "市区新增三处停车场", ["今年将再建五处"])),
    # must not: two lines of about one length are title + subtitle, whatever
    # their spaces or the quotes in the first
    (["市区新增三处停车场", "缓解老城区停车难"], (None, "市区新增三处停车场", ["缓解老城区停车难"])),
    (["家门口的“充电站”建起来了", "社区新能源车主不再排队"], (None, "家门口的“充电站”建起来了", ["社区新能源车主不再排队"])),
    (["市区新增三处停车场", "缓解老城区停车难"], (None, "市区新增三处停车场", ["缓解老城区停车难"])),
    (["老城区 改造三条小巷", "居民出行更方便了"], (None, "老城区 改造三条小巷", ["居民出行更方便了"])),
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


# ------------------------------------------------- cheap test before people

MAY_OPEN = [
    ("本报讯（记者 王一）近日，我市召开大会。", True),
    ("新华社北京３月４日电（记者 刘二 陈三）眼下，各地春耕。", True),
    ("本报北京3月4日讯 记者王四报道：为缓解出行难，", True),
    ("据新华社东京1月8日电 日本政府宣布，", True),
    ("本報訊 教育部昨日宣布，", True),
    ("重庆日报记者 李五 张六", True),
    ("（实习生 刘七）", True),
    ("文/张八", True),
    # must not: ordinary running text is never handed to the people parser
    ("今年各地把稳定粮食播种面积放在突出位置。河南、山东等产粮大省层层落实", False),
    ("市场管理方负责人介绍，改造后市场还开通了线上订菜服务。", False),
]


MAY_CLOSE = [
    ("（记者 王一）", True), ("（新华社武汉6月12日电）", True), ("记者 钱伟", True), ("王静 王柯岚", True),
    ("文/张卫东", True), ("实习生 刘思雨，记者 钱伟", True),
    # must not: a short paragraph of running text
    ("市民凭预约码即可入馆。", False), ("“当时也没多想，救人要紧。”张师傅说。", False),
]


@pytest.mark.parametrize("text,expected", MAY_CLOSE)
def test_may_close(text, expected):
    assert articles.may_close(text) == expected


@pytest.mark.parametrize("text,expected", MAY_OPEN)
def test_may_open(text, expected):
    assert articles.may_open(text) == expected


def test_may_open_never_hides_an_opening():
    """Every paragraph tail of the real pages that people reads as opening
    with a dateline or byline passes the cheap test."""
    from conftest import SEEDS
    from pathlib import Path
    pages = list(SEEDS) + sorted((Path(__file__).parent / "unseen").glob("*.txt"))
    for path in pages:
        for para in path.read_text(encoding="utf-8").replace("\n\n", "\0").replace("\n", "").split("\0"):
            for k in range(0, len(para), 5):
                tail = para[k:]
                if tail.strip() and not articles.may_open(tail):
                    assert not REAL_SPLIT_OPENING(Text([tail]), "2022")[0], tail[:30]


# ------------------------------------------------------------ clean text

def test_clean_text_is_read_as_written():
    """The tool's own text format: each head run opens an article, units are
    kept in order, never merged, and a page that starts with text does not
    make the heads below it close that text (heads come first there)."""
    page = Page(form="clean", blocks=[
        P("没有标题的一段。"),
        D("主标题"), D("——副标题"),
        P("第一段，"), P("第二段。"), P("（记者 张三）"), P("又一段。"),
        D("第二篇"), P("本报记者 李四"), P("正文。"),
    ])
    body = articles.run(page).body
    assert [outline(x) for x in body] == [
        {"title": None, "items": ["没有标题的一段。"]},
        {"title": "主标题", "subs": ["——副标题"], "items": ["第一段，", "第二段。"], "closing": ["（记者 张三）"]},
        {"title": None, "items": ["又一段。"]},
        {"title": "第二篇", "opening": [("byline", "本报记者 李四")], "items": ["正文。"]},
    ]


@pytest.mark.parametrize("lines, graphic", [
    # bullets and figures, in fake bold: an infographic
    ([doubled("“双减”一年间"), doubled("● 课后服务覆盖率"), doubled("100%"), doubled("● 学生参与率")], True),
    # must not: a head group all in fake bold has no bullet or figure line
    ([doubled("春运首日"), doubled("南桥站发送旅客4.2万人次"), doubled("——临客增至每日8对")], False),
])
def test_is_graphic(lines, graphic):
    assert articles.is_graphic(lines) == graphic


def test_closing_byline_broken_over_two_display_lines():
    tokens = articles.tokens_of(D("（记者 汪", "洁）"), None)
    assert [t.kind for t in tokens] == [articles.CLOSE]


# A title group's first printed line that is the column's, not a head:
# (blocks of printed lines, the label or None)
COLUMN_LABELS = [
    # a line too short to be a head over the title, in its block: a rubric
    ([["科学种田", "早稻要注意防治稻飞虱"]], "科学种田"),
    ([["法治在线", "老人误信高息理财", "民警上门劝阻止损"]], "法治在线"),
    # must not: a stub of the title, a time or an occasion, a question
    ([["重庆首个", "儿童友好馆开馆"]], None),
    ([["春运首日", "南桥站发送旅客4.2万人次"]], None),
    ([["即日起", "市区禁止燃放烟花爆竹"]], None),
    ([["谁来管？", "小区停车乱象调查"]], None),
    # must not: a head of five characters or more is a head
    ([["秋季运动会", "赛场上的笑脸最动人"]], None),
    # a box label over heads, a short line set apart over a title and its dash subtitle
    ([["编者按"], ["老楼加装电梯，难在哪儿"]], "编者按"),
    ([["本周关注"], ["老楼加装电梯，难在哪儿", "——对城区三个老旧社区的走访"]], "本周关注"),
]


@pytest.mark.parametrize("blocks,label", COLUMN_LABELS)
def test_column_label(blocks, label):
    found, rest = articles.column_label([[Text.of(s) for s in block] for block in blocks])
    assert (found.plain if found else None) == label
    assert sum(map(len, rest)) == sum(map(len, blocks)) - (found is not None)


# An opening byline set with the heads: (printed lines, heads left, byline text)
BYLINES_UNDER_HEADS = [
    (["家门口的“健康守门人”越来越专业", "本报记者 孔令仪 通讯员 范晓东"],
     ["家门口的“健康守门人”越来越专业"], "本报记者 孔令仪 通讯员 范晓东"),
    # broken over the last two lines
    (["家门口的“健康", "守门人”越来越专业", "本报记者 孔令仪 通讯", "员 范晓东"],
     ["家门口的“健康", "守门人”越来越专业"], "本报记者 孔令仪 通讯员 范晓东"),
    # after a space at the end of the last head
    (["流感高发季", "专家解答市民关心的几个问题 本报记者 邵晨阳"],
     ["流感高发季", "专家解答市民关心的几个问题"], "本报记者 邵晨阳"),
    # a name set off by a box mark
    (["家电降价潮说明了什么", "□ 周启明"], ["家电降价潮说明了什么"], "□ 周启明"),
    # must not: heads with spaces and no byline, a head that mentions a reporter
    (["中秋临近 质监部门抽检月饼", "9批次月饼不合格"], ["中秋临近 质监部门抽检月饼", "9批次月饼不合格"], None),
    (["记者节里的坚守", "一线记者 讲述新闻背后的故事"], ["记者节里的坚守", "一线记者 讲述新闻背后的故事"], None),
]


@pytest.mark.parametrize("lines,heads,byline", BYLINES_UNDER_HEADS)
def test_byline_under_heads(monkeypatch, lines, heads, byline):
    monkeypatch.setattr(people, "split_opening", REAL_SPLIT_OPENING)
    monkeypatch.setattr(people, "closing", REAL_CLOSING)
    block = D(*lines)
    left, token = articles.byline_under_heads(block, [Text.of(s) for s in lines], None)
    assert [t.plain.strip() for t in left] == heads
    assert (token.text.plain if token else None) == byline


def test_byline_under_heads_ends_the_look_ahead_for_signatures(monkeypatch):
    """Heads before: a byline set under the next article's heads is a stop
    for the look-ahead that finds signatures: a subhead in an article that
    opened with its byline stays a subhead, though a later article closes
    with a writer's name."""
    monkeypatch.setattr(people, "split_opening", REAL_SPLIT_OPENING)
    page = convert([D("家门口的健康守门人越来越专业", "本报记者 孔令仪"),
                    P("居民赵桂兰刚做完心电图。"),
                    D("村医有了新装备"),
                    P("走进石板村卫生室，设备一应俱全。"),
                    D("三十年守护患者的每一次呼吸", "本报记者 温雅琪"),
                    P("凌晨两点，科室的灯依然亮着。"),
                    D("秋冬进补别盲目跟风"),
                    P("不少市民有秋冬进补的习惯。"),
                    P("（记者 梁晨）")])
    first, second, third = [outline(x) for x in page.body]
    assert first["subsections"] == [("村医有了新装备", ["走进石板村卫生室，设备一应俱全。"])]
    assert second["title"] == "三十年守护患者的每一次呼吸"
    assert third["title"] == "秋冬进补别盲目跟风" and third["closing"] == ["（记者 梁晨）"]
