"""Report language beyond the reports the rules grew on: real phrases of the large corpus,
each read end to end (the plan sentence → its targets, the review sentence → the verdict).

Each row names the report it comes from (../shared/corpus/reports/); the phrases are
copied from them, so the table reads as the language the tool must handle.
"""

from __future__ import annotations

import dataclasses

import pytest

from tracker.extract import targets_from_text
from tracker.judge import judge
from tracker.model import Paragraph, Part, Report
from tracker.outcomes import extract_outcomes


def review(text: str, year: int) -> Report:
    paras = [Paragraph(text, ((0, 10),))]
    part = Part("review", f"一、{year}年工作回顾", year, paras)
    return Report("next.txt", "", "某市", "work_report", None, year, year + 1, None, paras, [part])


def outcomes_of(text: str, year: int = 2009):
    return extract_outcomes(review(text, year))


# ------------------------------------------------------------- outcomes of a sentence

def test_growth_after_its_level_and_a_comparison_base() -> None:
    # jilin-2010: the growth belongs to the indicator of the level before it, not to 比上年
    found = [o for o in outcomes_of("全省地区生产总值完成7203亿元，比上年增长13.3%。") if o.value == 13.3]
    assert [(o.indicator_key, o.measure) for o in found] == [("gdp", "growth")]


def test_respectively_after_two_named_levels() -> None:
    # jilin-2010: 分别 with no names of its own gives each figure to the levels named before
    text = "预计全省城镇居民人均可支配收入14006元，农民人均纯收入5450元，分别增长9.2%和10%。"
    growth = {o.value: o.indicator for o in outcomes_of(text) if o.measure == "growth"}
    assert "城镇" in growth[9.2] and "农民" in growth[10.0]


@pytest.mark.parametrize(("source", "text", "expected"), [
    # figures joined by 、 after a name standing for as many, and no 分别: in order
    ("naqushi-2023", "城乡居民人均可支配收入达49208元、16984元，同比增长4.7%、7.5%，分别位列全区第四、第三。",
     {("城镇", 49208.0, "level"), ("农村", 16984.0, "level"), ("城镇", 4.7, "growth"), ("农村", 7.5, "growth")}),
    ("tai1zhou1shi4-2015", "城镇、农村常住居民人均可支配收入分别为39763元、19362元，增长9%、10.5%。",
     {("城镇", 39763.0, "level"), ("农村", 19362.0, "level"), ("城镇", 9.0, "growth"), ("农村", 10.5, "growth")}),
])
def test_figures_joined_after_names_of_as_many(source: str, text: str, expected) -> None:
    got = {(o.indicator[:2], o.value, o.measure) for o in outcomes_of(text) if o.value is not None}
    assert got == expected, source


# ------------------------------------------------------------- targets of a sentence

@pytest.mark.parametrize(("source", "text", "expected"), [
    # names listed before as many numbers, without 分别, are paired in order
    ("wuzhongshi-2020", "酿酒葡萄、黄花菜、瓜菜种植面积稳定在23万亩、16万亩、36万亩。",
     [("酿酒葡萄", 23.0), ("黄花菜", 16.0), ("瓜菜种植面积", 36.0)]),
    # a short head shares the head of the next full name, not of the last
    ("shuangyashanshi-2023", "生猪、肉牛出栏量、大鹅饲养量分别增长15%、20%和40%。",
     [("生猪出栏量", 15.0), ("肉牛出栏量", 20.0), ("大鹅饲养量", 40.0)]),
    # a list of 城乡 figures: one target each, each keeping whose it is
    ("shaanxi-2019", "城乡居民收入分别增长8%和9%。", [("城镇居民收入", 8.0), ("农村居民收入", 9.0)]),
    # counts after a verb of building, also when supported (扶持) and listed
    ("jilin-2009", "扶持建设75个乡镇文化站、1000个农村文化大院、2000个农家书屋。",
     [(None, 75.0), (None, 1000.0), (None, 2000.0)]),
    # a bare 万 before a noun of people counts people
    ("jilin-2009", "再实现8万农村贫困人口脱贫。", [(None, 8.0)]),
    ("jilin-2009", "解决97万农村居民饮水安全问题。", [(None, 97.0)]),
    # a count named before its number by its level only takes the head of the item before
    ("yi2chun1shi4-2022", "力争创建省级现代农业产业园1~2个，省级以上龙头企业达120家、国家级8家。",
     [(None, 1.0), (None, 120.0), ("国家级龙头企业", 8.0)]),
])
def test_counted_targets(source: str, text: str, expected) -> None:
    got = [(t.indicator if want_name else None, t.value)
           for t, (want_name, _) in zip(targets_from_text(text, year=2009), expected)]
    assert got == expected, source
    assert len(targets_from_text(text, year=2009)) == len(expected)


@pytest.mark.parametrize(("source", "text", "things"), [
    # a road or bridge with a name of its own needs no listed head
    ("huludaoshi-2020", "开工建设文兴北路，拓宽改造茨齐路。", ["文兴北路", "茨齐路"]),
    ("huludaoshi-2020", "维修改造化机桥、海滨路立交桥。", ["化机桥", "海滨路立交桥"]),
    ("huludaoshi-2020", "启动绥中疏港公路、建昌至凌源高速公路工程，建设东戴河客运总站。", ["东戴河客运总站"]),
    # a reform or a system named by its own words, carried out
    ("jilin-2009", "全面推开集体林权制度改革。", ["集体林权制度改革"]),
    ("jilin-2009", "认真组织实施省政府机构改革。", ["省政府机构改革"]),
    ("taiyuanshi-2014", "建立权力清单制度。", ["权力清单制度"]),
    # a list of things most of which have names of their own
    ("taiyuanshi-2014", "新建滨河东路南延、阳兴大道、迎宾桥。", ["滨河东路南延", "阳兴大道", "迎宾桥"]),
    # a numbered event is held or not, whatever verb leads it
    ("taiyuanshi-2014", "认真组织第十届村民委员会换届工作。", ["第十届村民委员会换届"]),
    ("taiyuanshi-2014", "精心组织好第十二届全国美术作品雕塑展，提升和扩大太原文化的影响力。",
     ["第十二届全国美术作品雕塑展"]),
])
def test_named_things_are_deliverables(source: str, text: str, things: list[str]) -> None:
    names = [t.indicator for t in targets_from_text(text, year=2020) if t.kind == "deliverable"]
    for thing in things:
        assert any(thing in n for n in names), (source, thing, names)


