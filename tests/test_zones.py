"""zones stage: masthead, teasers, page pointers, continuations, captions and
credits, section labels; blocks cut where a zone line touches other text,
nothing lost.

Pages are built here the two ways a lines stage may hand them over: one
paragraph block per blank-separated group (lines joined), or one display
block per group (lines joined by "\\n").  Each case lists the zoned blocks
as (zone, text, facts); every other block must stay unzoned.
"""

import pytest
import regex

from cleanup.model import (CAPTION, CONTINUATION, CREDIT, DISPLAY, MASTHEAD, PAGE_REF, PARAGRAPH, SECTION,
                           TEASER, Block, Line, Page, Text)
from cleanup.stages import normalise, zones

HEADING = regex.compile(r"^##\s+")


def page_of(raw: str, kind: str = PARAGRAPH) -> Page:
    """Lines numbered from 1, grouped at blank lines into blocks of `kind`;
    a leading `## ` is markup, remembered as heading_marker."""
    page = Page(text=raw)
    group: list[Line] = []
    start = 0
    for number, s in enumerate(raw.split("\n") + [""], 1):
        m = HEADING.match(s)
        line = Line(number, start, start + len(s), Text([s[m.end():] if m else s]), heading_marker=bool(m))
        start += len(s) + 1
        page.lines.append(line)
        if s.strip():
            group.append(line)
        elif group:
            sep = "\n" if kind == DISPLAY else ""
            page.blocks.append(Block(kind, group, Text.join((ln.text.strip() for ln in group), sep)))
            group = []
    return normalise.run(page)


def zoned(raw: str, kind: str = PARAGRAPH) -> tuple[Page, list[tuple]]:
    page = zones.run(page_of(raw, kind))
    return page, [(b.zone, b.text.plain.replace("\n", ""), b.facts) for b in page.blocks if b.zone]


def printed(s: str) -> str:
    return "".join(s.split())


def assert_lossless(raw: str, page: Page) -> None:
    got = "".join(printed(b.text.original) for b in page.blocks)
    assert sorted(got) == sorted(printed(HEADING.sub("", raw.replace("\n## ", "\n"))))


def expect(zone, text, **facts):
    return (zone, text, facts)


MASTHEAD_PAGE = """植恩生物：
独创关键技术 制剂产品畅销全球

科学普及 服务发展

微信公众号

北京市科学技术协会主管主办 北京科技报社出版

国内统一连续出版物号：CN 11-0001 邮发代号：1-23

今日 版

2023年3月5日 星期日
第1234期8

农历癸卯年二月十四

社址：北京市海淀区某某路1号 定价1.50元 主编：王某 编辑：李某

本报讯（记者 张三）近日，记者从市科协获悉，全市科普工作取得新进展。"""

DROPPED = "今年入夏以来，市卫生健康\n委员会组织医护人员走进社\n志愿者为老人测量血压。\n本报记者 王小二 摄\n区，为居民免费发放防暑药\n品和宣传资料。"
# ... with the caption on its credit's line
DROPPED_ON_CREDIT_LINE = DROPPED.replace("血压。\n本报记者", "血压。\u3000本报记者")

