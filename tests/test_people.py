"""Bylines, datelines and photo credits (cleanup.people): tables of printed
forms with the names, roles, dates and remainders they must give, tables of
text that must not be taken for any of them, and the conservation property."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup.model import Choice, Date, Name, Para, Text
from cleanup.people import closing, credit, pen_name, split_credit, split_opening


def names(paras: list[Para]) -> list[tuple[str, str]]:
    """(name, role) per Name; an organisation's role is "org"."""
    return [(p.text.plain, "org" if p.org else p.role)
            for para in paras for p in para.parts if isinstance(p, Name)]


def dates(paras: list[Para]) -> list[str]:
    return [p.when for para in paras for p in para.parts if isinstance(p, Date)]


def texts(paras: list[Para]) -> list[Text]:
    return [p if isinstance(p, Text) else p.text for para in paras for p in para.parts]


def shape(paras: list[Para]) -> list[tuple[str, str]]:
    """(kind, printed text without outer spaces) per Para."""
    return [(p.kind, p.plain.strip()) for p in paras]


# ------------------------------------------------------------- openings

OPENINGS = [
    # (paragraph, page date, paras (kind, text), names, dates, remainder)
    ("本报讯（重庆日报记者 张亦筑 实习生 冉罗楠）未来几年，你将看到", "2022",
     [("dateline", "本报讯"), ("byline", "（重庆日报记者 张亦筑 实习生 冉罗楠）")],
     [("张亦筑", "reporter"), ("冉罗楠", "intern")], [], "未来几年，你将看到"),
    ("本报讯（重庆日报记者 黄光红实习生 陈星）日前，记者从市金融监管局获悉", "2022",
     [("dateline", "本报讯"), ("byline", "（重庆日报记者 黄光红实习生 陈星）")],
     [("黄光红", "reporter"), ("陈星", "intern")], [], "日前，记者从市金融监管局获悉"),
    ("本报讯 （记者 陈国栋 实习生 卞立成）近日，市委副书记", None,
     [("dateline", "本报讯"), ("byline", "（记者 陈国栋 实习生 卞立成）")],
     [("陈国栋", "reporter"), ("卞立成", "intern")], [], "近日，市委副书记"),
    ("本报北京1月8日讯记者王小明报道：今天上午", "2022",
     [("dateline", "本报北京1月8日讯"), ("byline", "记者王小明报道：")],
     [("王小明", "reporter")], ["2022-01-08"], "今天上午"),
    ("本报北京1月8日讯记者王小明报道：今天上午", None,
     [("dateline", "本报北京1月8日讯"), ("byline", "记者王小明报道：")],
     [("王小明", "reporter")], ["--01-08"], "今天上午"),
    ("本报2021年12月30日讯（记者 张三）昨日", "2022",
     [("dateline", "本报2021年12月30日讯"), ("byline", "（记者 张三）")],
     [("张三", "reporter")], ["2021-12-30"], "昨日"),
    ("新华社北京１月８日电（记者 刘华）今天", "2022",
     [("dateline", "新华社北京１月８日电"), ("byline", "（记者 刘华）")],
     [("刘华", "reporter")], ["2022-01-08"], "今天"),
    ("新华社华盛顿1月7日电 （记者 刘华 李凯）美国", None,
     [("dateline", "新华社华盛顿1月7日电"), ("byline", "（记者 刘华 李凯）")],
     [("刘华", "reporter"), ("李凯", "reporter")], ["--01-07"], "美国"),
    ("人民日报北京3月5日电（记者 赵六）会议", "2023",
     [("dateline", "人民日报北京3月5日电"), ("byline", "（记者 赵六）")],
     [("赵六", "reporter")], ["2023-03-05"], "会议"),
    ("据新华社北京1月8日电 日前，国务院", "2022",
     [("dateline", "据新华社北京1月8日电")], [], ["2022-01-08"], "日前，国务院"),
    ("据新华社电（记者 张三）日前", None,
     [("dateline", "据新华社电"), ("byline", "（记者 张三）")], [("张三", "reporter")], [], "日前"),
    ("本报讯 记者 张三 近日，记者了解到", None,
     [("dateline", "本报讯"), ("byline", "记者 张三")], [("张三", "reporter")], [], "近日，记者了解到"),
    ("（记者 张凌漪）近日，全市", None,
     [("byline", "（记者 张凌漪）")], [("张凌漪", "reporter")], [], "近日，全市"),
    ("重庆日报记者 李星婷 张亦筑", None,
     [("byline", "重庆日报记者 李星婷 张亦筑")], [("李星婷", "reporter"), ("张亦筑", "reporter")], [], ""),
    ("  本报讯（记者 张三）  近日", None,
     [("dateline", "本报讯"), ("byline", "（记者 张三）")], [("张三", "reporter")], [], "近日"),
    ("本报讯(记者 张三 通讯员 李四)近日", None,
     [("dateline", "本报讯"), ("byline", "(记者 张三 通讯员 李四)")],
     [("张三", "reporter"), ("李四", "correspondent")], [], "近日"),
    ("本报讯（本报首席记者 欧阳晓明 见习记者 司马光）近日", None,
     [("dateline", "本报讯"), ("byline", "（本报首席记者 欧阳晓明 见习记者 司马光）")],
     [("欧阳晓明", "reporter"), ("司马光", "trainee")], [], "近日"),
    ("本报讯", None, [("dateline", "本报讯")], [], [], ""),
    ("本報訊（記者 張三 實習生 陳四）近日", None,                 # traditional script
     [("dateline", "本報訊"), ("byline", "（記者 張三 實習生 陳四）")],
     [("張三", "reporter"), ("陳四", "intern")], [], "近日"),
    ("【本報記者黎家俊報道】　維城游泳", None, [("byline", "【本報記者黎家俊報道】")], [("黎家俊", "reporter")], [],
     "維城游泳"),
    ("本报评论员", None, [("byline", "本报评论员")], [], [], ""),
    ("【本報竹埔訊】竹埔鎮公所將於", None, [("dateline", "【本報竹埔訊】")], [], [], "竹埔鎮公所將於"),
    ("新华社北京电 国务院今天", None, [("dateline", "新华社北京电")], [], [], "国务院今天"),
    ("据中新社报道　今年前九个月", None, [("dateline", "据中新社报道")], [], [], "今年前九个月"),
    ("据新华社消息 今天", None, [("dateline", "据新华社消息")], [], [], "今天"),
    ("據新華社台北3月5日電 日前", "2023", [("dateline", "據新華社台北3月5日電")], [], ["2023-03-05"], "日前"),
    ("文/张三 图/李四", None, [("byline", "文/张三 图/李四")],
     [("张三", "author"), ("李四", "photographer")], [], ""),
    ("（记者张三李四）近日", None, [("byline", "（记者张三李四）")],
     [("张三", "reporter"), ("李四", "reporter")], [], "近日"),
    # datelines in brackets: the brackets stay in the dateline
    ("【本报讯】教育部昨日宣布", "1985", [("dateline", "【本报讯】")], [], [], "教育部昨日宣布"),
    ("　　【本報訊】教育部昨日宣布", "1985", [("dateline", "【本報訊】")], [], [], "教育部昨日宣布"),
    ("〔本報訊〕教育部", None, [("dateline", "〔本報訊〕")], [], [], "教育部"),
    ("【本報專訊】教育部", None, [("dateline", "【本報專訊】")], [], [], "教育部"),
    ("【新华社北京３月４日电】国务院", "1990", [("dateline", "【新华社北京３月４日电】")], [], ["1990-03-04"], "国务院"),
    ("【本報訊】（記者 張三）教育部", None, [("dateline", "【本報訊】"), ("byline", "（記者 張三）")],
     [("張三", "reporter")], [], "教育部"),
    ("（新华社武汉6月12日电）今天", "2022", [("dateline", "（新华社武汉6月12日电）")], [], ["2022-06-12"], "今天"),
    # agencies, undated or with a day only (no month: no <date>)
    ("【中央社臺北十一日電】中央氣象局今天表示", "1985",
     [("dateline", "【中央社臺北十一日電】")], [], [], "中央氣象局今天表示"),
    ("中央社臺北二十一日電 中央氣象局", "1985", [("dateline", "中央社臺北二十一日電")], [], [], "中央氣象局"),
    # a day alone takes the month of the page's date, or of the month before
    ("中央社臺北二十一日電 中央氣象局", "1985-03-22", [("dateline", "中央社臺北二十一日電")], [],
     ["1985-03-21"], "中央氣象局"),
    ("本报12日讯（记者 张三）昨日", "2019-06-13", [("dateline", "本报12日讯"), ("byline", "（记者 张三）")],
     [("张三", "reporter")], ["2019-06-12"], "昨日"),
    ("本报31日讯 昨日", "2020-01-01", [("dateline", "本报31日讯")], [], ["2019-12-31"], "昨日"),
    ("中央社華盛頓廿三日電 美國", None, [("dateline", "中央社華盛頓廿三日電")], [], [], "美國"),
    ("中央通訊社電 行政院", None, [("dateline", "中央通訊社電")], [], [], "行政院"),
    ("據路透社電 日本", None, [("dateline", "據路透社電")], [], [], "日本"),
    ("据美联社电 日本", None, [("dateline", "据美联社电")], [], [], "日本"),
    ("【法新社巴黎十日電】法國", None, [("dateline", "【法新社巴黎十日電】")], [], [], "法國"),
    ("中新社香港３日电 香港", None, [("dateline", "中新社香港３日电")], [], [], "香港"),
    # dates in Chinese numerals
    ("新华社北京三月四日电 今天", "1985", [("dateline", "新华社北京三月四日电")], [], ["1985-03-04"], "今天"),
    ("新華社北京十二月三十一日電 今天", None, [("dateline", "新華社北京十二月三十一日電")], [], ["--12-31"], "今天"),
    ("本報臺北一九八五年四月十一日訊 今天", None,
     [("dateline", "本報臺北一九八五年四月十一日訊")], [], ["1985-04-11"], "今天"),
    ("本報3月4日訊 今天", "1985", [("dateline", "本報3月4日訊")], [], ["1985-03-04"], "今天"),
]