def test_numbers_listed_before_the_unit_share_it() -> None:
    # wuhanshi-2009: each insurance its own figure, 6万 … 5万人, each named with 保险
    text = "基本养老、基本医疗、失业、工伤和生育保险分别净增参保人员6万、8万、6万、10万和5万人。"
    got = [(t.indicator, t.value, t.unit) for t in targets_from_text(text, year=2009)]
    assert got == [("基本养老保险", 6.0, "万人"), ("基本医疗保险", 8.0, "万人"), ("失业保险", 6.0, "万人"),
                   ("工伤保险", 10.0, "万人"), ("生育保险", 5.0, "万人")]


def test_a_clause_telling_the_present_promises_nothing() -> None:
    # sichuan-2014: "目前…只有全国水平的75.4%" is where the province stands, not a target
    text = "目前我省人均地区生产总值、城乡居民人均收入分别只有全国水平的75.4%、84.6%和89%。"
    assert targets_from_text(text, year=2015) == []


def test_a_bar_is_no_target_value() -> None:
    # jiangxi-2007: "超10亿元" says which counties count, it is not a sum to reach
    text = "今年全省所有县（市、区）财政总收入要过亿元，并形成财政总收入超10亿元的经济强县。"
    assert [t.value for t in targets_from_text(text, year=2007)] == []


def test_an_orderly_fall_is_a_decrease() -> None:
    # shaanxi-2019: "有序下降" promises a direction
    got = [(t.kind, t.relation) for t in targets_from_text("确保全省政府隐性债务有序下降。", year=2019)]
    assert got == [("relative", "decrease")]


def test_an_ordinal_is_no_enumerator_before_产业() -> None:
    # yantaishi-2007: "第三产业" keeps its 第三 (it was read as "第三，")
    assert [t.indicator for t in targets_from_text("年内，第三产业增加值完成843亿元。", year=2007)] == ["第三产业增加值"]
    assert [t.indicator for t in targets_from_text("第一，城镇新增就业1万人。", year=2007)] == ["城镇新增就业"]


@pytest.mark.parametrize("text", [
    "建设幸福海拉尔。",  # hailar-2016: a slogan about the place
    "建设执行型政府。",  # seeds 000: a quality to have, two common words meeting
    "实施各项改革。",  # no reform of its own named
    "建立健全现代企业制度。",  # 健全: an open-ended improvement
    "实行最严格的环境保护制度。",  # hailar-2017: a stance, described
    "实施市区道路畅通工程。",  # hailar-2017: 实施 carries out reforms, not works
    "打造茂业大厦、国银大厦等特色承接载体。",  # seeds 004: named places to become an aim
    "建设凤凰山、龙湖古寨、桑浦山、汛洲岛“四大人文景观带”。",  # chaozhoushi-2022: one counted whole
    "打造中医优势专科。",  # seeds 001: an aim verb stays with the listed heads
    "有市委、市政府的坚强领导、高位谋划和全区80余万干部群众团结一心的接续奋斗。",  # seeds 002
    "备战参加第十一届全国运动会。",  # jilin-2009: preparing for an event is not holding it
    "积极申办第十五届全国运动会。",  # a bid, not the event
    "做好今年经济社会发展工作。",  # qinhuangdaoshi-2022: 发展 ends like 展 and is no event
])
def test_not_targets(text: str) -> None:
    assert targets_from_text(text, year=2020) == []


# ------------------------------------------------------------- verdicts, end to end

def verdict(plan: str, review_text: str, year: int = 2014, pick: str = "", indicator: str = ""):
    """The first target whose span holds `pick` (and named `indicator`, if given), judged."""
    targets = [t for t in targets_from_text(plan, year=year)
               if pick in t.span and indicator in ("", t.indicator)]
    assert targets, plan
    r = review(review_text, year)
    return judge(targets[0], r, extract_outcomes(r))


