"""Publication facts read from masthead lines: only what is printed."""
import pytest

from cleanup import publication

FIELDS = ("title", "date", "issue", "page", "pages", "idno", "publisher")

# (masthead lines, expected facts; fields not named must be None)
CASES = [
    # the seed's masthead, with the page count split off 今日 版 by the extraction
    (["重庆市科学技术协会主管主办 重庆市科学技术局指导 重庆日报协办 重庆科技报社出版",
      "国内统一连续出版物号：CN 50-0033 代号：77-9 网址：www.cqkjcx.com",
      "今日 版", "2022年4月19日 星期二", "总第513期16", "农历壬寅年三月十九",
      "社址：重庆市渝中区双钢路3号科协大厦 广告经营许可证号011583 编辑部 63659839 定价2.00元 主编：张珂"],
     dict(title="重庆科技报", date="2022-04-19", issue="513", pages=16, idno="CN 50-0033", publisher="重庆科技报社")),
    # one line holding everything
    (["人民日报 2023年3月5日 星期日 第26500期 今日24版"],
     dict(title="人民日报", date="2023-03-05", issue="26500", pages=24)),
    # an evening paper's page header with its page number
    (["北京晚报 2023年3月5日 星期日 第A03版"], dict(title="北京晚报", date="2023-03-05", page="A03")),
    (["第03版 要闻"], dict(page="03")),
    (["A3 要闻"], dict(page="A3")),
    # full-width digits
    (["２０２３年３月５日 星期日 总第５１３期 今日１６版"], dict(date="2023-03-05", issue="513", pages=16)),
    # Chinese numerals
    (["二〇二二年四月十九日 星期二"], dict(date="2022-04-19")),
    (["出版：北京科技报社", "CN11-0001/N"], dict(title="北京科技报", publisher="北京科技报社", idno="CN 11-0001/N")),
    # traditional characters: read as simplified, kept as printed
    (["聯合報 2022年4月19日 星期二 總第513期", "重慶科技報社出版"],
     dict(title="聯合報", date="2022-04-19", issue="513", publisher="重慶科技報社")),
    # a Republic-era (ROC) year, a page number in Chinese numerals, traditional script
    (["中華民國六十八年十月三日　星期三　　大華晚報　　第十一版"],
     dict(title="大華晚報", date="1979-10-03", page="11")),
    (["民国80年1月5日 星期六"], dict(date="1991-01-05")),
    # a bare section-page number on a line of its own in the running head
    (["2011年9月2日 星期五 东江日报", "B7", "编辑：王一"], dict(title="东江日报", date="2011-09-02", page="B7")),
    (["岚州日报社出版　第5123号　今日四版"], dict(title="岚州日报", issue="5123", pages=4, publisher="岚州日报社")),
    (["今日八版　总第1642期"], dict(issue="1642", pages=8)),
    # the page number alone on the running head's first or last line
    (["07", "2023年11月16日 星期四", "澜州日报"], dict(title="澜州日报", date="2023-11-16", page="07")),
    (["2011年9月2日 星期五 东江日报", "8"], dict(title="东江日报", date="2011-09-02", page="08")),
    # must not: a number inside the running head, or the count split off 今日 版
    (["2011年9月2日 星期五", "8", "东江日报"], dict(title="东江日报", date="2011-09-02")),
    (["今日 版", "2022年4月19日 星期二", "16"], dict(date="2022-04-19", pages=16)),
    # the paper's name broken over lines, one word a line; but not a page name over a whole name
    (["荆江\n科教", "周报", "1997年3月20日 星期四"], dict(title="荆江科教周报", date="1997-03-20")),
    (["要闻", "人民日报", "2023年3月5日 星期日"], dict(title="人民日报", date="2023-03-05")),
    # the page count broken over two lines: a count, not the page's number
    (["第24517期 今日", "12版"], dict(issue="24517", pages=12)),
    # not printed, or not a paper's name
    (["民国时期的老报纸 第三版"], dict(page="03")),
    (["这是他说的第二版方案"], {}),
    (["民国七十四年"], {}),
    (["重庆日报协办"], {}),
    (["政务简报"], {}),
    (["今日 版"], {}),
    (["2023年2月30日 星期四"], {}),
    (["微信公众号 微信公众号"], {}),
    (["第二号平炉提前六天完成大修"], {}),       # 号 inside a sentence is no issue number
]


@pytest.mark.parametrize("lines, expected", CASES)
def test_read(lines, expected):
    pub = publication.read(lines)
    assert {f: getattr(pub, f) for f in FIELDS} == {f: expected.get(f) for f in FIELDS}


def test_printed_forms_are_kept():
    pub = publication.read(["今日 版", "2022年4月19日 星期二", "总第513期16"])
    assert (pub.date_text, pub.issue_text, pub.pages_text) == ("2022年4月19日 星期二", "总第513期", "今日16版")


@pytest.mark.parametrize("printed, n", [("4", "04"), ("04", "04"), ("０２", "02"), ("二", "02"), ("十二", "12"),
                                        ("二十", "20"), ("A3", "A3"), ("Ａ３", "A3"), ("A03", "A03"), ("x", None)])
def test_page_number(printed, n):
    assert publication.page_number(printed) == n


def test_stray_page_count_location():
    lines = ["今日 版", "2022年4月19日 星期二", "总第513期16"]
    assert publication.stray_page_count(lines) == (0, 3, 2, 6, 8)
    assert publication.stray_page_count(["今日16版", "总第513期"]) is None