@pytest.mark.parametrize("paragraph, today, paras, people, whens, remainder", OPENINGS)
def test_split_opening(paragraph, today, paras, people, whens, remainder):
    found, rest = split_opening(Text([paragraph]), today)
    assert shape(found) == paras
    assert names(found) == people
    assert dates(found) == whens
    assert rest.plain == remainder


NOT_OPENINGS = [
    "新华社报道，今天",              # 报道 ends a quoted dateline only (据…报道)
    "北京日报北京讯，今天",
    "本报评论员认为，今天",            # a place alone follows the paper itself or an agency only
    "据了解报道称，今天",
    "近日，记者了解到，根据《实施方案》",
    "记者从市金融监管局获悉，近年来",
    "记者 了解到，今年以来",
    "2020年6月，超群工业提交了申请。",
    "（以下简称“超群工业”）生产车间内",
    "（含）以上",
    "（下转02版）",
    "创新驱动发展，创新赋能发展。",
    "新华社电话号码是多少",
    "新華社電話號碼",
    "情报通讯技术发展迅速",
    "记者手记",
    "（记者节）当天",
    "重庆日报",
    "他喜欢摄影和旅行。",
    "摄/曾诚",
    "重庆日报记者 齐岚森 摄",
    "【编者按】本报今日起连载",         # bracketed headings and quotations
    "【相关新闻】新华社电",
    "【編者按】本報今日起連載",
    "【本报讯）近日",                    # no pair of brackets round a dateline
    "【本报讯 近日记者了解到】",         # more than a dateline inside
    "【新华社】近日",
    "【中央社臺北十一日】近日",           # no dispatch word
    "中央社臺北日電",
    "【情报通讯】近日",
    "十一日電",
]