@pytest.mark.parametrize(("source", "plan", "review_text", "expected"), [
    # the same thing under another count verb, and a comparator after the unit
    ("taiyuanshi-2014→2015", "淘汰分散燃煤锅炉600台左右。", "拆除燃煤锅炉465台。", "missed"),
    # another place's figure: 城市 is not 农村
    ("yunfushi-2014→2015", "城市生活垃圾无害化处理率达到100%。", "农村生活垃圾无害化处理率70.93%。", "unclear"),
    # another level's count: 县级以上 does not show 市级 ones
    ("yunfushi-2014→2015", "培育市级重点农业龙头企业8家以上。", "其中县级以上农业龙头企业新增21家。", "unclear"),
    # an intensity is not the growth of the economy its name holds
    ("taiyuanshi-2014→2015", "万元地区生产总值综合能耗下降3.5%。",
     "实现地区生产总值2531.09亿元，增长3.3%。", "unclear"),
    # two names of one kind of housing: alike enough to find, too loose to call a miss
    ("taiyuanshi-2014→2015", "今年再开工建设5万套安置保障住房。", "新建开工保障性住房48270套。", "unclear"),
    # an indicator name that opens on a leader word keeps it: 利用外资 is FDI
    ("jilin-2009→2010", "利用外资增长15%以上。", "全省实际利用外资和引进外省资金分别增长16%和35.5%。", "met"),
    # closing a plant is an act, and 关停 reports it done
    ("taiyuanshi-2014→2015", "关闭东山电厂、美锦矸石电厂等污染企业。", "关停东山电厂等污染企业30个。", "met"),
    # a figure of all sources (各类) is not the budget's own share (市本级)
    ("huludaoshi-2020→2021", "安排市本级专项扶贫资金7775万元。", "投入各类专项扶贫资金6亿元。", "unclear"),
    # another founding in the same field: 民营企业 alone does not name the centre promised
    ("shaanxi-2019→2020", "成立民营企业维权投诉中心。", "设立中小企业技术改造专项奖励资金、民营企业纾困基金。", "unclear"),
    # a bad thing kept at zero: 杜绝 … 发生 is met by 未发生, not by a count of other accidents
    ("taiyuanshi-2014→2015", "开展专项治理行动，杜绝重特大安全事故发生。", "全市未发生重特大安全生产事故。", "met"),
    ("taiyuanshi-2014→2015", "开展专项治理行动，杜绝重特大安全事故发生。", "全市发生较大安全生产事故3起。", "unclear"),
    ("huludaoshi-2020→2021", "确保零就业家庭动态清零。", "零就业家庭始终保持动态清零。", "met"),
    ("jilin-2009→2010", "保持城镇零就业家庭动态为零。", "“零就业”家庭保持动态为零。", "met"),
    # a payment kept up is a state held
    ("huludaoshi-2020→2021", "确保养老金按时足额发放。", "养老金按时足额发放。", "met"),
    # firms are counted by 家 or 户 alike
    ("huludaoshi-2020→2021", "新增限上企业30家。", "新增限上企业80户。", "met"),
    ("huludaoshi-2020→2021", "新增限上企业30家。", "新增限上企业20户。", "missed"),
    # 顺利完成 is a completion, not only an event held
    ("huludaoshi-2020→2021", "完成66户驻葫央企厂办大集体改革。", "顺利完成驻葫央企厂办集体企业改革。", "met"),
    # numbered events listed under 办好 are held one by one
    ("jilin-2009→2010", "办好第五届东北亚博览会、第六届汽车博览会等展会。", "成功举办第五届东北亚博览会。", "met"),
    # a title granted under another word
    ("shaanxi-2019→2020", "积极创建延安革命纪念地等5A级景区。", "延安革命纪念地景区获评国家5A级。", "met"),
    # a reform reported complete was started; levels of one reform are one thing
    ("jilin-2009→2010", "启动市（州）、县（市、区）政府机构改革。", "全面完成省市县三级政府机构改革。", "met"),
    # a package of works named by its count
    ("jilin-2009→2010", "今年继续办好八件民生实事。", "八件民生实事全面完成。", "met"),
    ("yunfushi-2014→2015", "今年继续重点办好“十件民生实事”。", "市政府承诺办好的“十件民生实事”全面完成。", "met"),
    # named projects "等一批项目" are promised by name
    ("yunfushi-2014→2015", "确保南广铁路、高村立交等一批项目年内建成通车。", "南广铁路正式开通运行。", "met"),
    # a count of towns inspected is not a count of towns designated: the verb 创建 names nothing
    ("yunfushi-2014→2015", "年内创建15个省教育强镇。", "规划创建的16个镇（街）通过省督前检查。", "unclear"),
    # a part short of a joined whole says nothing of the whole
    ("hubei-2016→2017", "开工建设、货币化安置公租房和棚户区改造住房41万套（户）。", "实施棚户区改造39.6万套。",
     "unclear"),
    # another campaign, another reform, another fund or programme of the same kind
    ("ganzhoushi-2022→2023", "推进生态环保基础设施建设三年行动。", "国资国企改革创新三年行动任务圆满完成。", "unclear"),
    ("ganzhoushi-2022→2023", "实行“政区合一”管理体制改革试点。", "赣州职院“三校”管理体制改革顺利完成。", "unclear"),
    ("ganzhoushi-2022→2023", "实际利用省外2000万元以上项目资金增长8.5%左右。", "实际利用外资增长8.5%左右。", "unclear"),
    ("ganzhoushi-2022→2023", "新增露地蔬菜基地2万亩。", "新建设施蔬菜基地5.06万亩。", "unclear"),
    ("ganzhoushi-2022→2023", "新筹集公共租赁住房1222套。", "建设保障性租赁住房1.67万套。", "unclear"),
    # projects applied for are not projects brought in
    ("ganzhoushi-2022→2023", "引进“5020”项目30个。", "申报“5020”项目51个。", "unclear"),
    # a threshold inside the name: firms above 百亿 are not firms above 20亿
    ("yantaishi-2007→2008", "力争销售收入过20亿元的企业达到35户。", "主营业务收入过百亿元的企业达到5家。", "unclear"),
    # a figure of a part is not the whole: processing trade, rural income
    ("guangxi-2018→2019", "进出口总额增长12%。", "实施外贸稳增长12条措施，加工贸易进出口增长13.8%。", "unclear"),
    ("guangxi-2018→2019", "居民人均可支配收入实际增长7.5%。", "其中农村居民收入增长9.8%。", "unclear"),
    # a real growth is not shown by a nominal one
    ("guangxi-2018→2019", "居民人均可支配收入实际增长7.5%。", "居民人均可支配收入名义增长7.9%。", "unclear"),
    # one figure for schools and kindergartens together shows nothing of the kindergartens
    ("guangxi-2018→2019", "新建、改扩建幼儿园150所。", "新建中小学校（幼儿园）263所。", "unclear"),
    # another bridge over the same river; the same bridge still meets
    ("wuhanshi-2009→2010", "建设二七长江大桥。", "天兴洲公铁两用长江大桥建成通车。", "unclear"),
    ("wuhanshi-2009→2010", "开工建设沙湖大桥。", "武汉大道、白沙洲大道、沙湖大桥开工建设。", "met"),
    # workers trained are not workers moved into jobs
    ("wuhanshi-2009→2010", "培训农村劳动力2.5万人。", "转移农村劳动力6.52万人。", "unclear"),
    # a plant named by its capacity: the capacity again is no stage
    ("wuhanshi-2009→2010", "加快80万吨乙烯及其配套工程建设。", "80万吨乙烯及其配套项目加快建设。", "unclear"),
    # progress on preparations is not preparations completed
    ("wuhanshi-2009→2010", "完成鹦鹉洲长江大桥前期工作。", "鹦鹉洲长江大桥前期工作取得重要进展。", "unclear"),
    # another dam of the same kind; an energy intensity named after the economy
    ("jiangxi-2007→2008", "建成廖坊水利枢纽。", "居龙滩水利枢纽工程等重大项目建成投产。", "unclear"),
    ("jiangxi-2007→2008", "全省生产总值综合能耗下降4%。", "全省生产总值比上年增长13%。", "unclear"),
    ("jiangxi-2007→2008", "全省生产总值综合能耗下降4%。", "预计全省单位生产总值能耗下降4%。", "met"),
    # parks over another bar
    ("jiangxi-2007→2008", "上缴税金超亿元的园区41个。", "主营业务收入超50亿元的园区达到18个。", "unclear"),
    # an increase promised is not shown by a stock reported
    ("jiangxi-2005→2006", "新增高速公路通车里程135公里。", "全省高速公路通车总里程达到1580公里。", "unclear"),
    ("chuzhoushi-2021→2022", "新增“三品一标”农产品100个以上。", "“三品一标”农产品总数1046个。", "unclear"),
    # trade with some countries is part of all trade
    ("hengyangshi-2020→2021", "进出口总额增长30%左右。", "与“一带一路”沿线60个国家和地区实现进出口额51.7亿元，增长35.2%。",
     "unclear"),
    # 4A scenic spots are some of the A-level ones
    ("hengyangshi-2020→2021", "争创国家A级景区（点）3家。", "新增国家4A级景区2家。", "unclear"),
    ("hengyangshi-2020→2021", "新增国家4A级景区3家。", "新增国家4A级景区2家。", "missed"),
    # cooperatives awarded are not cooperatives added
    ("chuzhoushi-2021→2022", "新增农民专业合作社200家以上。", "10家农民专业合作社获评全国示范社。", "unclear"),
    # starts promised are not shown short by works finished
    ("abazangzuqiangzuzizhizhou-2021→2022", "启动51个老旧小区改造。", "改造老旧小区13个。", "unclear"),
    # a state listed after another state: its own subject, met by the same state
    ("huludaoshi-2020→2021", "确保政府债务减量、养老金按时足额发放、金融秩序稳定。", "养老金按时足额发放。", "met"),
    # another thing counted under the same verb
    ("sipingshi-2022→2023", "打造3个电商平台。", "因地制宜打造“向野而生”森林营地、双辽百禄乐活小镇等8个网红打卡地。",
     "unclear"),
    # another programme's titles: “十百千” is not “百千万”, also for the list the quote opens
    ("chuxiongyizuzizhizhou-2022→2023", "实施乡村振兴“十百千”示范工程，建设乡村振兴示范园2个、示范乡镇10个、精品示范村60个。",
     "创建省级美丽县城2个、乡村振兴“百千万”工程示范乡镇1个、精品村15个。", "unclear"),
    # funds from outside the province are part of those from outside the prefecture
    ("chuxiongyizuzizhizhou-2022→2023", "州外到位资金增长15%以上。", "省外到位资金增长31.4%。", "unclear"),
    # a share of one part is not a share of another, nor of another whole; a share's part may
    # be the subject of the clause before it
    ("chuxiongyizuzizhizhou-2022→2023", "力争数字经济核心产业增加值占GDP比重达5%。",
     "重点产业增加值占GDP比重72.6%，高原特色现代农业和绿色食品制造业增加值355.2亿元，占GDP比重20.1%。",
     "unclear"),
    ("chuxiongyizuzizhizhou-2022→2023", "力争数字经济核心产业增加值占GDP比重达5%。",
     "数字经济核心产业增加值占GDP比重达5.2%。", "met"),
    ("liuzhoushi-2015→2016", "战略性新兴产业产值占全市比重达到10%以上。", "城市汽车产量占全国比重达9.7%。", "unclear"),
    # preparations pressed on are no start
    ("chuxiongyizuzizhizhou-2022→2023", "力争小石门水库开工建设。", "滇中引水二期建设、小石门水库前期加快推进。",
     "unclear"),
    # one count of two things shows nothing of one of them
    ("anhui-2019→2020", "培育智能工厂20个。", "新增智能工厂和数字化车间120个。", "unclear"),
    # a pilot, a plan, a store of projects promised: the report must name one again
    ("dingxishi-2020→2021", "开展社会化管理城市试点。", "国有企业退休人员全部实行社会化管理。", "unclear"),
    ("guangxi-2017→2018", "建立生态经济重大项目库。", "实施生态经济十大工程。", "unclear"),
    ("chuxiongyizuzizhizhou-2022→2023", "启动“兴水润楚”三年行动计划。", "启动“兴水润楚”三年行动。", "met"),
    # an increase promised, a figure with no word of making: how much there is, not how much was added
    ("anhui-2019→2020", "新增稻渔综合种养面积100万亩。", "增加优质绿色农产品供给，稻渔综合种养157万亩。", "unclear"),
    ("chuxiongyizuzizhizhou-2022→2023", "新建改造污水管网35公里。", "新改建污水管网135公里。", "met"),
    # a line named by its ends: another line from the same city is another line
    ("guangxi-2017→2018", "加快南宁至崇左城际铁路前期工作并力争开工建设。", "建成运营南宁至广州等7条高速铁路。", "unclear"),
    # another bridge of the same kind in a list of two
    ("sipingshi-2022→2023", "康平路公铁立交桥早日建成通车。", "虹桥街跨河桥、西湖街公铁立交桥建成通车。", "unclear"),
    # the year's key projects on both sides: the planned investment against the completed
    ("yunfushi-2014→2015", "今年继续安排108项重点工程（项目），计划总投资1930.84亿元，年度计划投资350.05亿元。",
     "全年重点项目完成投资337.13亿元，完成年度投资计划89.55%。", "missed"),
    # lines named by their ends, in any order
    ("ziboshi-2022→2023", "建成沾化至临淄、济南至高青高速。", "济南至高青、沾化至临淄高速竣工通车。", "met"),
    # the insurance of workers is not the residents'
    ("xinjiang-2016→2017", "实施城乡居民大病保险制度。", "建立城镇职工大病保险和人身意外伤害保险。", "unclear"),
    # a campaign's plan by its other name
    ("shanghai-2014→2015", "制定实施新一轮智慧城市建设三年行动方案。", "实施新一轮智慧城市建设三年行动计划。", "met"),
    # a list opened by its verb: every item was made
    ("hangzhoushi-2023→2024", "新建改建城市公园60个。", "新（改）建城市公园65个。", "met"),
    # a count of things is not shown by a stage reported with a running total
    ("hunan-2020→2021", "建成芙蓉学校37所。", "累计建成芙蓉学校70所。", "unclear"),
    # a share named by its words in full or short
    ("su1zhou1shi4-2023→2024", "全社会研究与试验发展经费支出占地区生产总值比重4%以上。",
     "全社会研发投入达到1055亿元，占地区生产总值比重达到4.1%左右。", "met"),
    # founding is a word of making; a part (其中) shares its clause's act
    ("dalianshi-2024→2025", "新增金融机构及地方金融企业10家。", "新设金融机构及地方金融企业11家。", "met"),
    ("huaianshi-2022→2023", "新开工亿元以上工业项目不低于300个。", "新开工项目1200个，其中亿元以上工业项目533个。", "met"),
    # another system of the same kind; a reform rolled out
    ("shanghai-2015→2016", "建立政府目标管理制度。", "建立食品安全信息追溯管理制度。", "unclear"),
    ("jilin-2009→2010", "全面推开集体林权制度改革。", "集体林权制度主体改革面上铺开。", "met"),
    ("jilin-2009→2010", "全面推开集体林权制度改革。", "国有地方粮食流通企业产权制度改革全面完成。", "unclear"),
    # 信贷 and 贷款 are one word; 组建 and 成立 one act
    ("jilin-2009→2010", "组建省畜牧业信贷中心。", "成立全国首家畜牧业贷款中心。", "met"),
    # a task pressed on (推进) did not stop short
    ("hainan-2013→2014", "完成农产品现代流通综合试点。", "推进农产品现代流通综合试点。", "unclear"),
    # firms above 百亿 are not firms above 亿
    ("hainan-2013→2014", "新增产值百亿元以上工业企业2家。", "新增亿元以上工业企业16家。", "unclear"),
    # a count of projects is no count of firms or parks
    ("quanzhoushi-2018→2019", "培育20家服务型制造示范企业。", "服务型制造示范项目4个。", "unclear"),
    ("quanzhoushi-2018→2019", "创建省级以上现代农业产业园8个。", "实施现代农业建设项目66个。", "unclear"),
    ("huludaoshi-2020→2021", "计划实施投资亿元以上重点项目223个。", "全市亿元以上项目开复工201个，开复工率90.1%。",
     "missed"),
    # what can open soon is not open yet
    ("quanzhoushi-2018→2019", "建成投用公共文化中心。", "泉州火车站综合交通枢纽、市公共文化中心春节前可正式投用。",
     "unclear"),
    # renewed and raised are words of making; so are words after the number
    ("changchunshi-2019→2020", "新增更新公交车辆400台。", "更新公交车辆576台。", "met"),
    ("shandong-2019→2020", "28个新建村台全部完成淤筑。", "黄河滩区27个外迁社区主体全部封顶，28个新建村台完成淤筑。", "met"),
    # the counties' economy is not the whole city's; animals slaughtered are not animals raised
    ("shuangyashanshi-2023→2024", "县域地区生产总值增长6%以上。", "全市地区生产总值增长2.2%。", "unclear"),
    ("shuangyashanshi-2023→2024", "肉牛出栏量增长20%。", "生猪、肉牛、大鹅饲养量分别增长16%、20%和41%。", "unclear"),
    # one share of two things does not check each of them
    ("beijing-2012→2013", "生活垃圾焚烧、生化处理比例分别提高到20%和30%。", "生活垃圾焚烧和生化处理比重由10%提高到50%。",
     "unclear"),
    # a mid-term review is no title granted
    ("benxishi-2022→2023", "成功创建桓仁山参国家现代农业产业园。", "桓仁山参国家现代农业产业园顺利通过中期验收。", "unclear"),
    # a thing promised with no stage: the report must name its kind (a park, not rail lines)
    ("beijing-2012→2013", "加快建设轨道交通产业园。", "建成轨道交通300公里。", "unclear"),
    # the main structure built is not the building built
    ("pingliangshi-2022→2023", "建成市中医医院。", "市中医医院主体建成。", "missed"),
    # services are not industry; market entities are more than firms
    ("shijiazhuangshi-2024→2025", "服务业增加值增长7%。", "规上工业增加值增长9.1%。", "unclear"),
    ("yingkoushi-2022→2023", "新增物流企业500家。", "新增物流市场主体超600户。", "unclear"),
    # "preliminarily finished" is not finished
    ("yingkoushi-2022→2023", "编制完成市国土空间总体规划。", "市国土空间总体规划初步编制完成。", "unclear"),
    # a count is never shown short by a stage word, nor by a stage given with its own count
    ("shijiazhuangshi-2024→2025", "年内完成260家企业数字化改造。", "强力推进中小企业数字化转型试点建设。", "unclear"),
    ("xiangxitujiazumiaozuzizhizhou-2021→2022", "完成12座病险水库除险加固。",
     "67座大中小病险水库（水闸）除险加固等一大批防洪、供水、灌溉、生态工程竣工投用。", "unclear"),
    # one phase done is not the whole done; one phase in use is in use
    ("zaozhuangshi-2020→2021", "完成中材锂膜国家工业强基工程项目建设。", "尚品家居、中材锂膜二期、交大智邦等39个项目建成投产。",
     "unclear"),
    # in step with the region: its growth is not in this report
    ("kelamayishi-2020→2021", "城乡居民人均可支配收入与自治区保持同步增长。", "城镇居民人均可支配收入增长2.9%，地区生产总值增长2.3%。",
     "unclear"),
    # air is not water; construction and information industries are not industry
    ("guangyuanshi-2023→2024", "空气质量优良天数比率达到96%。", "国考断面水质优良率100%。", "unclear"),
    ("kelamayishi-2020→2021", "工业增加值增长6%左右。", "全年信息产业实现增加值6.5亿元，增长7.2%。", "unclear"),
    # a count in a sentence of works under way is not a count of things made
    ("zhuhaishi-2013→2014", "新建10所镇中心幼儿园。", "新建10所镇中心幼儿园全面推进。", "unclear"),
    # a level promised, no level in the figure: no shortfall
    ("guangzhoushi-2017→2018", "创建89条区级美丽乡村。", "推进北部山区30个特色小镇、74条美丽乡村建设。", "unclear"),
    # a phase promised, the whole reported under way: no shortfall of the phase
    ("zhuhaishi-2013→2014", "加快建成十字门中央商务区一期。", "十字门中央商务区建设进展顺利。", "unclear"),
    # one name of a list is judged by its own figure only
    ("wuzhongshi-2020→2021", "酿酒葡萄、黄花菜、瓜菜种植面积稳定在23万亩、16万亩、36万亩。",
     "瓜菜、酿酒葡萄、枸杞、道地中药材面积分别为53.7万亩、24.6万亩、10.8万亩、24万亩。", "met"),
    # a title is named by the words that say which one: 全域旅游 is no 乡村旅游 …
    ("jiuquanshi-2020→2021", "推进莫高镇、航天镇等特色小镇建设，建成乡村旅游示范村20个。",
     "加快文化旅游产业发展，创建成为国家级全域旅游示范区、文物保护利用示范区。", "unclear"),
    # … a scenic area's title, by the area's own name; a national park by its title
    ("naqushi-2022→2023", "完成比如县萨普景区4A级景区申报。", "成功创建比如·唐蕃古道文化旅游4A级景区。", "unclear"),
    ("longnanshi-2022→2023", "成功创建宕昌官鹅沟5A级大景区。", "宕昌官鹅沟成功创建为国家5A级景区。", "met"),
    ("baoshanshi-2021→2022", "加快申报设立高黎贡山国家公园。", "“高黎贡山”茶叶、“稳隆”红茶获评“10大名茶”。", "unclear"),
    # … but 慢性病 is 慢性非传染性疾病 (hailar-2014, the bundled seeds)
    ("hailar-2014→2015", "继续做好国家级“慢性非传染性疾病综合防控示范区”创建工作。",
     "荣获“国家慢性病综合防控示范区”称号。", "met"),
    # a level promised, by how much it rose reported ("提升0.4岁"): no shortfall
    ("liupanshuishi-2022→2023", "人均预期寿命达到75.1岁以上。",
     "劳动年龄人口平均受教育年限提高0.32年，人均预期寿命提升0.4岁左右。", "unclear"),
    # an expressway is not a railway
    ("anshunshi-2021→2022", "争取开工建设沪昆高速扩容工程。", "沪昆高铁、安六城际铁路相继开通运营，安顺全面进入“高铁时代”。",
     "unclear"),
    # an aim still ahead ("胜利在望") is not done
    ("guangxi-2020→2021", "闯出高质量发展新路，全面建成小康社会，创造无愧于人民、经得起历史检验的工作业绩！",
     "全面建成小康社会胜利在望，实现地区生产总值、居民人均可支配收入比2010年翻一番目标。", "unclear"),
    # results of a campaign (成效明显) say nothing of works started
    ("shenyangshi-2012→2013", "全面启动卧龙湖生态区保护与建设。", "卧龙湖等重点区域生态保护治理成效明显。", "unclear"),
    # a stock promised, the year's increase reported: short of it shows no shortfall …
    ("jiangmenshi-2021→2022", "高新技术企业存量达1900家。", "产业创新能力持续提升，新增高新技术企业305家、省级科创平台26家。",
     "unclear"),
    ("fujian-2020→2021", "铁路在建和运营里程突破5000公里。", "新增高速公路里程468公里、铁路运营里程264公里。", "unclear"),
    # … as large as it, it shows the stock is there
    ("liaoning-2009→2010", "经济适用住房保障户数达到6万户。", "全省廉租房保障户数达到20.5万户，新增经济适用房保障户数6.1万户。",
     "met"),
    # the rural figure of a pair joined by 、, not the urban one before it
    ("nanchangshi-2019→2020", "农村居民人均可支配收入增长8.5%左右。",
     "城镇、农村居民人均可支配收入分别为44136元、19498元，增长8.1%、9.1%。", "met"),
    # a figure named after an adverb (首次) is still the figure of its name
    ("ningxia-2011→2012", "人口自然增长率控制在9.4‰以内。", "人口出生率和自然增长率首次控制在14‰和9‰以内。", "met"),
    # an income's growth is nominal unless the report says it is real
    ("zhejiang-2013→2014", "城镇居民人均可支配收入实际增长8%以上。", "全省城镇居民人均可支配收入37851元，增长9.6%。", "unclear"),
    ("zhejiang-2013→2014", "城镇居民人均可支配收入实际增长8%以上。",
     "全省城镇居民人均可支配收入37851元，增长9.6%，扣除价格因素实际增长7.1%。", "missed"),
    # a change counted from an earlier year, or an average over the years, is not the year's
    ("jiangxi-2012→2013", "城镇化率提高1.7个百分点。", "城镇化率年均提高1.54个百分点。", "unclear"),
    # a master plan is not the area plans under it; firms of four kinds are not industrial ones
    ("liangshanyizuzizhizhou-2022→2023", "科学编制安宁河现代农业硅谷分片规划。",
     "中国凉山·安宁河现代农业硅谷总体规划编制完成。", "unclear"),
    ("zhaotongshi-2022→2023", "新增规上企业30户以上。", "新增“四上企业”85户。", "unclear"),
    # development zones are a part: the city's or one zone's figure shows nothing of them all
    ("jianshi-2022→2023", "开发区营业收入达到4400亿元。", "井冈山经开区获评全省数字经济集聚区，实现营业收入1172亿元。",
     "unclear"),
    ("bijieshi-2022→2023", "开发区完成规模工业产值700亿元。", "预计八大产业完成规模工业总产值790亿元。", "unclear"),
    # works continued are not works newly started
    ("baoshanshi-2021→2022", "完成续建198个老旧小区改造任务。", "新实施老旧小区改造51个。", "unclear"),
    ("jiangxi-2009→2010", "续建鹰潭至瑞金、石城至吉安等7条高速公路。", "德兴至南昌、上饶至武夷山等7条高速公路相继开工。",
     "unclear"),
    # the secondary sector is not industry; strategic emerging industries are not services
    ("guiyangshi-2006→2007", "工业增加值增长20%左右。", "第二产业增加值增长16.7%。", "unclear"),
    ("shizuishanshi-2022→2023", "服务业增加值增长7.5%左右。", "高技术制造业增加值同比增长26.4%，战略性新兴产业增加值增长26.8%。",
     "unclear"),
    ("xianshi-2023→2024", "新增规上制造业企业130户以上。", "新增规上工业企业177家。", "unclear"),
    # a numbered event is named by its own words, not by its edition and head only …
    ("zhenjiangshi-2021→2022", "承办第五届国际道教论坛。",
     "成功举办第五届国际低碳（镇江）大会暨碳达峰碳中和2021金山峰会。", "unclear"),
    ("fujian-2020→2021", "办好第三届数字中国建设峰会。", "成功举办第三届中国粮食交易大会。", "unclear"),
    # … each of those joined by 和
    ("jiangxi-2016→2017", "办好纪念汤显祖逝世400周年活动和第六届江西艺术节。", "成功举办纪念汤显祖逝世400周年活动。",
     "unclear"),
    # … and held whatever verb promised it
    ("beijing-2009→2010", "依法组织第七届社区居委会选举工作。", "顺利完成第七届社区居委会换届选举。", "met"),
    # the increase of the item before is not this item's ("、主营业务收入预计达到")
    ("chongqing-2024→2025", "力争主营业务收入超过4000亿元。", "新增软件企业超过6400家、主营业务收入预计达到4200亿元。", "met"),
])
def test_verdicts(source: str, plan: str, review_text: str, expected: str) -> None:
    assert verdict(plan, review_text).verdict == expected, source