CASES = [
    # ---- masthead: imprint, date, issue, QR label, slogans next to it
    (MASTHEAD_PAGE, [
        expect(MASTHEAD, "科学普及 服务发展"),
        expect(MASTHEAD, "微信公众号"),
        expect(MASTHEAD, "北京市科学技术协会主管主办 北京科技报社出版"),
        expect(MASTHEAD, "国内统一连续出版物号：CN 11-0001 邮发代号：1-23"),
        expect(MASTHEAD, "今日 8版"),
        expect(MASTHEAD, "2023年3月5日 星期日"),
        expect(MASTHEAD, "第1234期"),
        expect(MASTHEAD, "农历癸卯年二月十四"),
        expect(MASTHEAD, "社址：北京市海淀区某某路1号 定价1.50元 主编：王某 编辑：李某"),
    ]),
    # the page count split off onto a line of its own
    ("今日 版\n\n16\n\n2023年3月5日 星期日\n\n正文第一段。",
     [expect(MASTHEAD, "今日 16版"), expect(MASTHEAD, "2023年3月5日 星期日")]),
    ("人民日报\nRENMIN RIBAO\n\n2023年3月5日 星期日\n\n正文第一段。",
     [expect(MASTHEAD, "人民日报RENMIN RIBAO"), expect(MASTHEAD, "2023年3月5日 星期日")]),
    ("人民日报 2023年3月5日 星期日 第26500期 今日24版\n\n正文第一段。",
     [expect(MASTHEAD, "人民日报 2023年3月5日 星期日 第26500期 今日24版")]),
    # an imprint key whose value the extraction put on the next line, with the
    # paper's name and slogan in a block of their own above it
    ("岳溪日报\nYUEXI DAILY\n中共岳溪省委机关报\n\n国内统一连续出版物号\nCN 48-0002\n2016年3月8日\n星期二\n\n"
     "本报讯 近日，全市科技创新大会召开。",
     [expect(MASTHEAD, "岳溪日报"), expect(MASTHEAD, "YUEXI DAILY"), expect(MASTHEAD, "中共岳溪省委机关报"),
      expect(MASTHEAD, "国内统一连续出版物号"),
      expect(MASTHEAD, "CN 48-0002"), expect(MASTHEAD, "2016年3月8日"), expect(MASTHEAD, "星期二")]),
    # the page number alone over the page's name and the date: the masthead
    # takes it across the page name
    ("07\n\n健康\n\n2023年11月16日 星期四\n澜州日报\n\n本报讯 近日，全市科技创新大会召开。",
     [expect(MASTHEAD, "07"), expect(SECTION, "健康"), expect(MASTHEAD, "2023年11月16日 星期四"),
      expect(MASTHEAD, "澜州日报")]),
    # a field broken over the lines of its block (星期四 总第 / 468期)
    ("1997年3月20日\n星期四 总第\n468期\n\n本报讯 全市科技工作会议召开。",
     [expect(MASTHEAD, "1997年3月20日"), expect(MASTHEAD, "星期四 总第"), expect(MASTHEAD, "468期")]),
    # must not: a head group that names a date in words is no masthead
    ("三月二十日起\n全市公交线路调整\n\n本报讯 全市公交线路调整。", []),
    # no field strong on its own: weak fields together at the page top
    ("嘉水\n日報\n\n中共嘉水省委機關報\n\n一九五五年十月\n十二日 星期三\n\n本報訊 全省秋收工作已經開始。",
     [expect(MASTHEAD, "嘉水日報"), expect(MASTHEAD, "中共嘉水省委機關報"), expect(MASTHEAD, "一九五五年十月"),
      expect(MASTHEAD, "十二日 星期三")]),
    # must not: one weak field alone over a title
    ("嘉水日報\n\n全省秋收工作進入緊張階段\n\n本報訊 全省秋收工作已經開始。", []),
    # an inside page's header: date, page, column, editors without colons
    ("2022年6月13日 星期一 3 要闻\n责任编辑 王晓军 美编 黄景琳\n\n本报讯 近日，全市科技创新大会召开。",
     [expect(MASTHEAD, "2022年6月13日 星期一 3 要闻"), expect(MASTHEAD, "责任编辑 王晓军 美编 黄景琳")]),
    # an inside page's running head: its page number alone on a line, and a
    # short page name there, which is the page banner (a section)
    ("2011年9月2日 星期五 东江日报\nB7\n视界\n编辑：王一 美编：李二\n\n本报讯 近日，全市科技创新大会召开。", [
        expect(MASTHEAD, "2011年9月2日 星期五 东江日报"), expect(MASTHEAD, "B7"), expect(SECTION, "视界"),
        expect(MASTHEAD, "编辑：王一 美编：李二")]),
    ("第６版\n\n国际观察\n\n2011年9月2日 星期五\n\n本报讯 近日，全市科技创新大会召开。", [
        expect(MASTHEAD, "第６版"), expect(SECTION, "国际观察"), expect(MASTHEAD, "2011年9月2日 星期五")]),
    ("2006年11月8日 星期三 第A05版 社会 责编：林晓帆\n\n云梧新闻·社会\n\n本报讯 近日，全市科技创新大会召开。", [
        expect(MASTHEAD, "2006年11月8日 星期三 第A05版 社会 责编：林晓帆"), expect(SECTION, "云梧新闻·社会")]),
    # must not: a front page's masthead (no page number printed) keeps its slogans
    ("东江日报\n科技兴市\n2011年9月2日 星期五\n今日8版\n\n本报讯 近日，全市科技创新大会召开。", [
        expect(MASTHEAD, "东江日报"), expect(MASTHEAD, "科技兴市"), expect(MASTHEAD, "2011年9月2日 星期五"),
        expect(MASTHEAD, "今日8版")]),
    # a traditional page
    ("聯合報 2022年4月19日 星期二\n\n本報訊 記者從市科技局獲悉，全市科技工作取得新進展。（下轉第二版）\n\n"
     "科技政策扎實落地 詳見第3版\n\n政務簡報\n\n臺北報導 攝/陳曉明", [
        expect(MASTHEAD, "聯合報 2022年4月19日 星期二"),
        expect(CONTINUATION, "（下轉第二版）", direction="to", page="02"),
        expect(TEASER, "科技政策扎實落地", teaser="1"),
        expect(PAGE_REF, "詳見第3版", page="03", teaser="1"),
        expect(SECTION, "政務簡報", column="1"),
        expect(CAPTION, "臺北報導", figure="1"),
        expect(CREDIT, "攝/陳曉明", figure="1"),
    ]),
    # a short line between the masthead and running text is the next headline
    ("2022年4月19日 星期二\n\n科技创新引领发展\n\n本报讯 近日，全市科技创新大会召开，会议部署了全年工作。",
     [expect(MASTHEAD, "2022年4月19日 星期二")]),
    # ---- must not: running text that mentions imprint words, dates, reporters
    ("据了解，该书由科学出版社出版，定价58元。", []),
    ("2022年4月19日，记者从市科技局获悉，全市高新技术企业突破6000家。", []),
    ("重庆日报记者 李星婷 张亦筑", []),
    ("摄影爱好者在江边拍摄日出，记者了解到……", []),
    ("他说：“要上接天线、下接地气（上接天线）。”", []),
    ("主办单位的负责人介绍说，活动将持续一周", []),
    # ---- teasers: each pointer closes the display lines above it
    ("关键技术验证圆满完成！\n\n空间站将于今年完成在轨建造\n\n详见 版02\n大力培养科学精神\n\n详见 版03\n\n"
     "某某生物：\n独创关键技术\n\n2023年3月5日 星期日", [
        expect(TEASER, "关键技术验证圆满完成！", teaser="1"),
        expect(TEASER, "空间站将于今年完成在轨建造", teaser="1"),
        expect(PAGE_REF, "详见 版02", page="02", teaser="1"),
        expect(TEASER, "大力培养科学精神", teaser="2"),
        expect(PAGE_REF, "详见 版03", page="03", teaser="2"),
        expect(TEASER, "某某生物：独创关键技术", teaser="3"),
        expect(MASTHEAD, "2023年3月5日 星期日"),
    ]),
    # pointers set before their teasers, under the teaser block's label
    ("本版导读\n\n→4版\n\n城市更新迎来新机遇\n\n见第12版\n\n乡村振兴的科技力量\n\n本报讯 正文开始了。", [
        expect(TEASER, "本版导读", label="1"),
        expect(PAGE_REF, "→4版", page="04", teaser="1"),
        expect(TEASER, "城市更新迎来新机遇", teaser="1"),
        expect(PAGE_REF, "见第12版", page="12", teaser="2"),
        expect(TEASER, "乡村振兴的科技力量", teaser="2"),
    ]),
    # a pointer on the teaser's own line
    ("大力培养科学精神 详见第3版\n\n本报讯 正文开始了。",
     [expect(TEASER, "大力培养科学精神", teaser="1"), expect(PAGE_REF, "详见第3版", page="03", teaser="1")]),
    # pointers with arrows, each line its own teaser
    ("本市商业银行开办个人贷款 见第5版\n\n北溪服装城招商进入倒计时>>6版\n\n家电价格战波及空调市场\n\n见第7版",
     [expect(TEASER, "本市商业银行开办个人贷款", teaser="1"), expect(PAGE_REF, "见第5版", page="05", teaser="1"),
      expect(TEASER, "北溪服装城招商进入倒计时", teaser="2"), expect(PAGE_REF, ">>6版", page="06", teaser="2"),
      expect(TEASER, "家电价格战波及空调市场", teaser="3"), expect(PAGE_REF, "见第7版", page="07", teaser="3")]),
    # must not: a pointer inside running text
    ("相关报道详见第3版。本报将持续关注。", []),
    # ---- continuations, cut off the paragraph they end or open
    ("实施创新成果熟化工程，\n推动各方展开深度协作。\n（下转02版）", [expect(CONTINUATION, "（下转02版）", direction="to", page="02")]),
    ("（上接1版）\n2018年4月，总书记在\n烽火科技集团考察。", [expect(CONTINUATION, "（上接1版）", direction="from", page="01")]),
    ("推动各方展开深度协作。（下转第二版）", [expect(CONTINUATION, "（下转第二版）", direction="to", page="02")]),
    ("（转2版）", [expect(CONTINUATION, "（转2版）", direction="to", page="02")]),
    ("(上接第1版)", [expect(CONTINUATION, "（上接第1版）", direction="from", page="01")]),
    ("（下转０２版）", [expect(CONTINUATION, "（下转０２版）", direction="to", page="02")]),
    ("（紧接第十二版）", [expect(CONTINUATION, "（紧接第十二版）", direction="from", page="12")]),
    ("（下转A2版）", [expect(CONTINUATION, "（下转A2版）", direction="to", page="A2")]),
    ("（续第一版）", [expect(CONTINUATION, "（续第一版）", direction="from", page="01")]),
    ("（續見A4版）", [expect(CONTINUATION, "（續見A4版）", direction="to", page="A4")]),
    ("（续见第5版）", [expect(CONTINUATION, "（续见第5版）", direction="to", page="05")]),
    ("（转至3版）", [expect(CONTINUATION, "（转至3版）", direction="to", page="03")]),
    ("市民可登录网站查询（详见第3版）相关信息。", []),
    # ---- photo credits and their captions
    ("朝气蓬勃的西部(重庆)科学城 摄/曾诚",
     [expect(CAPTION, "朝气蓬勃的西部（重庆）科学城", figure="1"), expect(CREDIT, "摄/曾诚", figure="1")]),
    ("重庆高新区，工作人员正在智能化生产线上作业。（摄于7月21日）\n重庆日报记者 谢智强 摄", [
        expect(CAPTION, "重庆高新区，工作人员正在智能化生产线上作业。（摄于7月21日）", figure="1"),
        expect(CREDIT, "重庆日报记者 谢智强 摄", figure="1"),
    ]),
    # a credit set apart under body text: the body is not its caption
    ("据了解，我市提出，到2025年\n在全市开展试点，建设培育\n2—3个市级儿童友好城市。\n\n记者 郑宇 摄", [
        expect(CREDIT, "记者 郑宇 摄", figure="1"),
    ]),
    # photo news continued elsewhere: all the untitled text above the credit
    ("日前，工作人员正在\n生产线上忙碌。\n\n企业累计享受扶持\n资金180余万元。\n\n重庆日报记者 齐岚森 摄\n\n详见 版04", [
        expect(CAPTION, "日前，工作人员正在生产线上忙碌。", figure="1"),
        expect(CAPTION, "企业累计享受扶持资金180余万元。", figure="1"),
        expect(CREDIT, "重庆日报记者 齐岚森 摄", figure="1"),
        expect(PAGE_REF, "详见 版04", page="04", figure="1"),
    ]),
    # a paragraph that ends in its credit is all caption
    ("市民在公园里游玩，孩子们\n放起了风筝。 本报记者 张三 摄\n\n本报讯 正文开始了。", [
        expect(CAPTION, "市民在公园里游玩，孩子们放起了风筝。", figure="1"),
        expect(CREDIT, "本报记者 张三 摄", figure="1"),
    ]),
    # a caption known by its first words, and one with its credit below
    ("本报讯 正文开始了。\n\n图为工作人员正在检查设备。\n\n上图：新建成的大桥。\n记者 李四 摄", [
        expect(CAPTION, "图为工作人员正在检查设备。", figure="1"),
        expect(CAPTION, "上图：新建成的大桥。", figure="2"),
        expect(CREDIT, "记者 李四 摄", figure="2"),
    ]),
    # a caption and credit dropped into a paragraph: the caption is the line
    # above the credit that does not run to the column's measure
    (DROPPED, [expect(CAPTION, "志愿者为老人测量血压。", figure="1"), expect(CREDIT, "本报记者 王小二 摄", figure="1")]),
    (DROPPED_ON_CREDIT_LINE,
     [expect(CAPTION, "志愿者为老人测量血压。", figure="1"), expect(CREDIT, "本报记者 王小二 摄", figure="1")]),
    # must not: a picture mentioned in running text
    ("据介绍，图为我们提供了思路。记者了解到，地图上标出了位置。", []),
    # a one-line sentence set apart above a credit set apart is its caption ...
    ("本报讯 交易会昨天开幕。\n\n昨日，外国客商在选看丝绸服装。\n\n本报记者 罗峥 摄", [
        expect(CAPTION, "昨日，外国客商在选看丝绸服装。", figure="1"), expect(CREDIT, "本报记者 罗峥 摄", figure="1")]),
    # ... must not: a one-line paragraph right under the text, no gap
    ("本报讯 交易会昨天开幕。\n目前，交易会进展顺利。\n\n本报记者 罗峥 摄", [
        expect(CREDIT, "本报记者 罗峥 摄", figure="1")]),
    # ... or two lines each a sentence; a credit sent by an agency
    ("本报讯 交易会昨天开幕。\n\n3月16日，茶农在采摘明前茶。\n今年春茶开采提早一周。\n\n本报记者 韦晓东 摄", [
        expect(CAPTION, "3月16日，茶农在采摘明前茶。今年春茶开采提早一周。", figure="1"),
        expect(CREDIT, "本报记者 韦晓东 摄", figure="1")]),
    ("11月19日，一艘货轮在码头装货。\n新华社发（齐远帆 摄）", [
        expect(CAPTION, "11月19日，一艘货轮在码头装货。", figure="1"), expect(CREDIT, "新华社发（齐远帆 摄）", figure="1")]),
    # an organisation credits all photos; the name above is the author
    ("张小林\n\n图片由重庆市科技局提供", [expect(CREDIT, "图片由重庆市科技局提供", figure="1")]),
    # ---- section labels and page banners
    ("## 牢记殷殷嘱托 谱写巴渝新篇·科技局\n\n科技政策扎实落地\n\n正文第一段。", [
        expect(SECTION, "牢记殷殷嘱托 谱写巴渝新篇·科技局"),
    ]),
    ("## 牢记嘱托·科技局\n科技政策扎实落地\n\n正文第一段。", [expect(SECTION, "牢记嘱托·科技局")]),
    ("## 核心提示\n\n近年来，我市立足新发展阶段。", []),
    ("政务简报\n\n●6月12日，副市长巡查中考工作。", [expect(SECTION, "政务简报", column="1")]),
    ("要闻\n\n本报讯 副市长巡查中考工作。", [expect(SECTION, "要闻")]),   # a page name, no column
    ("经济短波\n\n本报讯 副市长巡查中考工作。", [expect(SECTION, "经济短波", column="1")]),   # a column word ends it
    ("■健康提醒\n\n天冷了，心脑血管病患者要注意保暖。", [expect(SECTION, "■健康提醒", column="1")]),   # a marked short word
    ("行 走\n\n古镇的秋天 藏在一碗米粉里\n\n秋天的古镇很美。", [expect(SECTION, "行 走")]),   # letter-spaced
    ("王 静\n\n秋天的古镇很美。", []),      # must not: a name padded to the width of three
    # must not: the writer's and photographer's byline under a title is no caption and credit
    ("古镇的秋天 藏在一碗米粉里\n文/本报记者 梁晓彤 图/\n蒋一帆\n\n秋天的古镇很美。", []),
    ("□ 周启明\n\n今年以来，我省家电市场降价之风一浪高过一浪。", []),      # must not: a marked name is a byline
    ("■加强巡查\n\n■落实值班。", []),      # must not: a marked item over items
    ("第5版　社会新闻\n\n本报讯 副市长巡查中考工作。", [expect(MASTHEAD, "第5版　社会新闻")]),   # a running head
    ("推进科技成果转化\n解读\n\n近日，展示中心投入使用。", []),
    ("正文第一段。\n\n## 牢记嘱托·科技局", []),
    ("云梧新闻·社会\n\n本报讯 正文第一段。", [expect(SECTION, "云梧新闻·社会")]),
    ("本报讯 正文第一段。\n\n阿卜杜拉·艾买提", []),       # a dotted name below the text: no banner
]


