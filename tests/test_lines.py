"""lines stage: paragraphs rebuilt from wrapped column lines, display lines
told from running text, every line kept once; on pages written here."""
from pathlib import Path

import pytest

from cleanup.model import DISPLAY, PARAGRAPH, Line, Page, Text
from cleanup.stages import decode, lines

P, D = PARAGRAPH, DISPLAY
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def page_of(text: str) -> Page:
    """A page as the decode stage leaves it."""
    page = Page(text=text)
    page.lines = decode.split_lines(text)
    return page


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text.plain) for b in lines.run(page_of(text)).blocks]


def page(*rows: str) -> str:
    return "\n".join(rows)


def case(name: str, text: str, expected: list[tuple[str, str]]):
    return pytest.param(text, expected, id=name)


# ------------------------------------------------------------ small cases

# Text in a 14-character column around a line across columns.
ABOVE_WIDE = ("专区农林局要求各地在播种中", "注意防止烂秧，遇到寒潮要及时灌", "水护秧，保证一次播种成功。各地",
              "农业社普遍推广了合式秧田等先", "进经验，秧苗出得又齐又壮，播种", "进度超过往年同期。")
BELOW_WIDE = ("天发出指示，要求各有关省、市人", "民委员会在汛期到来以前，切实做", "好防汛准备工作。指示指出，各地",
              "应当立即组织力量检查堤防和水", "库，发现险情及时处理，确保安全", "度汛。")