@pytest.mark.parametrize(("source", "text", "year", "due"), [
    ("haerbinshi-2016", "力争到2020年，食品工业总产值突破3000亿元，科技进步贡献率提高到65%。", 2016, 2020),
    ("guangzhoushi-2011", "确保到2012年底，所有被帮扶的贫困村年集体收入基本达到10万元以上。", 2011, 2012),
    ("tonglingshi-2021", "到2025年，全市生产总值年均增长8%，进出口总额突破100亿美元。", 2021, 2025),
])
def test_a_year_named_by_a_clause_of_its_own_is_when_the_rest_falls_due(source, text, year, due) -> None:
    found = targets_from_text(text, year=year)
    assert found and all(t.target_year == due for t in found), (source, [(t.span, t.target_year) for t in found])
    # judged against the review of the plan year, it waits: the report reviewing its year is not in
    assert verdict(text, "食品工业总产值达到1550亿元。地区生产总值增长7.2%。", year=year).verdict == "pending"


def test_the_short_name_of_an_autonomous_prefecture_names_no_project() -> None:
    # nujianglisuzuzizhizhou-2021→2022 (audit 11 #6): 怒江 is the place, not the data centre
    r = dataclasses.replace(review("怒江大道、怒江西岸、兰坪滨江生态走廊等一批重大市政工程相继建成。", 2021),
                            jurisdiction="怒江傈僳族自治州")
    t = targets_from_text("筹建怒江大数据中心。", year=2021)[0]
    assert judge(t, r, extract_outcomes(r)).verdict == "unclear"