@pytest.mark.parametrize("paragraph", NOT_OPENINGS)
def test_split_opening_leaves_other_text(paragraph):
    text = Text([paragraph])
    assert split_opening(text, "2022") == ([], text)


# -------------------------------------------------------------- closings

CLOSINGS = [
    # (block, page date, paras (kind, text), names, dates)
    ("（记者 张凌漪）", None, [("byline", "（记者 张凌漪）")], [("张凌漪", "reporter")], []),
    ("(记者 张凌漪)", None, [("byline", "(记者 张凌漪)")], [("张凌漪", "reporter")], []),
    ("（记者唐卫彬、李鹏翔、梁建强、侯文坤）", None,
     [("byline", "（记者唐卫彬、李鹏翔、梁建强、侯文坤）")],
     [("唐卫彬", "reporter"), ("李鹏翔", "reporter"), ("梁建强", "reporter"), ("侯文坤", "reporter")], []),
    ("（新华社武汉6月12日电）", "2022", [("dateline", "（新华社武汉6月12日电）")], [], ["2022-06-12"]),
    ("（新华社武汉6月12日电）", None, [("dateline", "（新华社武汉6月12日电）")], [], ["--06-12"]),
    ("（本报记者 王五）", None, [("byline", "（本报记者 王五）")], [("王五", "reporter")], []),
    ("（通讯员 李四 记者 王五）", None, [("byline", "（通讯员 李四 记者 王五）")],
     [("李四", "correspondent"), ("王五", "reporter")], []),
    ("【中央社臺北十一日電】", "1985", [("dateline", "【中央社臺北十一日電】")], [], []),
    ("〔新華社北京三月四日電〕", "1985", [("dateline", "〔新華社北京三月四日電〕")], [], ["1985-03-04"]),
    ("（记者 张凌漪） （据新华社电）", None, [("byline", "（记者 张凌漪）"), ("dateline", "（据新华社电）")],
     [("张凌漪", "reporter")], []),
    ("王静 王柯岚", None, [("byline", "王静 王柯岚")], [("王静", "author"), ("王柯岚", "author")], []),
    ("张小林", None, [("byline", "张小林")], [("张小林", "author")], []),
    ("欧阳晓明、司马光", None, [("byline", "欧阳晓明、司马光")],
     [("欧阳晓明", "author"), ("司马光", "author")], []),
    ("责任编辑：王晓军", None, [("byline", "责任编辑：王晓军")], [("王晓军", "editor")], []),
    ("（记者 沈可为 通讯员 陆平）", None, [("byline", "（记者 沈可为 通讯员 陆平）")],
     [("沈可为", "reporter"), ("陆平", "correspondent")], []),      # 为 is common in given names
    # a byline that names no person
    ("（本报评论员）", None, [("byline", "（本报评论员）")], [], []),
    # a reader's signature: who the writer is, then the name
    ("沅西县石桥乡农业社社员 冉茂林", None, [("byline", "沅西县石桥乡农业社社员 冉茂林")], [("冉茂林", "author")], []),
    ("北京市民 张三", None, [("byline", "北京市民 张三")], [("张三", "author")], []),
    ("城关公社 何桂英", None, [("byline", "城关公社 何桂英")], [("何桂英", "author")], []),
    ("（城关镇 邵文英）", None, [("byline", "（城关镇 邵文英）")], [("邵文英", "author")], []),
    # a two-character name set in the width of three, in brackets or not
    ("（向　阳）", None, [("byline", "（向　阳）")], [("向　阳", "author")], []),
    # an organisation alone in brackets: the item's source
    ("（县卫生局）", None, [("byline", "（县卫生局）")], [("县卫生局", "org")], []),
    ("（ 县广播站 ）", None, [("byline", "（ 县广播站 ）")], [("县广播站", "org")], []),
    ("（新华社）", None, [("byline", "（新华社）")], [("新华社", "org")], []),
    # set off by a box mark
    ("□ 周启明", None, [("byline", "□ 周启明")], [("周启明", "author")], []),
    ("■本报记者 丁一鸣", None, [("byline", "■本报记者 丁一鸣")], [("丁一鸣", "reporter")], []),
]