@pytest.mark.parametrize("kind", [PARAGRAPH, DISPLAY])
@pytest.mark.parametrize("raw, expected", CASES)
def test_zones(raw, expected, kind):
    page, got = zoned(raw, kind)
    assert got == expected
    assert_lossless(raw, page)


@pytest.mark.parametrize("raw, resumes", [
    (DROPPED, True),
    (DROPPED_ON_CREDIT_LINE, True),
    # must not: the paragraph above the photo had ended
    (DROPPED.replace("走进社", "义诊。").replace("区，为居民免费发放防暑药\n品", "还为社区居民免费发放防暑\n药品"), False),
])
def test_text_after_a_dropped_photo_resumes_its_paragraph(raw, resumes):
    page, _ = zoned(raw)
    text = [b for b in page.blocks if not b.zone]
    assert len(text) == 2 and ("resumes" in text[1].facts) == resumes and "resumes" not in text[0].facts
    assert_lossless(raw, page)


def test_masthead_fills_publication():
    page, _ = zoned(MASTHEAD_PAGE)
    pub = page.publication
    assert (pub.title, pub.date, pub.issue, pub.pages, pub.idno, pub.publisher) == (
        "北京科技报", "2023-03-05", "1234", 8, "CN 11-0001", "北京科技报社")
    assert pub.page is None