def test_a_change_counted_from_an_earlier_year_is_not_the_years() -> None:
    # xuzhoushi-2020→2021 (audit 12 #10): "较2015年" in the review of 2020 is five years of change
    plan = "高新技术产业产值占规模以上工业产值比重较上年提高1个百分点。"
    assert verdict(plan, "新兴产业产值占比较2015年提高21.5个百分点。", year=2020).verdict == "unclear"
    assert verdict(plan, "高新技术产业产值占规模以上工业产值比重较2019年提高6.5个百分点。", year=2020).verdict == "met"


def test_a_stretch_after_the_target_is_no_target_of_its_own() -> None:
    # bijieshi-2022 (audit 12 #6): 5200万吨 is the target; "力争突破5500万吨" reaches beyond it
    found = targets_from_text("生产煤炭5200万吨，力争突破5500万吨。", year=2022)
    assert [(t.value, t.unit) for t in found] == [(5200.0, "万吨")]
    # … but a level after a growth of the same thing is a target of its own
    found = targets_from_text("地区生产总值增长7.5%，达到309亿元。", year=2022)
    assert [t.value for t in found] == [7.5, 309.0]


def test_the_rural_figure_of_a_pair_joined_after_one_name() -> None:
    # naqushi-2022→2023 (audit 11 #3): missed by 7.5%, the rural figure, not by the urban 4.7%
    v = verdict("农村居民人均可支配收入增长10%以上。",
                "城乡居民人均可支配收入达49208元、16984元，同比增长4.7%、7.5%。")
    assert (v.verdict, v.outcome.value, v.outcome.indicator) == ("missed", 7.5, "农村居民人均可支配收入")