@pytest.mark.parametrize("block, today, paras, people, whens", CLOSINGS)
def test_closing(block, today, paras, people, whens):
    found = closing(Text([block]), today)
    assert found is not None
    assert shape(found) == paras
    assert names(found) == people
    assert dates(found) == whens


NOT_CLOSINGS = [
    "重庆日报",
    "（下转02版）",
    "（上接1版）",
    "（完）",
    "【编者按】",
    "【相关新闻】",
    "（含）",
    "（以下简称“超群工业”）",
    "创新驱动发展，创新赋能发展。",
    "汇集研发平台",
    "核心提示",
    "政务简报",
    "解读",
    "关注",
    "金融",
    "王者归来",
    "张三说",
    "近日，记者了解到，根据",
    "2020年6月，超群工业提交了",
    "重庆日报记者 谢智强 摄",      # a photo credit is credit()'s
    "摄/曾诚",
    "张 王 李 赵 钱 孙 周",
    "张三 李四 王五 赵六 钱七 孙八 周九",
    "（大约三天）",                # brackets round no organisation
    "工人 张三说",                 # a signer word before no name
    "发展 张三",                   # no place, organisation or signer before the name
    "（大约 三天）",
    "农民 丰收了",
    "（局）",
    "（县卫生局） 负责解释",
    "□ 经济观察",                  # a box mark before no name
    "■全市中小学生田径运动会昨天结束。",
]