CASES = [
    # wrapped lines rejoined without spaces; a short last line stays in its paragraph
    case("rejoined",
         page("日前，江津区双福工业", "园，重庆龙煜精密铜管有限公", "司的工作人员正在生产线上", "忙碌。"),
         [(P, "日前，江津区双福工业园，重庆龙煜精密铜管有限公司的工作人员正在生产线上忙碌。")]),
    # a blank line after a line that stops mid-sentence is a column break
    case("column-break",
         page("为了支持科技型企业发展，重庆近", "年来出台了一系列助企纾困政策措施，",
              "其中包括促进科技创新类7条，用政策", "", "“组合拳”把企业“扶上马送一程”，激发",
              "企业创新活力，实现高质量发展。"),
         [(P, "为了支持科技型企业发展，重庆近年来出台了一系列助企纾困政策措施，其中包括促进科技创新类7条，用"
             "政策“组合拳”把企业“扶上马送一程”，激发企业创新活力，实现高质量发展。")]),
    # ... also when the text goes on in a short last line
    case("column-break-short-last-line",
         page("转型发力，澎湃发展动能。", "一声声汽笛长鸣，武汉新港一", "", "片忙碌。",
              "习近平总书记2013年7月在", "武汉新港阳逻集装箱港区考察时提", "出的“把全流域打造成黄金水道”，",
              "正逐渐变为现实。"),
         [(P, "转型发力，澎湃发展动能。"),
          (P, "一声声汽笛长鸣，武汉新港一片忙碌。"),
          (P, "习近平总书记2013年7月在武汉新港阳逻集装箱港区考察时提出的“把全流域打造成黄金水道”，正逐渐变为"
             "现实。")]),
    # a short head set apart may carry a comma, or a dash subtitle under it
    case("head-with-comma",
         page("前一篇文章到此结束。", "", "早作准备，迎接夏收", "",
              "今年我省小麦、油菜长势普遍良好，丰收在望。离开镰只有二十来天了，夏收准备工作做得好不好，直接关系到收成。",
              "有些农业社的干部认为庄稼还没有黄，准备工作不忙着做，这种想法是不对的。",
              "各地党组织应当把夏收准备当作当前的一件大事来抓，帮助农业社订好夏收计划。"),
         [(P, "前一篇文章到此结束。"), (D, "早作准备，迎接夏收"),
          (P, "今年我省小麦、油菜长势普遍良好，丰收在望。离开镰只有二十来天了，夏收准备工作做得好不好，直接关系到收成。"),
          (P, "有些农业社的干部认为庄稼还没有黄，准备工作不忙着做，这种想法是不对的。"),
          (P, "各地党组织应当把夏收准备当作当前的一件大事来抓，帮助农业社订好夏收计划。")]),
    case("head-with-dash-subtitle",
         page("老楼加装电梯，难在哪儿", "——对城区三个老旧社区的走访", "",
              "“爬到五楼要歇两回。”家住东河区红星社区的七十四岁老人孟桂兰说，",
              "她所在的楼建于上世纪八十年代，没有电梯，上下楼全靠一双腿，",
              "年纪大了以后，下楼买菜成了一件难事。"),
         [(D, "老楼加装电梯，难在哪儿\n——对城区三个老旧社区的走访"),
          (P, "“爬到五楼要歇两回。”家住东河区红星社区的七十四岁老人孟桂兰说，她所在的楼建于上世纪八十年代，没有电梯，"
              "上下楼全靠一双腿，年纪大了以后，下楼买菜成了一件难事。")]),
    # a question kicker over its title; a head whose dash subtitle runs over two lines
    case("question-kicker",
         page("前一篇文章到此结束。", "", "主帥去留？", "東區班主：季後再作檢討", "",
              "東區昨晚揭幕戰落敗後，有關主帥羅家明", "去留的猜測再起。班主昨日表示，一切", "待季後再作檢討。"),
         [(P, "前一篇文章到此结束。"), (D, "主帥去留？\n東區班主：季後再作檢討"),
          (P, "東區昨晚揭幕戰落敗後，有關主帥羅家明去留的猜測再起。班主昨日表示，一切待季後再作檢討。")]),
    case("dash-subtitle-over-two-lines",
         page("精耕细作　多打粮食", "青崖专区春播进度超过往年", "——已播早稻秧田十二万亩，", "比去年同期多三成", "",
              "本报讯　入春以来，青崖专区", "各县农业生产合作社抓紧晴好天气，", "积极开展春耕播种。"),
         [(D, "精耕细作　多打粮食\n青崖专区春播进度超过往年\n——已播早稻秧田十二万亩，\n比去年同期多三成"),
          (P, "本报讯　入春以来，青崖专区各县农业生产合作社抓紧晴好天气，积极开展春耕播种。")]),
    # a line that leaves a bracket open runs on: an opening dateline broken over lines is text
    case("opening-broken-in-its-bracket",
         page("青澜石漠化治理面积", "连续五年超百万亩", "",
              "新华社望州3月17日电（记者 邹明远", "梁晓）记者从青澜省林业厅了解到，", "去年全省完成治理面积112万亩。"),
         [(D, "青澜石漠化治理面积\n连续五年超百万亩"),
          (P, "新华社望州3月17日电（记者 邹明远梁晓）记者从青澜省林业厅了解到，去年全省完成治理面积112万亩。")]),
    # a salutation ending in a colon is the letter's text, not a head
    case("salutation",
         page("读者来信", "", "供销社应当把好秤", "编辑同志：", "上月二十日，我到城关供销社门市部买了两斤白糖，回家一称只有一斤八两。",
              "希望供销社认真检查，把好秤。"),
         [(D, "读者来信"), (D, "供销社应当把好秤"),
          (P, "编辑同志：上月二十日，我到城关供销社门市部买了两斤白糖，回家一称只有一斤八两。希望供销社认真检查，把好秤。")]),
    # must not: a paragraph's indented first line cut off by a column break is no head
    case("first-line-before-a-break",
         page("前一篇文章到此结束，全文完毕了。", "", "今年以来，我市加大投入", "",
              "力度，新建改建农村公路三百公里，", "惠及沿线二十多万群众出行。"),
         [(P, "前一篇文章到此结束，全文完毕了。"),
          (P, "今年以来，我市加大投入力度，新建改建农村公路三百公里，惠及沿线二十多万群众出行。")]),
    # must not: a short line after text that stops mid-sentence is that text's end
    case("short-line-after-a-break",
         page("今年我省小麦、油菜长势普遍良好，丰收在望。离开镰只有二十来天了，夏收准备", "",
              "工作做得好，", "",
              "有些农业社的干部认为庄稼还没有黄，准备工作不忙着做，这种想法是不对的。"),
         [(P, "今年我省小麦、油菜长势普遍良好，丰收在望。离开镰只有二十来天了，夏收准备工作做得好，"
              "有些农业社的干部认为庄稼还没有黄，准备工作不忙着做，这种想法是不对的。")]),
    # heads as wide as a narrow column stay heads when the text below opens with a note
    case("heads-over-a-continued-text",
         page("公交公司调度室负责", "人告诉记者，九路车延伸", "后增开了六辆车，高峰时", "间每隔五分钟发一班车。", "",
              "方便北郊两万居民出行", "九路公共汽车延伸到石门坎", "",
              "（接1版）城区抽查了一", "百二十户饮食摊点，发现", "有十九户没有办理卫生许", "可证。"),
         [(P, "公交公司调度室负责人告诉记者，九路车延伸后增开了六辆车，高峰时间每隔五分钟发一班车。"),
          (D, "方便北郊两万居民出行\n九路公共汽车延伸到石门坎"),
          (P, "（接1版）城区抽查了一百二十户饮食摊点，发现有十九户没有办理卫生许可证。")]),
    # a title with its dash subtitle, as wide as a narrow column, after a signed text
    case("dash-subtitled-heads-as-wide-as-the-column",
         page("复送煤上门服务，对老弱病", "残户优先送货。（记者 罗宏）", "",
              "今冬煤球供应不成问题", "——全市储煤比去年多四万吨", "",
              "秋日的滨江公园，游人在观赏菊花展览。"),
         [(P, "复送煤上门服务，对老弱病残户优先送货。（记者 罗宏）"),
          (D, "今冬煤球供应不成问题\n——全市储煤比去年多四万吨"),
          (P, "秋日的滨江公园，游人在观赏菊花展览。")]),
    # a head across columns, with a comma, over a report's dateline
    case("wide-head-over-a-dateline",
         page(*ABOVE_WIDE, "", "国务院发出指示，要求各地切实做好春季防汛工作", "", "新华社北京10日电　国务院今", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (D, "国务院发出指示，要求各地切实做好春季防汛工作"),
          (P, "新华社北京10日电　国务院今" + "".join(BELOW_WIDE))]),
    # ... over any text: a line wider than its column was not wrapped to it
    case("wide-head-over-text",
         page(*ABOVE_WIDE, "", "天冷了，心脑血管病患者要注意保暖", "", "进入11月，气温波动明", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (D, "天冷了，心脑血管病患者要注意保暖"),
          (P, "进入11月，气温波动明" + "".join(BELOW_WIDE))]),
    # must not: a line with a comma that fits its column is text a column break cut off
    case("column-wide-line-over-text",
         page(*ABOVE_WIDE, "", "各地要组织人员下田检查，发现问", "", "题及时处理，各县要抽调干部深入", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (P, "各地要组织人员下田检查，发现问题及时处理，各县要抽调干部深入" + "".join(BELOW_WIDE))]),
    # heads after their text, under a caption ending in its credit, with no blank line
    # between: every line below the credit is a head, the kicker over the title too
    case("heads-after-a-credit",
         page(*ABOVE_WIDE, "昨日，市民在公园内赏花。 本报记者 严冬 摄", "第二届桂花文化节开幕",
              "桂园3000多株桂花竞相绽放", "", "本报讯（记者 周建新）近日，", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE) + "昨日，市民在公园内赏花。 本报记者 严冬 摄"),
          (D, "第二届桂花文化节开幕\n桂园3000多株桂花竞相绽放"),
          (P, "本报讯（记者 周建新）近日，" + "".join(BELOW_WIDE))]),
    # a head that asks, over lines far shorter than the column
    case("question-head",
         page(*ABOVE_WIDE, "", "流感高发季", "接种流感疫苗，", "现在还来得及吗？", "", "随着气温下降，流", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (D, "流感高发季\n接种流感疫苗，\n现在还来得及吗？"),
          (P, "随着气温下降，流" + "".join(BELOW_WIDE))]),
    # must not: a question in running text, its lines filling the column
    case("question-in-text",
         page(*ABOVE_WIDE, "", "不少市民关心，现在接种流感疫", "苗还来得及吗？", "", "随着气温下降，流", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (P, "不少市民关心，现在接种流感疫苗还来得及吗？"),
          (P, "随着气温下降，流" + "".join(BELOW_WIDE))]),
    # a closing byline a column break cut inside its brackets goes on after the break
    case("byline-cut-in-its-brackets",
         page(*ABOVE_WIDE[:-1], "进度超过往年。（记者 孟瑶", "", "通讯员 沈乐）", "", "7旬老人迷路 民警连夜帮其找到家"),
         [(P, "".join(ABOVE_WIDE[:-1]) + "进度超过往年。（记者 孟瑶通讯员 沈乐）"),
          (D, "7旬老人迷路 民警连夜帮其找到家")]),
    # heads with a comma, over two lines, set apart over a report's dateline
    case("comma-heads-over-a-dateline",
         page(*ABOVE_WIDE, "", "暴雨过后，老城区32条背街小巷", "积水点全部完成排查整治", "", "本报讯（记者 周立群）记", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (D, "暴雨过后，老城区32条背街小巷\n积水点全部完成排查整治"),
          (P, "本报讯（记者 周立群）记" + "".join(BELOW_WIDE))]),
    # must not: text a column break cut off, however it goes on
    case("cut-text-before-a-dateline",
         page(*ABOVE_WIDE[:-1], "进度超过往年同期，全省各地抓", "", "紧春播，组织群众抢播早稻", "", "本报讯（记者 周立群）记",
              *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE[:-1]) + "进度超过往年同期，全省各地抓紧春播，组织群众抢播早稻"),
          (P, "本报讯（记者 周立群）记" + "".join(BELOW_WIDE))]),
    # heads after their text: a subtitle set apart, wider than the column, is no
    # paragraph's first line cut by a column break
    case("wide-subtitle-over-text",
         page(*ABOVE_WIDE, "", "老旧小区加装电梯 今年再推120台", "", "符合条件的小区可向所在街道提交申请", "",
              "因滨河路雨污管网改造施工，从5", *BELOW_WIDE),
         [(P, "".join(ABOVE_WIDE)), (D, "老旧小区加装电梯 今年再推120台"), (D, "符合条件的小区可向所在街道提交申请"),
          (P, "因滨河路雨污管网改造施工，从5" + "".join(BELOW_WIDE))]),
    # a bare closing quote closes a phrase, not the sentence
    case("bare-closing-quote",
         page("2020年5月，习近平总书记在", "参加十三届全国人大三次会议湖北",
              "代表团审议时对湖北提出殷切期待，", "", "“希望湖北的同志统筹推进疫情防控",
              "和经济社会发展工作，坚持稳中求进", "工作总基调，主动作为、奋发有为”", "",
              "“奋力谱写湖北高质量发展新篇章”。"),
         [(P, "2020年5月，习近平总书记在参加十三届全国人大三次会议湖北代表团审议时对湖北提出殷切期待，“希望"
             "湖北的同志统筹推进疫情防控和经济社会发展工作，坚持稳中求进工作总基调，主动作为、奋发有为”“奋"
             "力谱写湖北高质量发展新篇章”。")]),
    # a blank line after a sentence end is a paragraph break
    case("blank-after-sentence-end",
         page("近日，面积约500平方米、用声", "光电等多种方式展示石墨烯新兴产",
              "品的重庆石墨烯展示中心，在科学", "城正式投入使用。", "", "作为目前发现的最薄、强度最",
              "大、导电导热性能最强的新型纳米", "材料，石墨烯被称为21世纪“新材料", "之王”。"),
         [(P, "近日，面积约500平方米、用声光电等多种方式展示石墨烯新兴产品的重庆石墨烯展示中心，在科学城正式"
             "投入使用。"),
          (P, "作为目前发现的最薄、强度最大、导电导热性能最强的新型纳米材料，石墨烯被称为21世纪“新材料之王”"
             "。")]),
    # must not change: a full line after a sentence end goes on in the same paragraph
    case("full-line-after-sentence-end",
         page("石墨烯研究院通过“1+N”动", "态运行协同创新模式，与南开大学、", "四川大学等60多家从事石墨烯科",
              "技创新的科研院所、大专院校、企", "业、社会组织，均建立了合作关系。",
              "团队围绕石墨烯材料在新能源、复", "合材料、电子信息、大健康、检验检",
              "测等领域的应用，开展关键技术研", "发和新产品开发。"),
         [(P, "石墨烯研究院通过“1+N”动态运行协同创新模式，与南开大学、四川大学等60多家从事石墨烯科技创新的科"
             "研院所、大专院校、企业、社会组织，均建立了合作关系。团队围绕石墨烯材料在新能源、复合材料、电"
             "子信息、大健康、检验检测等领域的应用，开展关键技术研发和新产品开发。")]),
    # a sentence end, then a line short by the dropped indent: a new paragraph
    case("indented-after-sentence-end",
         page("城市书房由政府提供场地和图书，社", "会机构负责日常运营，全年开放时间",
              "不少于三百天，并与全市公共图书馆", "实现通借通还，深受市民的欢迎。",
              "下一步，我市还将在社区、公", "园和交通站点布局更多阅读空间，让", "书香融入市民的日常生活。"),
         [(P, "城市书房由政府提供场地和图书，社会机构负责日常运营，全年开放时间不少于三百天，并与全市公共图"
             "书馆实现通借通还，深受市民的欢迎。"),
          (P, "下一步，我市还将在社区、公园和交通站点布局更多阅读空间，让书香融入市民的日常生活。")]),
    # must not change: real short paragraphs stay apart
    case("short-paragraphs",
         page("湖北把修复长江生态摆在压倒", "性位置，以“雷霆之势”推进沿江化",
              "工企业专项整治等十大标志性行动。", "绿色打底，释放生态红利。", "三峡大坝旁，宜昌市许家冲村。",
              "", "江潮奔涌，风帆高悬。"),
         [(P, "湖北把修复长江生态摆在压倒性位置，以“雷霆之势”推进沿江化工企业专项整治等十大标志性行动。"),
          (P, "绿色打底，释放生态红利。"),
          (P, "三峡大坝旁，宜昌市许家冲村。"),
          (P, "江潮奔涌，风帆高悬。")]),
    # must not change: a paragraph that ends short without punctuation is running text,
    # and the paragraph after it stays apart
    case("unpunctuated-paragraph-end",
         page("下一步，我市还将在社区、公园", "和交通站点布局更多阅读空间，让书", "香融入市民的日常生活之中",
              "", "据介绍，城市书房全年开放", "时间不少于三百天，并与全市公共图", "书馆实现通借通还。"),
         [(P, "下一步，我市还将在社区、公园和交通站点布局更多阅读空间，让书香融入市民的日常生活之中"),
          (P, "据介绍，城市书房全年开放时间不少于三百天，并与全市公共图书馆实现通借通还。")]),
    # display lines: standing alone, no sentence punctuation; consecutive ones form one block
    case("display-lines",
         page("知识价值换来“真金白银”", "企业贷款成本进一步降低", "", "成立于2016年的超群工业，是一家",
              "专业设计研发、制造、铝合金汽车轮毂的", "企业。"),
         [(D, "知识价值换来“真金白银”\n企业贷款成本进一步降低"),
          (P, "成立于2016年的超群工业，是一家专业设计研发、制造、铝合金汽车轮毂的企业。")]),
    # no column break into a display line, nor across one
    case("no-join-across-display",
         page("为了支持科技型企业发展，重庆近", "年来出台了一系列助企纾困政策措施，",
              "其中包括促进科技创新类7条，用政策", "", "政务简报", "", "“组合拳”把企业“扶上马送一程”，激发",
              "企业创新活力。"),
         [(P, "为了支持科技型企业发展，重庆近年来出台了一系列助企纾困政策措施，其中包括促进科技创新类7条，用"
             "政策"),
          (D, "政务简报"),
          (P, "“组合拳”把企业“扶上马送一程”，激发企业创新活力。")]),
    # a caption standing alone is not glued to the indented paragraph after it
    case("caption-alone",
         page("重庆高新技术产业研究院,科研人员正在做研究", "", "位于璧山区的重庆高新技术产业", "研究院也是一家新型研发机构。近年来，",
              "该研究院瞄准成果转化，打造出自有的", "“研究院+孵化”模式，每年到高校、院", "所、企业搜集和筛选科研项目。"),
         [(P, "重庆高新技术产业研究院,科研人员正在做研究"),
          (P, "位于璧山区的重庆高新技术产业研究院也是一家新型研发机构。近年来，该研究院瞄准成果转化，打造出自有"
             "的“研究院+孵化”模式，每年到高校、院所、企业搜集和筛选科研项目。")]),
    # a credit closing a caption; a credit standing alone
    case("credits",
         page("重庆高新区，台晶（重庆）电子有限公司生产车间，工作人员正在智能化生产线上作业。",
              "重庆日报记者 谢智强 摄", "", "重庆日报记者 齐岚森 摄"),
         [(P, "重庆高新区，台晶（重庆）电子有限公司生产车间，工作人员正在智能化生产线上作业。"),
          (D, "重庆日报记者 谢智强 摄"),
          (D, "重庆日报记者 齐岚森 摄")]),
    # bracketed notes stand apart from the text around them
    case("notes",
         page("（上接1版）", "2018年4月，习近平总书记在", "", "烽火科技集团考察时强调，企业必",
              "须在核心技术上不断实现突破。", "（记者 张凌漪）", "", "（下转02版）"),
         [(P, "（上接1版）"),
          (P, "2018年4月，习近平总书记在烽火科技集团考察时强调，企业必须在核心技术上不断实现突破。"),
          (P, "（记者 张凌漪）"),
          (P, "（下转02版）")]),
    # an item mark or a printed indent opens a new block
    case("item-marks",
         page("●6月12日，副市长熊雪赴重庆八中", "渝北校区考点巡查2022年中考工作",
              "●6月13日，市委常委会召开会议"),
         [(P, "●6月12日，副市长熊雪赴重庆八中渝北校区考点巡查2022年中考工作"),
          (P, "●6月13日，市委常委会召开会议")]),
    case("leading-space",
         page("西部（重庆）科学城将建环大学城创新生态圈", " 本报讯（重庆日报记者 黄光红",
              "实习生 陈星）日前，记者从市金融监", "管局获悉。"),
         [(D, "西部（重庆）科学城将建环大学城创新生态圈"),
          (P, "本报讯（重庆日报记者 黄光红实习生 陈星）日前，记者从市金融监管局获悉。")]),
    case("leading-space-display",
         page("汇集研发平台", "解读", " 新科学催生新技术 新技术转化新成果"),
         [(D, "汇集研发平台\n解读"),
          (D, "新科学催生新技术 新技术转化新成果")]),
    # Markdown: a heading marker and a hard break are markup, and make display lines
    case("markdown-heading",
         page("## 核心提示", "", "近年来,我市立足新发展阶段,完整、准确、全面贯彻新发展理念。"),
         [(D, "核心提示"),
          (P, "近年来,我市立足新发展阶段,完整、准确、全面贯彻新发展理念。")]),
    case("markdown-hard-break",
         page("科技政策扎实落地 持续厚植创新优势  ", "重庆加快发展高质量创新主体", "",
              "## 牢记殷殷嘱托 谱写巴渝新篇·科技局"),
         [(D, "科技政策扎实落地 持续厚植创新优势\n重庆加快发展高质量创新主体"),
          (D, "牢记殷殷嘱托 谱写巴渝新篇·科技局")]),
    # a bracket inside a sentence leaves it open; a short sentence after a closed quotation is its attribution
    case("bracket-in-sentence",
         page("为建设具有全国影响力的科技创新中", "心，培育若干个创新小生态群（N个）", "提供强有力支撑。", "在此基础上，科学城将加快",
              "实施四大工程共14项重点任务。"),
         [(P, "为建设具有全国影响力的科技创新中心，培育若干个创新小生态群（N个）提供强有力支撑。"),
          (P, "在此基础上，科学城将加快实施四大工程共14项重点任务。")]),
    case("quote-attribution",
         page("“由于一边搞研发生产，一边修建一", "期厂房，加上新冠肺炎疫情对市场的影", "响，我们遇到了资金缺口。比如说这个”",
              "张福建说。", "对于缺乏重资产、短期财务指标不", "佳的科技型企业来说，融资存在难度。"),
         [(P, "“由于一边搞研发生产，一边修建一期厂房，加上新冠肺炎疫情对市场的影响，我们遇到了资金缺口。比如说"
             "这个”张福建说。"),
          (P, "对于缺乏重资产、短期财务指标不佳的科技型企业来说，融资存在难度。")]),
    # heads printed right after running text: far shorter or wider than the column, or followed by an
    # indented first line after a blank
    case("heads-after-text",
         page("为支持科技型企业加强技术创新，", "我市推出了一系列政策“组合拳”，包括", "给予一定奖励补助或市级科研项目优先",
              "立项等。", "构建全链条孵化载体体系", "", "6月8日，位于西部（重庆）科学城西", "永微电园的第一创客（重庆）创新中心",
              "举行了一场工业软件企业专场招募路演。", "国家级科技企业孵化器为科技企业提供优质服务", "",
              "实际上，像这样的活动在第一创客", "（重庆）并不鲜见。"),
         [(P, "为支持科技型企业加强技术创新，我市推出了一系列政策“组合拳”，包括给予一定奖励补助或市级科研项目"
             "优先立项等。"),
          (D, "构建全链条孵化载体体系"),
          (P, "6月8日，位于西部（重庆）科学城西永微电园的第一创客（重庆）创新中心举行了一场工业软件企业专场招募"
             "路演。"),
          (D, "国家级科技企业孵化器为科技企业提供优质服务"),
          (P, "实际上，像这样的活动在第一创客（重庆）并不鲜见。")]),
    # must not change: a paragraph's first lines cut off by a column break are running text
    case("first-lines-cut-off",
         page("湖北，曾经的战“疫”决战决胜", "之地，正在高质量发展新征程上，奋", "楫扬帆、乘风破浪。", "",
              "习近平总书记2013年7月在武", "汉新港阳逻集装箱港区考察时提出", "", "的“把全流域打造成黄金水道”，正",
              "逐渐变为现实。整合全省港口资源、", "升级硬件设备、优化运输结构。"),
         [(P, "湖北，曾经的战“疫”决战决胜之地，正在高质量发展新征程上，奋楫扬帆、乘风破浪。"),
          (P, "习近平总书记2013年7月在武汉新港阳逻集装箱港区考察时提出的“把全流域打造成黄金水道”，正逐渐变为"
             "现实。整合全省港口资源、升级硬件设备、优化运输结构。")]),
    # one paragraph per line: each line is a paragraph, a line cut mid-sentence goes on
    case("paragraph-per-line",
         page("据了解,超瞬态科学是当今前瞻科学问题,超瞬态实验装置由重庆大学牵头建设,是提供时间与空间多维", "",
              "研究与调控的基础设施,也是国际上首次提出两种探针耦合的大科学装置。", "",
              "目前,超瞬态实验装置已被纳入国家重大科技基础设施发展“十四五”和中长期规划备选项目。"),
         [(P, "据了解,超瞬态科学是当今前瞻科学问题,超瞬态实验装置由重庆大学牵头建设,是提供时间与空间多维研究"
             "与调控的基础设施,也是国际上首次提出两种探针耦合的大科学装置。"),
          (P, "目前,超瞬态实验装置已被纳入国家重大科技基础设施发展“十四五”和中长期规划备选项目。")]),
    # ... also without blank lines between the paragraphs
    case("paragraph-per-line-no-blanks",
         page("清晨6点,竹坪乡茶园村的雾气还没散尽,28岁的村民刘佳已经架好手机,对着镜头介绍今天刚摘的春茶。",
              "直播间里,订单一条接一条地跳出来。不到两个小时,刘佳卖出了300多斤春茶。",
              "如今,全乡已有注册网店460多家,活跃主播近百人。为了解决“卖得出、送不出”的难题,",
              "乡里引进了两家快递企业,山货最快48小时就能送到消费者手中。",
              "销路打开了,新的问题又来了:有时订单太多,货源跟不上。"),
         [(P, "清晨6点,竹坪乡茶园村的雾气还没散尽,28岁的村民刘佳已经架好手机,对着镜头介绍今天刚摘的春茶。"),
          (P, "直播间里,订单一条接一条地跳出来。不到两个小时,刘佳卖出了300多斤春茶。"),
          (P, "如今,全乡已有注册网店460多家,活跃主播近百人。为了解决“卖得出、送不出”的难题,乡里引进了两家快递"
             "企业,山货最快48小时就能送到消费者手中。"),
          (P, "销路打开了,新的问题又来了:有时订单太多,货源跟不上。")]),
    # a full stop after a digit is a decimal point, of either width
    case("decimal-points",
         page("消费市场持续回暖。全年社会消费", "品零售总额同比增长７．８％，新能源", "汽车零售额增长３８．", "６％，智能家电增长15.",
              "2%，增势较好。"),
         [(P, "消费市场持续回暖。全年社会消费品零售总额同比增长７．８％，新能源汽车零售额增长３８．６％，智能家电增"
             "长15.2%，增势较好。")]),
    # a head right above the text, with no blank line between
    case("head-over-text",
         page("据市商务局相关负责人介绍，今", "年我市计划完成20家农贸市场的智慧", "化改造，年底前实现中心城区全覆盖。", "",
              "市图书馆新增24小时自助借阅点", "近日，市图书馆在城西、城南两", "个社区新设24小时自助借阅点，每个",
              "借阅点配有图书3000余册，市民持身", "份证或读者证即可自助借还。"),
         [(P, "据市商务局相关负责人介绍，今年我市计划完成20家农贸市场的智慧化改造，年底前实现中心城区全覆盖。"),
          (D, "市图书馆新增24小时自助借阅点"),
          (P, "近日，市图书馆在城西、城南两个社区新设24小时自助借阅点，每个借阅点配有图书3000余册，市民持身份证"
             "或读者证即可自助借还。")]),
    # a letter-spaced line is running text, kept as printed
    case("letter-spacing",
         page("入首次突破千亿元，比2017年增长", "43.5%；高新技术产业增加值首次",
              "突 破 万 亿 元 ，比 2017 年 增 长", "71.7%。"),
         [(P, "入首次突破千亿元，比2017年增长43.5%；高新技术产业增加值首次突 破 万 亿 元 ，比 2017 年 增 长7"
             "1.7%。")]),
    # Latin words cut at a line end get their space back
    case("latin-words",
         page("该项目参与共建“一带一路”(the Belt and", "Road Initiative)的合作。"),
         [(P, "该项目参与共建“一带一路”(the Belt and Road Initiative)的合作。")]),
    # blank lines only, and surrounding blank lines, give nothing
    case("empty", "", []),
    case("blank-only",
         page("", "  ", "\u3000", ""),
         []),
    case("surrounding-blanks",
         page("", "", "江潮奔涌，风帆高悬。", "", ""),
         [(P, "江潮奔涌，风帆高悬。")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_blocks(text, expected):
    assert blocks(text) == expected


# ------------------------------------------------------------ pages in other shapes

# A 14-character column: head and byline lines, column breaks, paragraphs with
# and without blank lines between them, a one-line paragraph, a paragraph that
# ends without punctuation, a caption with its credit.
NARROW_PAGE = page(
    "城市书房遍布街头巷尾",
    "",
    "本报记者 陈晓 通讯员 刘洋",
    "",
    "本报讯 今年以来，我市新",
    "建城市书房四十二家，市民步行",
    "十五分钟即可走进一家书房，借",
    "阅、自习、参加讲座都很方便。",
    "",
    "家住南岸区的退休教师王秀",
    "兰几乎每天都来。她说，书房离",
    "家只有几百米，环境安静，还有",
    "",
    "专人整理新书，比过去跑市图书",
    "馆省事多了。",
    "这是好事。",
    "据市文化旅游委介绍，城市",
    "书房由政府提供场地和图书，社",
    "会机构负责日常运营，全年开放",
    "",
    "时间不少于三百天，并与全市公",
    "共图书馆实现通借通还。",
    "",
    "下一步，我市还将在社区、",
    "公园和交通站点布局更多阅读空",
    "间，让书香融入市民的日常生活",
    "之中",
    "",
    "市民在城市书房阅读。",
    "记者 王强 摄",
)
NARROW_BLOCKS = [
    (D, "城市书房遍布街头巷尾"),
    (D, "本报记者 陈晓 通讯员 刘洋"),
    (P, "本报讯 今年以来，我市新建城市书房四十二家，市民步行十五分钟即可走进一家书房，借阅、自习、参加讲座都很方便。"),
    (P, "家住南岸区的退休教师王秀兰几乎每天都来。她说，书房离家只有几百米，环境安静，还有专人整理新书，比过去跑市图书馆省事多了。"),
    (P, "这是好事。"),
    (P, "据市文化旅游委介绍，城市书房由政府提供场地和图书，社会机构负责日常运营，全年开放时间不少于三百天，并与全市公共图书馆实现通借通还。"),
    (P, "下一步，我市还将在社区、公园和交通站点布局更多阅读空间，让书香融入市民的日常生活之中"),
    (P, "市民在城市书房阅读。"),
    (D, "记者 王强 摄"),
]

# A 22-character column with full-width digits: a two-line head, a
# double-spaced lead, a letter-spaced line, paragraphs without blank lines.
WIDE_PAGE = page(
    "前十个月外贸进出口",
    "突破万亿元",
    "",
    "今年前十个月，全市外贸进出口总值首次突破",
    "",
    "万亿元大关，达到１０２８０亿元，同比增长１２",
    "",
    "．５％，增速居全国前列。",
    "",
    "其中，出口６８２０亿元，增长１５．１％；",
    "",
    "进口３４６０亿元，增长７．８％。",
    "",
    "海关有关负责人介绍，笔记本电脑、汽车和摩",
    "托车等优势产品出口持续增长，机电产品出口占全",
    "市 出 口 总 值 的 八 成 以 上 ，成为拉动外贸",
    "增长的主要力量。",
    "从贸易伙伴看，我市对东盟、欧盟和美国的进",
    "出口均保持增长，其中对东盟进出口增长最快，达",
    "到２１．３％，东盟已连续三年成为我市第一大贸",
    "易伙伴。",
    "",
    "业内人士认为，随着西部陆海新通道加快建设，",
    "全市外贸发展空间将进一步拓展。",
)
WIDE_BLOCKS = [
    (D, "前十个月外贸进出口\n突破万亿元"),
    (P, "今年前十个月，全市外贸进出口总值首次突破万亿元大关，达到１０２８０亿元，同比增长１２．５％，增速居全国前列。"),
    (P, "其中，出口６８２０亿元，增长１５．１％；进口３４６０亿元，增长７．８％。"),
    (P, "海关有关负责人介绍，笔记本电脑、汽车和摩托车等优势产品出口持续增长，机电产品出口占全"
        "市 出 口 总 值 的 八 成 以 上 ，成为拉动外贸增长的主要力量。"),
    (P, "从贸易伙伴看，我市对东盟、欧盟和美国的进出口均保持增长，其中对东盟进出口增长最快，达到２１．３％，"
        "东盟已连续三年成为我市第一大贸易伙伴。"),
    (P, "业内人士认为，随着西部陆海新通道加快建设，全市外贸发展空间将进一步拓展。"),
]

# One paragraph per line with half-width punctuation, Markdown heads and a
# hard break, a one-sentence paragraph, a paragraph cut by a column break,
# a closing byline note.
UNWRAPPED_PAGE = page(
    "## 科技赋能乡村振兴",
    "",
    "智慧农业示范园  ",
    "让种地变得更轻松",
    "",
    "5月20日,记者走进位于璧山区的智慧农业示范园,只见一排排温室大棚整齐排列,工作人员正通过手机查看棚内温度和湿度。",
    "",
    "“以前浇水施肥全靠经验,现在有了传感器,什么时候该浇水、浇多少,系统都会自动提醒。”园区负责人张建国说。",
    "",
    "无独有偶。",
    "",
    "在相邻的铜梁区,一家农业科技公司研发的植保无人机已覆盖全区八成以上的水稻种植面积,每架无人机一天可作业",
    "",
    "300余亩,效率是人工的40倍。",
    "",
    "## 搭建数据平台",
    "",
    "据了解,全市已建成农业大数据平台(一期),汇集土壤、气象、病虫害等数据1200万条,为农户提供精准种植建议。",
    "",
    "(记者 周敏)",
)
UNWRAPPED_BLOCKS = [
    (D, "科技赋能乡村振兴"),
    (D, "智慧农业示范园\n让种地变得更轻松"),
    (P, "5月20日,记者走进位于璧山区的智慧农业示范园,只见一排排温室大棚整齐排列,工作人员正通过手机查看棚内温度和湿度。"),
    (P, "“以前浇水施肥全靠经验,现在有了传感器,什么时候该浇水、浇多少,系统都会自动提醒。”园区负责人张建国说。"),
    (P, "无独有偶。"),
    (P, "在相邻的铜梁区,一家农业科技公司研发的植保无人机已覆盖全区八成以上的水稻种植面积,每架无人机一天可作业"
        "300余亩,效率是人工的40倍。"),
    (D, "搭建数据平台"),
    (P, "据了解,全市已建成农业大数据平台(一期),汇集土壤、气象、病虫害等数据1200万条,为农户提供精准种植建议。"),
    (P, "(记者 周敏)"),
]

# A 16-character column with no blank line between paragraphs: once with the
# indents printed as ideographic spaces, once with the indents dropped.
TRAM_PARAGRAPHS = [
    ("记者从市交通局获悉，全市首条", "跨江索道观光线路将于下月开通，游", "客可从南岸乘索道直达江北嘴。"),
    ("据介绍，该线路全长约１．２公", "里，设两座站房，单程运行约六分钟，", "每小时单向运力可达一千二百人次。"),
    ("为方便市民出行，索道将与轨道", "交通实现换乘，并支持使用交通卡和", "手机扫码乘车。"),
    ("票价方面，单程票二十元，往返", "票三十元。"),
]
TRAM_BLOCKS = [(D, "跨江索道下月开通")] + [(P, "".join(p)) for p in TRAM_PARAGRAPHS]
INDENTED_PAGE = page("跨江索道下月开通", "", *(row if i else "\u3000\u3000" + row
                                           for p in TRAM_PARAGRAPHS for i, row in enumerate(p)))
UNINDENTED_PAGE = page("跨江索道下月开通", "", *(row for p in TRAM_PARAGRAPHS for row in p))

# A double-spaced page: date line and head above the text, a line that
# ends a sentence at the column's end, a head inside the chain.
DOUBLE_SPACED_PAGE = page(
    "2019年11月22日 星期五 第08版", "",
    "市博物馆推出“夜游”活动", "",
    "本报讯（记者 何静 通讯员", "",
    "宋雨）记者日前从市博物馆获悉，", "",
    "即日起至明年2月，该馆每周五、", "",
    "周六晚间延长开放至21时，并推出", "",
    "“博物馆奇妙夜”系列活动。", "",
    "活动期间，市民可在讲解员带", "",
    "领下参观“古城记忆”等常设展览。", "",
    "还能参与拓印、活字印刷等互动体", "",
    "验，感受传统文化的魅力。", "",
    "匠心", "",
    "博物馆有关负责人表示，夜间", "",
    "开放不需额外购票，市民凭预约码", "",
    "即可入馆。",
)
DOUBLE_SPACED_BLOCKS = [
    (D, "2019年11月22日 星期五 第08版"),
    (D, "市博物馆推出“夜游”活动"),
    (P, "本报讯（记者 何静 通讯员宋雨）记者日前从市博物馆获悉，即日起至明年2月，该馆每周五、周六晚间延长开放"
        "至21时，并推出“博物馆奇妙夜”系列活动。"),
    (P, "活动期间，市民可在讲解员带领下参观“古城记忆”等常设展览。还能参与拓印、活字印刷等互动体验，感受传统文"
        "化的魅力。"),
    (D, "匠心"),
    (P, "博物馆有关负责人表示，夜间开放不需额外购票，市民凭预约码即可入馆。"),
]

# A 13-character column set without compressing punctuation (a first line is
# two characters short whatever punctuation the other lines carry).
FULL_PUNCTUATION_PAGE = page(
    "首都新开通十八条公交线路",
    "",
    "近年来，北京近郊新建了",
    "一批大型居民区，不少居民反",
    "映上下班乘车不便。市公交总",
    "公司经过两个多月的调查研究",
    "在广泛听取居民意见的基础上",
    "确定了这次新辟、调整的线路",
    "新线路大多连接居民区与地铁",
    "站、长途车站和主要商业区。",
    "据了解，今年北京市还将",
    "更新和增加公共汽车、电车八",
    "百多辆，并在部分主要道路试",
    "行公交专用线，力争使市区公",
    "共交通的运送速度有所提高。",
    "市公交总公司有关负责人",
    "表示，新线路开通后，将根据",
    "客流变化及时调整发车间隔。",
)
FULL_PUNCTUATION_BLOCKS = [
    (D, "首都新开通十八条公交线路"),
    (P, "近年来，北京近郊新建了一批大型居民区，不少居民反映上下班乘车不便。市公交总公司经过两个多月的调查研究在"
        "广泛听取居民意见的基础上确定了这次新辟、调整的线路新线路大多连接居民区与地铁站、长途车站和主要商业区。"),
    (P, "据了解，今年北京市还将更新和增加公共汽车、电车八百多辆，并在部分主要道路试行公交专用线，力争使市区公"
        "共交通的运送速度有所提高。"),
    (P, "市公交总公司有关负责人表示，新线路开通后，将根据客流变化及时调整发车间隔。"),
]

PAGES = [
    pytest.param(NARROW_PAGE, NARROW_BLOCKS, id="narrow-14"),
    pytest.param(WIDE_PAGE, WIDE_BLOCKS, id="wide-22-double-spaced"),
    pytest.param(UNWRAPPED_PAGE, UNWRAPPED_BLOCKS, id="one-paragraph-per-line"),
    pytest.param(INDENTED_PAGE, TRAM_BLOCKS, id="printed-indents"),
    pytest.param(UNINDENTED_PAGE, TRAM_BLOCKS, id="dropped-indents"),
    pytest.param(DOUBLE_SPACED_PAGE, DOUBLE_SPACED_BLOCKS, id="double-spaced-with-heads"),
    pytest.param(FULL_PUNCTUATION_PAGE, FULL_PUNCTUATION_BLOCKS, id="uncompressed-punctuation"),
]


@pytest.mark.parametrize("text, expected", PAGES)
def test_pages(text, expected):
    assert blocks(text) == expected


# ------------------------------------------------------------ doubled glyphs

def test_doubled_line_is_display_with_the_head_above_it():
    doubled = "““一区一带一区一带NN个小生态个小生态””空间格局空间格局"
    text = page("西部（重庆）科学城将建环大学城创新生态圈", doubled, "", "本报讯 日前，记者从市金融监管局获悉。")
    assert blocks(text) == [(D, f"西部（重庆）科学城将建环大学城创新生态圈\n{doubled}"),
                            (P, "本报讯 日前，记者从市金融监管局获悉。")]


def test_doubled_head_over_text():
    """A doubled line at the top of running text is a head, even with no
    blank line or indent to set it off; a line as long that is not doubled
    runs on into the text."""
    rows = ("年来出台了一系列助企纾困政策措施，", "其中包括促进科技创新类7条，用政策", "“组合拳”把企业“扶上马送一程”。")
    doubled = "创新驱动高质量创新驱动高质量"
    assert blocks(page(doubled, *rows)) == [
        (D, doubled), (P, "年来出台了一系列助企纾困政策措施，其中包括促进科技创新类7条，用政策“组合拳”把企业“扶上马送一程”。")]
    assert len(blocks(page("创新驱动高质量发展迈上新台阶", *rows))) == 1


@pytest.mark.parametrize("text, em", [
    (WIDE_PAGE, 0.5),                 # lines of one width when punctuation takes half an em
    (FULL_PUNCTUATION_PAGE, 1.0),     # ... and when it takes a whole one
    (UNWRAPPED_PAGE, 0.5),            # nothing to tell: compressed
])
def test_punctuation_em(text, em):
    assert lines.run(page_of(text)).settings["lines"]["punctuation_em"] == str(em)


# ------------------------------------------------------------ parts

@pytest.mark.parametrize("raw, text, marker, hard_break", [
    ("## 核心提示", "核心提示", True, False),
    ("  ### 标题", "标题", True, False),
    ("科技政策扎实落地  ", "科技政策扎实落地  ", False, True),
    ("## 标题  ", "标题  ", True, True),
    # must not change
    ("#标签", "#标签", False, False),
    ("第1#车间", "第1#车间", False, False),
    ("江潮奔涌，风帆高悬。 ", "江潮奔涌，风帆高悬。 ", False, False),
    ("  ", "  ", False, False),
])
def test_strip_markup(raw, text, marker, hard_break):
    line = Line(1, 0, len(raw), Text([raw]))
    lines.strip_markup(line)
    assert (line.text.plain, line.heading_marker, line.hard_break) == (text, marker, hard_break)


@pytest.mark.parametrize("rows, sep, joined", [
    (["日前，江津区", "双福工业园"], "", "日前，江津区双福工业园"),
    (["the Belt and", "Road"], "", "the Belt and Road"),
    (["CAR-T细胞产品pCAR-19B", "细胞"], "", "CAR-T细胞产品pCAR-19B细胞"),
    (["1.6Tb/s芯片，从Gb/s", "级向Tb/s级"], "", "1.6Tb/s芯片，从Gb/s级向Tb/s级"),
    ([" 本报讯 ", "\u3000记者 "], "", "本报讯记者"),
    (["大学城科创", "经济带"], "\n", "大学城科创\n经济带"),
])
def test_join_lines(rows, sep, joined):
    assert lines.join_lines([Line(n, 0, 0, Text([r])) for n, r in enumerate(rows, 1)], sep).plain == joined


def test_join_lines_keeps_corrections():
    from cleanup.model import Choice
    fixed = Text(["空间格局", Choice("空间格局", "", "sic", "doubled")])
    joined = lines.join_lines([Line(1, 0, 0, fixed), Line(2, 0, 0, Text([" 经济带"]))], "\n")
    assert joined.plain == "空间格局\n经济带"
    assert joined.original == "空间格局空间格局\n经济带"


@pytest.mark.parametrize("text, width", [
    ("大学城创新生态圈", 8),
    ("2022年4月19日", 6.5),        # ASCII digits take half an em
    ("２０２２年", 5),              # full-width digits a whole one
    ("“一区”即大学城，", 8.5),      # quotes full, the comma compressed
    ("CAR-T产品。", 5.8),           # capitals a little wider
    ("突 破 万 亿 元", 7),          # letter spacing takes room
])
def test_display_widths(text, width):
    assert lines.display_widths([text])[0] == [width]


@pytest.mark.parametrize("text, marks", [
    ("“一区”即大学城，", 1),                 # quotes are not compressed
    ("、。《》（），：；？！", 11),
    ("〈〉「」『』【】〔〕〖〗〘〙〚〛・", 17),
    ("CAR-T产品", 0),
    ("突 破 万 亿 元", 0),
])
def test_display_widths_count_cjk_punctuation(text, marks):
    assert lines.display_widths([text])[1] == [marks]


@pytest.mark.parametrize("texts", [
    ["大学城创新生态圈", "", "CAR-T产品。", "“一区”即大学城，", "突 破 万 亿 元"],
    ["（记者 张三）", "ABC", "", "", "、。《》（），：；？！"],
])
def test_display_widths_of_a_page_are_those_of_its_lines(texts):
    alone = [lines.display_widths([t]) for t in texts]
    assert lines.display_widths(texts) == ([w for (w,), _ in alone], [m for _, (m,) in alone])


@pytest.mark.parametrize("text, stops", [
    ("力的科技创新中心提供强有力支撑。", True),
    ("奋楫扬帆、乘风破浪！", True),
    ("具体怎么做？", True),
    ("吃上了“生态旅游饭”。", True),
    ("还帮助我们逐步完善了知识产权布局。”", True),
    ("丰富航线体系……", True),
    ("（记者 张凌漪）", True),
    ("he said so.", True),
    ("校区考点巡查2022年中考工作。（记者 张凌漪）", True),
    ("（新华社武汉6月12日电）", True),
    ("创造历史最高纪录!", True),
    # must not match
    ("工作总基调，主动作为、奋发有为”", False),
    ("其中包括促进科技创新类7条，用政策", False),
    ("代表团审议时对湖北提出殷切期待，", False),
    ("植恩生物：", False),
    ("增长1.5", False),
    ("网址：www.cqkjcx.com", False),
    ("高校形成的若干（N个）", False),
    ("（以下简称“超群工业”）", True),
    ("阳逻港作业效率已从2013年每小时22", False),
])
def test_ends_sentence(text, stops):
    assert lines.ends_sentence(text) is stops


# ------------------------------------------------------------ invariants

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_every_line_in_exactly_one_block(path):
    """Nothing lost, nothing twice: each non-blank line in one block, in page order."""
    page = lines.run(decode.run(Page(raw=path.read_bytes())))
    used = [ln.number for b in page.blocks for ln in b.lines]
    assert used == [ln.number for ln in page.lines if not ln.blank]
    for b in page.blocks:
        sep = "\n" if b.kind == DISPLAY else ""
        assert b.text.plain == lines.join_lines(b.lines, sep).plain


@pytest.mark.parametrize("text", [p.values[0] for p in PAGES + CASES])
def test_constructed_pages_keep_every_line(text):
    page = lines.run(page_of(text))
    assert [ln.number for b in page.blocks for ln in b.lines] == [ln.number for ln in page.lines if not ln.blank]


def test_one_million_character_line():
    """(Speed and linearity are measured in bench/linear.py, not here.)"""
    page = lines.run(page_of("测试文字，" * 200_000 + "\n" + "江潮奔涌，风帆高悬。\n" * 2_000))
    assert sum(len(b.lines) for b in page.blocks) == 2_001


# ------------------------------------------------------------ clean text

I2 = "\u3000\u3000"


@pytest.mark.parametrize("text, expected", [
    case("heads marked, units indented", page("## 引题", "", "## 主题", "## 第二行", "", I2 + "第一段，没有句号", "",
                                                I2 + "短", "", I2 + "图表", I2 + "100%"),
         [(D, "引题"), (D, "主题\n第二行"), (P, "第一段，没有句号"), (P, "短"), (P, "图表\n100%")]),
])
def test_clean_text_units_stand_as_written(text, expected):
    result = lines.run(decode.run(Page(text=text)))
    assert result.form == "clean"
    assert [(b.kind, b.text.plain) for b in result.blocks] == expected


@pytest.mark.parametrize("text", [
    page(I2 + "第一段写到一半", "接着写完。"),                   # a wrapped paragraph: not one unit per line
    page(I2 + "第一段。", "", "没有缩进的一行"),                  # a line neither marked nor indented
    page("## 标题", I2 + "正文。"),                                # a head and a paragraph in one unit
    page(I2 + "\u3000三个空格的缩进"),                              # not the format's indent
    page("", "  "),                                               # nothing at all
])
def test_extracted_pages_are_not_clean_text(text):
    assert lines.run(decode.run(Page(text=text))).form == "extracted"