@pytest.mark.parametrize(("source", "plan", "review_text", "expected"), [
    # a sector the target's sentence does not name: the part short says nothing of the whole
    ("chengdeshi-2021→2022", "积极推动企业和项目向园区集群集聚，新增入园企业200家以上。",
     "大力推进园区外工业企业“四个一批”，新增入园工业企业127家。", "unclear"),
    ("lanzhoushi-2013→2014", "固定资产投资增长40%。",
     "坚持传统产业改造升级与新兴产业培育两手抓，完成工业固定资产投资469.21亿元，增长35.28%。", "unclear"),
    # … but a sector word of another indicator in the same list is not this one's
    ("hubei-2013→2014", "社会消费品零售总额增长15%。",
     "工业增加值和社会消费品零售总额均突破1万亿元，分别增长11.8%、13.8%。", "missed"),
    # nor does a part's rate or growth met say the whole's is
    ("fujian-2020→2021", "实际使用外资增长3%。", "成功举办厦洽会、海交会，全省服务业实际使用外资增长37.2%。", "unclear"),
    ("jiayuguanshi-2021→2022", "固定资产投资增长7%。", "6个省列重大项目完成年度投资的220%，工业固定资产投资增长72%。",
     "unclear"),
    # work on them all promised, fewer finished: the rest may be under way
    ("wenzhoushi-2024→2025", "推动中医药传承创新发展，加快推进58个医疗卫生重点项目。",
     "建成投用温医大附一院龙港院区等16个重点医疗卫生项目。", "unclear"),
    ("guangxi-2021→2022", "加快钦州—北海—防城港港口型国家物流枢纽建设，推进50个港航项目。",
     "建成北部湾港13个港航项目，新增外贸航线9条。", "unclear"),
])
def test_a_figure_of_less_than_promised_shows_no_shortfall(source: str, plan: str, review_text: str, expected: str) -> None:
    assert verdict(plan, review_text).verdict == expected, source