@pytest.mark.parametrize("block", NOT_CLOSINGS)
def test_closing_rejects(block):
    assert closing(Text([block]), "2022") is None


# --------------------------------------------------------------- credits

CREDITS = [
    ("重庆日报记者 齐岚森 摄", [("齐岚森", "photographer")]),
    ("摄/曾诚", [("曾诚", "photographer")]),
    ("摄／曾诚", [("曾诚", "photographer")]),
    ("曾诚/摄", [("曾诚", "photographer")]),
    ("曾诚 摄", [("曾诚", "photographer")]),
    ("张三 李四 摄", [("张三", "photographer"), ("李四", "photographer")]),
    ("新华社记者 李四 摄", [("李四", "photographer")]),
    ("（新华社记者 李四 摄）", [("李四", "photographer")]),
    ("摄影：张三", [("张三", "photographer")]),
    ("记者 郑宇 见习记者 刘旖旎 摄/视觉重庆",
     [("郑宇", "photographer"), ("刘旖旎", "photographer"), ("视觉重庆", "org")]),
    ("记者 郑宇 见习记者 刘旖旎\n摄/视觉重庆",
     [("郑宇", "photographer"), ("刘旖旎", "photographer"), ("视觉重庆", "org")]),
    ("摄/CFP", [("CFP", "org")]),
    ("图片由重庆市科技局提供", [("重庆市科技局", "org")]),
    ("（图片由张三提供）", [("张三", "photographer")]),
    ("资料图片", []),
    ("（受访者供图）", []),
    ("本報記者 張三 攝", [("張三", "photographer")]),
    ("圖片由重慶市科技局提供", [("重慶市科技局", "org")]),
    # an agency sends the photo
    ("新华社发（齐远帆 摄）", [("新华社", "org"), ("齐远帆", "photographer")]),
    ("新華社發 齊遠帆 攝", [("新華社", "org"), ("齊遠帆", "photographer")]),
    # a name broken over the credit's lines
    ("记者 黎明\n辉 摄", [("黎明辉", "photographer")]),
]


@pytest.mark.parametrize("block, people", CREDITS)
def test_credit(block, people):
    found = credit(Text([block]))
    assert found is not None and found.kind == "byline"
    assert found.plain.replace("\n", "") == block.replace("\n", "")    # a line break inside a name goes
    assert names([found]) == people


NOT_CREDITS = [
    "文/本报记者 梁晓彤 图/蒋一帆",       # the writer's and the photographer's byline
    "（摄于7月21日）",
    "他喜欢摄影和旅行。",
    "他喜欢摄影",
    "摄影展开幕",
    "重庆日报记者 李星婷 张亦筑",
    "（记者 张凌漪）",
    "王静 王柯岚",
    "近日，记者了解到",
    "重庆日报",
    "科学谷教智科创园",
]


@pytest.mark.parametrize("block", NOT_CREDITS)
def test_credit_rejects(block):
    assert credit(Text([block])) is None


SPLIT_CREDITS = [
    ("朝气蓬勃的西部(重庆)科学城 摄/曾诚", "朝气蓬勃的西部(重庆)科学城", [("曾诚", "photographer")]),
    ("金凤实验室科研人员在工作 摄/雷斌", "金凤实验室科研人员在工作", [("雷斌", "photographer")]),
    ("科学谷教智科创园摄/曾诚", "科学谷教智科创园", [("曾诚", "photographer")]),
    ("图为工人在作业。（新华社记者 张三 摄）", "图为工人在作业。", [("张三", "photographer")]),
    ("孩子们在馆内参加活动。重庆日报记者 齐岚森 摄", "孩子们在馆内参加活动。", [("齐岚森", "photographer")]),
    ("孩子们 在 馆内 张三 摄", "孩子们 在 馆内", [("张三", "photographer")]),
]