def test_no_masthead_no_publication():
    """重庆日报记者 in a byline does not make the paper 重庆日报."""
    page, _ = zoned("重庆日报记者 李星婷 张亦筑\n\n本报讯 近日，重庆日报社出版的新书发布。")
    assert page.publication.title is None and page.publication.date is None


def test_split_keeps_corrections():
    """A block cut after normalise keeps each correction in one part."""
    raw = "近日,工作人员正在\n生产线上忙碌。(下转2版)"
    page, got = zoned(raw)
    assert got == [expect(CONTINUATION, "（下转2版）", direction="to", page="02")]
    body = page.blocks[0].text
    assert body.plain == "近日，工作人员正在生产线上忙碌。" and body.original == "近日,工作人员正在生产线上忙碌。"
    assert_lossless(raw, page)


def test_changes_are_logged():
    page, _ = zoned("（上接1版）\n正文。")
    assert any(c.stage == "zones" and c.after == CONTINUATION for c in page.changes)


@pytest.mark.parametrize("line, zones_found", [
    ("科技改变生活，" * 150_000 + "（下转02版）", [None, CONTINUATION]),
    ("重庆日报主办 今日 2022年4月19日 第 " * 30_000 + "详见第3版", [MASTHEAD]),
    ("科技" * 500_000 + " 摄/曾诚", [CAPTION, CREDIT]),
])
def test_a_million_character_line(line, zones_found):
    """(Its speed is measured in bench/linear.py, not here.)"""
    page = page_of(line)
    zones.run(page)
    assert [b.zone for b in page.blocks] == zones_found


def test_caption_whose_credit_runs_over_its_lines():
    raw = "县文化中心昨起展出陶艺作\n品，吸引不少民众参观。（记者黄志\n明摄）"
    page, got = zoned(raw, PARAGRAPH)
    assert got == [expect(CAPTION, "县文化中心昨起展出陶艺作品，吸引不少民众参观。", figure="1"),
                   expect(CREDIT, "（记者黄志明摄）", figure="1")]
    assert_lossless(raw, page)


@pytest.mark.parametrize("kind", [PARAGRAPH, DISPLAY])
def test_the_end_of_a_credit_is_no_label(kind):
    """A credit broken before its last letter-spaced word (记者 黎明 / 辉 摄) is no banner."""
    _, got = zoned("记者 黎明\n辉 摄\n\n秋天的古镇很美。", kind)
    assert all(zone != SECTION for zone, _, _ in got)