@pytest.mark.parametrize(("source", "plan", "review_text", "pick", "expected"), [
    # … but phases listed together name each ("一二期")
    ("dongguanshi-2021→2022", "完善“五纵四横六连”高速公路网络，建成莞番高速二期、加快三期建设。",
     "赣深高铁、穗深城际、莞惠城际、莞番高速一二期、深外环高速东莞段建成通车。", "莞番", "met"),
    # a later item of a list naming no work of its own shares the first's: 引进, not 开工
    ("jiaxingshi-2020→2021", "引进总投资超亿美元项目50个以上、超亿元项目400个以上。", "新开工超亿元产业项目508个。",
     "超亿元项目400", "unclear"),
    # … but a list's last item is not all a list counts (baoshanshi-2021, audit 11 #9)
    ("baoshanshi-2021→2022", "培育省级科技型中小企业、高新技术企业30户以上。",
     "认定国家高新技术企业、省级以上科技型中小企业58户。", "30户", "met"),
    # … or of the item before; one head, kinds sharing no words: leading firms are no "little giants"
    ("yi2chun1shi4-2022→2023", "省级以上龙头企业达120家、国家级8家。", "新增国家级专精特新“小巨人”企业8家。",
     "国家级8家", "unclear"),
    # a count named by its level only takes the head of the next item ("省级、…市级重点项目")
    ("neijiangshi-2022→2023", "实施40个省级、266个市级重点项目，分别完成投资252亿元、550亿元以上。",
     "大力实施“产业项目攻坚年”，57个省级重点项目、321个市级重点项目分别完成投资296.5亿元、712.5亿元。",
     "40个省级", "met"),
    # … and a figure not naming that head shows no shortfall
    ("shaanxi-2023→2024", "积极发展乡村旅游、休闲农业、文化体验等新业态，创建3个国家级、30个省级产业融合发展示范园区。",
     "优化调整现代农业产业链，新增国家级现代农业产业园2个。", "3个国家级", "unclear"),
    # a bare measure is its sentence's subject's: grain output is not coal output
    ("liupanshuishi-2022→2023", "实施粮油单产提升工程，新建高标准农田12.5万亩，确保粮食种植面积271万亩以上、产量61万吨以上。",
     "15个煤矿技改建设新增产能810万吨／年，原煤产量达7409万吨、创历史新高。", "产量61", "unclear"),
    # a city's green cover is not its land's forest cover
    ("beijing-2006→2007", "全市林木覆盖率达到53%，城市绿化覆盖率达到45%。", "全市林木绿化率达到51%。", "绿化", "unclear"),
    # "基本完成" of the year's tasks is no completion
    ("kezileisukeerkezizizhizhou-2025→2026", "以超常规力度跑出克州后发赶超“加速度”，高质量完成全年经济社会发展目标任务。",
     "一年来，我们迎难而上、砥砺前行，基本完成了2025年经济社会发展主要目标任务。", "目标任务", "unclear"),
    # an increase read from the verb the list shares; a total reported ("分别达到")
    ("tielingshi-2021→2022", "实施科技型企业梯度培育计划，新增科技型中小企业5户、高新技术企业10户、瞪羚企业5户。",
     "新增高新技术企业10户、科技型中小企业43户，培育省级以上“专精特新”企业48户，雏鹰、瞪羚企业分别达到50户和27户。",
     "瞪羚", "unclear"),
    # … and the same list's own figure for the same thing
    ("tielingshi-2021→2022", "实施科技型企业梯度培育计划，新增科技型中小企业5户、高新技术企业10户、瞪羚企业5户。",
     "新增高新技术企业10户、科技型中小企业43户，培育省级以上“专精特新”企业48户，雏鹰、瞪羚企业分别达到50户和27户。",
     "科技型中小企业", "met"),
    # a total grown to is no year's increase
    ("shiyanshi-2021→2022", "实施中小企业成长工程，新增规上工业企业70家。", "新能源整车企业达7家，专用车企业达35家，规上工业企业发展到1004家。",
     "规上", "unclear"),
    # a new one of a kind (新认定) against a total reached
    ("shijiazhuangshi-2016→2017", "年内新增科技型中小企业600家、科技小巨人企业230家，新认定高新技术企业50家。",
     "全市高新技术企业达到556家，比2012年翻了一番多。", "高新技术企业", "unclear"),
    # … but not against a count of those approved, whose names hold a 达
    ("jinanshi-2013→2014", "新认定国家级企业技术中心3家。", "宝世达、汇丰铸造、玫德铸造3家企业获批国家级企业技术中心。",
     "技术中心", "met"),
])
def test_verdict_of_the_target_picked(source: str, plan: str, review_text: str, pick: str, expected: str) -> None:
    assert verdict(plan, review_text, pick=pick).verdict == expected, source