@pytest.mark.parametrize("caption_and_credit, caption, people", SPLIT_CREDITS)
def test_split_credit(caption_and_credit, caption, people):
    found = split_credit(Text([caption_and_credit]))
    assert found is not None
    assert found[0].plain.strip() == caption
    assert names([found[1]]) == people


@pytest.mark.parametrize("caption", [
    "工作人员正在智能化生产线上作业。（摄于7月21日）",
    "金凤实验室科研人员在工作",
    "重庆日报记者 齐岚森 摄",          # whole credit: credit()'s
    "他喜欢摄影",
    "大家 一起 摄影",
    "市场主体（含个体户）",
])
def test_split_credit_rejects(caption):
    assert split_credit(Text([caption])) is None


# -------------------------------------------------- corrections and speed

def test_corrections_stay_in_their_piece():
    widened = Choice("(", "（", "orig", "half-width bracket")
    doubled = Choice("张张", "张", "sic", "doubled glyph")
    text = Text(["本报讯", widened, "记者 ", doubled, "三）近日"])
    paras, rest = split_opening(text, None)
    assert names(paras) == [("张三", "reporter")]
    assert Text.join(texts(paras) + [rest]) == text
    assert widened in paras[1].parts[0].segments
    assert doubled in paras[1].parts[1].text.segments


@pytest.mark.parametrize("call", [lambda t: split_opening(t, "2022"), lambda t: closing(t, "2022"), credit, split_credit])
@pytest.mark.parametrize("line", ["记" * 1_000_000, "记者 张三 " * 100_000, "（" * 500_000 + "）" * 500_000])
def test_long_lines_are_no_bylines(call, line):
    """(Their speed is measured in bench/linear.py, not here.)"""
    assert call(Text([line])) in (None, ([], Text([line])))


# ------------------------------------------------------------ conservation

PIECES = ["本报讯", "新华社", "中央社", "北京", "１月８日", "6月12日", "2022年", "三月", "十一日", "电", "讯", "据",
          "據", "（", "）", "(", ")", "【", "】", "〔", "〕",
          "记者", "重庆日报记者", "实习生", "见习记者", "通讯员", "摄", "摄影", "/", "、", " ", "：", "报道",
          "张亦筑", "冉罗楠", "王静", "欧阳晓明", "视觉重庆", "图片由", "提供", "近日，", "了解到。", "科学城"]


@st.composite
def texts_with_corrections(draw) -> Text:
    segments = []
    for piece in draw(st.lists(st.sampled_from(PIECES), max_size=14)):
        if draw(st.booleans()) and draw(st.booleans()):
            segments.append(Choice(piece + piece[:1], piece, "sic", "test"))
        else:
            segments.append(piece)
    return Text(segments)


@settings(max_examples=400, deadline=None)
@given(texts_with_corrections())
def test_nothing_lost_nothing_added(text):
    paras, rest = split_opening(text, "2022")
    assert Text.join(texts(paras) + [rest]) == text
    for found in (closing(text, "2022"), [credit(text)] if credit(text) else None):
        if found is not None:
            assert Text.join(texts(found)) == text
    split = split_credit(text)
    if split is not None:
        caption, found = split
        assert Text.join([caption] + texts([found])) == text


PEN_NAMES = [("(晓文)", "晓文"), ("（向阳）", "向阳"), ("（ 文兵 ）", "文兵"),
             # must not: notes on the text, longer groups, a role and a name
             ("（待续）", None), ("(下同)", None), ("（1992年）", None), ("（记者 张三）", None), ("（上）", None)]


@pytest.mark.parametrize("block, name", PEN_NAMES)
def test_pen_name(block, name):
    paras = pen_name(Text([block]))
    names = [p.text.plain for para in paras or [] for p in para.parts if isinstance(p, Name)]
    assert names == ([name] if name else [])
    assert paras is None or "".join(p.text.plain if isinstance(p, Name) else p.plain for p in paras[0].parts) == block