# ------------------------------------------------------------- bracketed parts of a figure

def test_respectively_each_figure_for_its_own_name() -> None:
    # hainan-2013→2014: the farmers' 11% is checked by the farmers' 12.6%, not the towns' 9.6%
    v = verdict("城镇居民人均可支配收入和农民人均纯收入分别增长10%和11%。",
                "城镇居民人均可支配收入22929元，农村居民人均纯收入8343元，分别增长9.6%和12.6%。")
    assert v.verdict == "missed"  # the towns' 10%: 9.6% falls short
    v = verdict("城镇居民人均可支配收入和农民人均纯收入分别增长10%和11%。",
                "城镇居民人均可支配收入22929元，农村居民人均纯收入8343元，分别增长9.6%和12.6%。",
                indicator="农民人均纯收入")
    assert v.verdict == "met"


def test_a_listed_name_is_not_checked_by_another_names_figure() -> None:
    # wuzhongshi-2020→2021: 黄花菜 is not reported; the 酿酒葡萄 figure says nothing of it
    v = verdict("酿酒葡萄、黄花菜、瓜菜种植面积稳定在23万亩、16万亩、36万亩。",
                "瓜菜、酿酒葡萄、枸杞、道地中药材面积分别为53.7万亩、24.6万亩、10.8万亩、24万亩。",
                year=2020, indicator="黄花菜")
    assert v.verdict == "unclear"


def test_a_noun_made_with_a_leader_word_keeps_it() -> None:
    # shijiazhuangshi-2023: 服务 leads a clause as a verb, but 服务业 is a noun
    spans = [t.span for t in targets_from_text("服务业增加值增长8%以上，社会消费品零售总额增长8%以上。", year=2023)]
    assert spans[0] == "服务业增加值增长8%以上"


def test_a_quoted_thing_counted_beside_the_target_is_no_programme() -> None:
    # liuzhoushi-2015→2016: “万元示范村” is counted in the same sentence, not a programme
    v = verdict("新增5个“万元示范村”，农业观光旅游村（园）达到35个。",
                "“倍增计划十大产业工程”完成创建特色种植业基地54万亩、农业观光旅游村（园）35个、万元示范村100个。",
                pick="农业观光")
    assert v.verdict == "met"


def test_a_bracketed_part_is_a_target_of_its_own() -> None:
    # yunfushi-2014: 73.8% is the promise; the part in brackets promises 85% for 市区
    text = "城镇生活污水集中处理率达到73.8%（其中市区85%）。"
    got = [(t.indicator, t.value) for t in targets_from_text(text, year=2014)]
    assert got == [("城镇生活污水集中处理率", 73.8), ("城镇生活污水集中处理率（其中市区）", 85.0)]


@pytest.mark.parametrize(("review_text", "expected"), [
    # yunfushi-2015: each part is judged by its own figure
    ("城镇生活污水集中处理率74.5%（其中市区82.5%）。", ["met", "missed"]),
    # no figure for the part: the whole figure is no evidence for it, nor the other way round
    ("城镇生活污水集中处理率74.5%。", ["met", "unclear"]),
    ("（其中市区82.5%）。", ["unclear", "unclear"]),
])
def test_each_part_is_judged_by_its_own_figure(review_text: str, expected: list[str]) -> None:
    targets = targets_from_text("城镇生活污水集中处理率达到73.8%（其中市区85%）。", year=2014)
    r = review(review_text, 2014)
    assert [judge(t, r, extract_outcomes(r)).verdict for t in targets] == expected


@pytest.mark.parametrize(("review_text", "expected"), [
    # huludaoshi-2020→2021: money named only by its verb is about the projects its sentence
    # counts first, on both sides
    ("全市亿元以上项目开复工201个，开复工率90.1%，完成投资240亿元。", "missed"),
    ("全市棚户区改造开工8000户，完成投资240亿元。", "unclear"),
])
def test_money_named_by_its_sentence(review_text: str, expected: str) -> None:
    plan = "计划实施投资亿元以上重点项目223个，总投资2456亿元，完成投资265亿元。"
    assert verdict(plan, review_text, pick="完成投资").verdict == expected
