"""Target extraction: real plan phrases and the records they must give, and whole seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.extract import extract_targets, targets_from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def one(text: str, year: int = 2024):
    ts = targets_from_text(text, year=year)
    assert len(ts) == 1, [(t.kind, t.span) for t in ts]
    return ts[0]


# phrase → fields of the single target it states
PHRASES = [
    ("全区经济社会发展的主要预期目标是：地区生产总值增长4.5%左右。",
     dict(kind="quantitative", indicator="地区生产总值", comparator="~", value=4.5, unit="%",
          measure="growth", indicator_key="gdp", span="地区生产总值增长4.5%左右")),
    ("城镇调查失业率控制在5.5%以内。",
     dict(kind="quantitative", comparator="<=", value=5.5, unit="%", polarity=-1, measure="rate")),
    ("确保引进超亿元北京项目10个。",
     dict(kind="quantitative", comparator="=", value=10, unit="个", span="引进超亿元北京项目10个")),
    ("实现创新型中小企业总量突破 100 家。",
     dict(kind="quantitative", comparator=">=", value=100, unit="家")),
    ("新认定各类专精特新企业 5-8 家。",
     dict(kind="quantitative", comparator=">=", value=5, value_max=8, unit="家")),
    ("新建1200座农村无害化卫生户厕。",
     dict(kind="quantitative", value=1200, unit="座", span="新建1200座农村无害化卫生户厕")),
    ("培育专精特新企业累计达100家。",
     dict(kind="quantitative", value=100, unit="家", measure="cumulative")),
    ("全年组织招商活动百场以上。", dict(kind="quantitative", value=100, unit="场", comparator=">=")),
    ("推动75个经济薄弱村集体经营性收入全部达到20万元。",
     dict(kind="quantitative", value=20, unit="万元")),
    ("力争推动 1 家企业启动上市。", dict(kind="quantitative", value=1, unit="家")),
    ("PM_{2.5}年均浓度控制在38微克/立方米以下。",
     dict(kind="quantitative", value=38, unit="微克/立方米", comparator="<=", polarity=-1)),
    ("坚决守住18亿亩耕地红线。", dict(kind="quantitative", value=18, unit="亿亩", comparator=">=")),
    ("居民人均可支配收入保持与经济增长同步。",
     dict(kind="relative", relation="synchronous", indicator_key="income_per_capita")),
    ("固定资产投资增幅高于全市平均水平。", dict(kind="relative", relation="above_average")),
    ("节能减排降碳完成年度任务。", dict(kind="relative", relation="assigned_task")),
    ("完成市下达的新增就业任务。", dict(kind="relative", relation="assigned_task")),
    ("实现“三公”经费“只减不增”。", dict(kind="relative", relation="decrease")),
    ("实现违法占地问题“零新增”。", dict(kind="relative", relation="zero")),
    ("努力实现交通亡人事故起数和人数“双下降”。",
     dict(kind="relative", relation="decrease", span="交通亡人事故起数和人数“双下降”")),
    ("整体实现扭亏为盈。", dict(kind="relative", relation="turnaround")),
    ("十四小学投入使用。", dict(kind="deliverable", stage="投入使用", span="十四小学投入使用")),
    ("完成唐官屯铁路专用线建设。", dict(kind="deliverable", stage="完成")),
    ("成功创建国家卫生区。", dict(kind="deliverable", stage="成功创建")),
    ("设立高质量发展基金。", dict(kind="deliverable", stage="设立")),
    ("远洋大厦二期主体结构封顶。", dict(kind="deliverable", stage="封顶")),
    ("推动九年一贯制觉悟学校建成招生。", dict(kind="deliverable", stage="建成招生")),
    ("通过国资平台组建市场化招商团队。", dict(kind="deliverable", stage="组建")),
    ("搭建政银企对接平台。", dict(kind="deliverable", stage="搭建")),
    ("认真做好第五次全国经济普查。", dict(kind="deliverable", stage="做好")),
    # events (hailar 2012, 2015)
    ("继续办好第八届中俄蒙经贸洽谈暨产品展销会。", dict(kind="deliverable", stage="办好")),
    ("举办好海拉尔－赤塔缔结友好城市20周年纪念活动。", dict(kind="deliverable", stage="举办好")),
    # titles sought, the verb after its subject (hailar 2012, 2015, 2017)
    ("年内区医院要晋升为二级甲等医院。",
     dict(kind="deliverable", stage="晋升为", span="年内区医院要晋升为二级甲等医院")),
    ("纪念园年内申报国家5A级景区。", dict(kind="deliverable", stage="申报")),
    ("争取年内通过国家生态县（区）技术核查。", dict(kind="deliverable", stage="通过")),
    ("力争入选国家4A级景区创建名录。", dict(kind="deliverable", stage="入选")),
    # national policy acts (national 2021, 2022)
    ("对小规模纳税人阶段性免征增值税。",
     dict(kind="deliverable", stage="免征", span="对小规模纳税人阶段性免征增值税")),
    ("将行政许可事项全部纳入清单管理。", dict(kind="deliverable", stage="纳入")),
    ("全面实行股票发行注册制。", dict(kind="deliverable", stage="实行")),
    ("取消港口建设费。", dict(kind="deliverable", stage="取消")),
    ("延续执行企业研发费用加计扣除75%政策。", dict(kind="deliverable", stage="延续执行")),
    ("制定跨境服务贸易负面清单。", dict(kind="deliverable", stage="制定")),
    ("推动区域全面经济伙伴关系协定尽早生效实施。", dict(kind="deliverable", stage="生效实施")),
    ("大唐700万吨露天矿完成核准。", dict(kind="deliverable", stage="完成核准")),
    # national relative goals (national 2021, 2023)
    ("进出口量稳质升。", dict(kind="relative", relation="stable")),
    ("生态环境质量进一步改善。", dict(kind="relative", relation="increase")),
    ("综合融资成本稳中有降。", dict(kind="relative", relation="decrease")),
    ("确保基本民生支出只增不减。", dict(kind="relative", relation="increase")),
    ("货币供应量和社会融资规模增速与名义经济增速基本匹配。", dict(kind="relative", relation="synchronous")),
    ("坚决防止出现规模性返贫。", dict(kind="relative", relation="zero")),
    ("坚决杜绝重特大事故发生。", dict(kind="relative", relation="zero")),
    ("适度提高稻谷、小麦最低收购价。", dict(kind="relative", relation="direction")),
    ("实现五星级酒店破题。", dict(kind="relative", relation="nonzero")),
    # numbers: a range needs its first number; small counts of things made
    ("将制造业企业加计扣除比例提高到100%。", dict(kind="quantitative", value=100, unit="%")),
    ("年内新建幼儿园两所。", dict(kind="quantitative", value=2, unit="所", span="新建幼儿园两所")),
    # more national acts and levers (national 2021, 2022)
    ("给种粮农民再次发放农资补贴。", dict(kind="deliverable", stage="发放")),
    ("开展好第二轮土地承包到期后再延长30年整县试点。", dict(kind="deliverable", stage="开展好")),
    ("推动金融机构降低实际贷款利率。", dict(kind="relative", relation="direction")),
    ("促进大豆和油料增产。", dict(kind="relative", relation="direction")),
    # a task of the paragraph's programme, not the whole year's plan (hailar 2015)
    ("全面完成各项任务。", dict(kind="relative", relation="assigned_task")),
    # bounded campaigns after 开展, quantified campaigns (national 2022, 2023)
    ("开展新就业形态职业伤害保障试点。", dict(kind="deliverable", stage="开展")),
    ("开展老旧建筑和设施安全隐患排查整治。", dict(kind="deliverable", stage="开展")),
    ("积极开展“健康促进示范旗市区”创建工作。", dict(kind="deliverable", stage="开展")),
    ("实施新一轮千亿斤粮食产能提升行动。", dict(kind="deliverable", stage="实施")),
    # levers moved by lenders, sizes and scopes widened (national 2022)
    ("引导金融机构增加制造业中长期贷款。", dict(kind="relative", relation="direction")),
    ("扩大新增贷款规模。", dict(kind="relative", relation="direction")),
    ("扩大鼓励外商投资范围。", dict(kind="relative", relation="direction")),
    # stage phrasings (hailar 2016)
    ("一期工程达到入住条件。", dict(kind="deliverable", stage="达到入住条件", span="一期工程达到入住条件")),
    ("完成第五中学续建。", dict(kind="deliverable", span="完成第五中学续建")),
    # completion verbs made of leader words (hailar 2016)
    ("全面实现哈克镇奶牛养殖集中饲养。",
     dict(kind="deliverable", stage="全面实现", indicator="哈克镇奶牛养殖集中饲养")),
    # "尽快" before a completion promises it; time words stay out of the name (hailar 2012)
    ("新图书馆要尽快对外开放。",
     dict(kind="deliverable", stage="对外开放", indicator="新图书馆对外开放",
          span="新图书馆要尽快对外开放")),
    ("确保卫生大厦年内投入使用。", dict(kind="deliverable", indicator="卫生大厦投入使用")),
    # money spent on a named use; a count made names what is made (national 2022, 000)
    ("使用1000亿元失业保险基金支持稳岗和培训。",
     dict(kind="quantitative", value=1000, unit="亿元", indicator="失业保险基金支持稳岗和培训")),
    ("新建1200座农村无害化卫生户厕。", dict(kind="quantitative", indicator="农村无害化卫生户厕")),
    # a numbered event, whatever verb leads it (hailar 2014)
    ("认真谋划第十届中俄蒙经贸洽谈暨商品展销会。",
     dict(kind="deliverable", indicator="第十届中俄蒙经贸洽谈暨商品展销会")),
    # a count after a list of names closed by 等 (hailar 2016)
    ("陆续启动建设街道办事处金星村等四个村的棚户区改造工作。",
     dict(kind="quantitative", value=4, unit="个")),
    # enumerator "四要" (hailar 2014)
    ("四要完成西出口路建设。", dict(kind="deliverable", stage="完成", span="完成西出口路建设")),
]


@pytest.mark.parametrize("text,fields", PHRASES)
def test_phrase_gives_target(text, fields):
    t = one(text)
    for key, value in fields.items():
        assert getattr(t, key) == value, (key, getattr(t, key))


# exhortations and background: no target
NOTHING = [
    "深化“静沧廊”多领域合作，促进文教卫体等领域协同协作。",
    "持续推进智慧公共服务信息化平台等新型基础设施建设。",
    "加快模范中学春曦道学校等3所中小学建设。",
    "加快北京协和医学院天津医院二期、天津校区和健康研究院建设。",
    "建立府院联动机制，做好依法行政和公正司法有效衔接。",
    "打造宜居、韧性、智慧城市。",
    "支持乡镇园区设立驻京招商机构。",
    "新建一批智能工厂、数字车间。",
    "推动项目落地。",
    "不断提升生态系统质量和稳定性。",
    "今年是中华人民共和国成立75周年。",
    "围绕新建成 3 座海河码头做好文娱旅游文章。",
    "扎实实施“十项行动”。",
    "继续实施百家企业专利破零行动。",
    "持续推动国家食品安全示范城市创建。",
    "瑞津智能、珠海华芯智能等项目加快落地。",
    "编制了《天津市静海区国民经济和社会发展第十五个五年规划纲要（草案）》，提请大会审议。",
    "砥砺奋进，完成全年目标任务。",
    # lists that are no list of things (004, 001, 003)
    "开展食品安全专项整治行动。",
    "扩大试点医院范围。",
    "继续对灵活就业人员给予社保补贴。",
    "实施更大范围、更宽领域、更深层次对外开放。",
    "推进高水平对外开放。",
    # open-ended campaigns; a campaign named by a count of firms (000, 001)
    "深入实施种业振兴行动。",
    "实施城市更新提升行动。",
    "扩大开放范围。",
    "谋划好空港物流、保税仓库项目。",
    "扩大对外开放。",
    "促进恒宇医疗等项目尽快落地。",
    # the closing call of a report (hailar-2014, hailar-2015)
    "让我们在市委、市政府和区委的坚强领导下，紧紧依靠全区广大干部群众，坚定信心，扎实工作，"
    "为圆满完成全年的工作任务，开创区域经济中心和区域中心城市建设新局面而努力奋斗!",
    "各位代表，当前我区正处于深化改革、转型发展的关键时期，让我们在市委、市政府和区委的坚强领导下，"
    "以踏石留印、抓铁有痕的劲头，全面完成2015年的各项工作任务，为打造“两个中心”做出新贡献。",
    # a breakdown of a total after 其中 (hailar-2015)
    "其中，工业类3个、城市建设类28个、农业类21个、商贸流通类7个、民生社会事业类46个。",
    # a stage verb inside a name (hailar-2016)
    "依托呼伦贝尔经济技术开发区海拉尔食品产业园，培育、引进大的龙头企业发展绿色农畜产品加工业。",
    # an aim: what a place should become (hailar-2014, -2016, -2017, 004)
    "打造联通俄蒙、对接东北的区域物流中心。",
    "打造特色街区。",
    "打造环海拉尔精品旅游线路。",
    "打造高寒地区智慧型生态农业园区。",
    "打造服务全市的中试验证平台。",
    "打造“两个中心”。",
    # a plan naming no place or field of its own (hailar-2014, -2017)
    "制定发展规划。",
    "制定整体规划。",
    # a verb and object as the topic of advice (national-2022, national-2023)
    "制定涉企政策要多听市场主体意见。",
    "制定政策要遵循规律、广聚共识、于法有据。",
    # help for a class of firms, none named (hailar-2012)
    "要帮助非公企业增资扩容、技改扩能。",
    # a fact the next clause answers (national-2022)
    "今年高校毕业生超过1000万人，要加强就业创业指导、政策支持和不断线服务。",
    # a list opening on a generic thing (hailar-2015)
    "开通新线路、增加公交站点。",
    # tasks "given", none named (national-2023)
    "围绕实现建军一百年奋斗目标，边斗争、边备战、边建设，完成好党和人民赋予的各项任务。",
]


@pytest.mark.parametrize("text", NOTHING)
def test_exhortations_give_nothing(text):
    assert targets_from_text(text, year=2024) == []


FUNDED = [
    # hailar-2015: money spent, then the thing it pays for: one target holding both
    ("投资1亿元，启动实施黑羊站水厂改扩建工程。",
     [("deliverable", "投资1亿元，启动实施黑羊站水厂改扩建工程")]),
    ("不断加大教育投入，投资3.1亿元，实施桃李中学、三中分校、第五中学扩建工程。",
     [("quantitative", "投资3.1亿元，实施桃李中学、三中分校、第五中学扩建工程")]),
]


@pytest.mark.parametrize("text,expected", FUNDED)
def test_money_clause_joins_what_it_funds(text, expected):
    assert [(t.kind, t.span) for t in targets_from_text(text, year=2015)] == expected


def test_restated_target_is_dropped():
    # national-2021: the rationale restates the GDP target with the same number
    ts = targets_from_text("国内生产总值增长6%以上。经济增速是综合性指标，今年预期目标设定为6%以上，"
                           "考虑了经济运行恢复情况。", year=2021)
    assert [t.span for t in ts] == ["国内生产总值增长6%以上"]


def test_shared_qualifier_distributes():
    ts = targets_from_text("粮食播种面积和产量分别稳定在100万亩、35万吨以上。", year=2024)
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(100, "万亩", ">="), (35, "万吨", ">=")]
    assert ts[0].indicator_key == "grain_area" and ts[1].indicator_key == "grain_output"


# a list of indicators sharing one number through 均/都/分别: one target per name, each
# with its own span (from its name to the number) and its whole name (hailar 2016, national 2021)
SHARED_LISTS = [
    ("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%。",
     [("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%", "城镇常住居民人均可支配收入"),
      ("农村常住居民人均可支配收入均增长8%", "农村常住居民人均可支配收入")]),
    ("均衡性转移支付、县级基本财力保障机制奖补资金等增幅均超过10%。",
     [("均衡性转移支付、县级基本财力保障机制奖补资金等增幅均超过10%", "均衡性转移支付"),
      ("县级基本财力保障机制奖补资金等增幅均超过10%", "县级基本财力保障机制奖补资金等增幅")]),
    ("城镇和农村居民人均可支配收入都增长6%左右。",
     [("城镇和农村居民人均可支配收入都增长6%左右", "城镇居民人均可支配收入"),
      ("农村居民人均可支配收入都增长6%左右", "农村居民人均可支配收入")]),
    # the 均 of 人均/平均 is no shared qualifier (national 2021)
    ("中小企业宽带和专线平均资费再降10%。", [("中小企业宽带和专线平均资费再降10%", None)]),
    # two tasks sharing one goal (national 2021)
    ("完成职业技能提升和高职扩招三年行动目标。",
     [("完成职业技能提升和高职扩招三年行动目标", "职业技能提升三年行动目标"),
      ("完成职业技能提升和高职扩招三年行动目标", "高职扩招三年行动目标")]),
]


@pytest.mark.parametrize("text,expected", SHARED_LISTS)
def test_shared_list_gives_one_target_per_name(text, expected):
    ts = targets_from_text(text, year=2024)
    got = [(t.span, t.indicator) for t in ts]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for (span, indicator), (_, want) in zip(got, expected):
        if want is not None:
            assert indicator == want, (span, indicator)


# a topic clause ("对X…的部分", "X的事项") names what the next clause acts on: the act's span
# reaches back to it (national 2021, 2022)
TOPICS = [
    ("对小微企业和个体工商户年应纳税所得额不到100万元的部分，在现行优惠政策基础上，再减半征收所得税。",
     "对小微企业和个体工商户年应纳税所得额不到100万元的部分，在现行优惠政策基础上，再减半征收所得税",
     "减半征收"),
    ("对小微企业年应纳税所得额100万元至300万元部分，再减半征收企业所得税。",
     "对小微企业年应纳税所得额100万元至300万元部分，再减半征收企业所得税", "减半征收"),
    ("企业和群众经常办理的事项，今年要基本实现“跨省通办”。",
     "企业和群众经常办理的事项，今年要基本实现“跨省通办”", "基本实现"),
]


@pytest.mark.parametrize("text,span,stage", TOPICS)
def test_topic_clause_joins_its_act(text, span, stage):
    t = one(text)
    assert (t.kind, t.span, t.stage) == ("deliverable", span, stage)


def test_topic_needs_its_act_next():
    # a topic followed by an unrelated clause gives nothing
    assert targets_from_text("对小微企业年应纳税所得额不到100万元的部分，加强监督检查。", year=2022) == []


# named things reaching a stage, led by a verb before the names: one target per name, the
# verb kept in the first span only (hailar 2016)
NAMED_WITH_VERB = [
    ("积极支持古纳河酒业、贝伦公司等企业新三板挂牌。",
     [("支持古纳河酒业、贝伦公司等企业新三板挂牌", "古纳河酒业挂牌"),
      ("贝伦公司等企业新三板挂牌", "贝伦公司等企业新三板挂牌")]),
    # a short qualifier sharing the head of the next name (hailar 2012)
    ("正阳和呼伦社区文体馆按时投入使用。",
     [("正阳和呼伦社区文体馆按时投入使用", "正阳社区文体馆投入使用"),
      ("呼伦社区文体馆按时投入使用", "呼伦社区文体馆投入使用")]),
    # ... but a counted whole stays one (hailar 2013)
    ("建成哈萨尔和东升路两个市民广场。", [("建成哈萨尔和东升路两个市民广场", "哈萨尔和东升路两个市民广场")]),
    ("实施七中西校、南开路中学扩建续建。",
     [("实施七中西校、南开路中学扩建续建", "七中西校扩建续建"),
      ("南开路中学扩建续建", "南开路中学扩建续建")]),
]


@pytest.mark.parametrize("text,expected", NAMED_WITH_VERB)
def test_named_things_after_a_verb(text, expected):
    ts = targets_from_text(text, year=2016)
    assert [(t.span, t.indicator) for t in ts] == expected


def test_support_of_unnamed_things_gives_nothing():
    assert targets_from_text("支持企业新三板挂牌。", year=2016) == []
    assert targets_from_text("鼓励民间资本投资项目落地。", year=2016) == []


def test_stage_clause_reaches_back_to_the_thing():
    # the clauses between the thing and its stage say how (hailar 2016)
    t = one("加快中俄蒙国际汽车产业园建设，加大招商力度，解决遗留问题，确保盘活运营。")
    assert (t.span, t.indicator, t.stage) == (
        "中俄蒙国际汽车产业园建设，加大招商力度，解决遗留问题，确保盘活运营",
        "中俄蒙国际汽车产业园盘活运营", "盘活运营")
    # but a clause naming a thing under way is the thing (hailar 2015)
    t = one("加快推进大唐700万吨露天矿前期工作，力争年内开工建设。")
    assert t.indicator == "大唐700万吨露天矿开工建设"


# a number with no subject of its own measures the subject of the clause before; the span
# holds both (hailar 2012, 2013, 2016)
BORROWED_SUBJECT = [
    ("地区生产总值增长7.5%，达到309亿元。",
     ("地区生产总值增长7.5%，达到309亿元", "地区生产总值", 309, "亿元", "level")),
    ("地方财政总收入达到20亿元，同比增长24.6%。",
     ("地方财政总收入达到20亿元，同比增长24.6%", "地方财政总收入", 24.6, "%", "growth")),
]


@pytest.mark.parametrize("text,expected", BORROWED_SUBJECT)
def test_number_borrows_subject_of_clause_before(text, expected):
    t = targets_from_text(text, year=2016)[-1]
    assert (t.span, t.indicator, t.value, t.unit, t.measure) == expected


# lists mixing a quantified work with another item (hailar 2012, 2013, 2015)
MIXED_LISTS = [
    ("完成80吨污泥焚烧处置和金丰再生资源分拣中心项目。",
     [("quantitative", "完成80吨污泥焚烧处置", 80), ("deliverable", "金丰再生资源分拣中心项目", None)]),
    ("做好22.8公里道路的扩建和绿化、沿街163栋楼体的亮化。",
     [("quantitative", "做好22.8公里道路的扩建和绿化", 22.8), ("quantitative", "沿街163栋楼体的亮化", 163)]),
    ("投资8000万元实施10公里雨水管网及泵站改造、污泥处置、城市主干道路改造等项目。",
     [("quantitative", "投资8000万元实施10公里雨水管网及泵站改造、污泥处置、城市主干道路改造等项目", 10)]),
]


@pytest.mark.parametrize("text,expected", MIXED_LISTS)
def test_mixed_lists(text, expected):
    ts = targets_from_text(text, year=2013)
    assert [(t.kind, t.span, t.value) for t in ts] == expected


def test_list_inherits_trailing_comparator():
    ts = targets_from_text("盘活建筑类资产100处、建筑面积70万平方米以上。", year=2024)
    assert [(t.span, t.comparator) for t in ts] == [
        ("盘活建筑类资产100处", ">="), ("建筑面积70万平方米以上", ">=")]


def test_two_indicators_one_relative_pattern():
    ts = targets_from_text("PM2.5年平均浓度和优良天数比例完成市下达目标任务。", year=2024)
    assert [t.indicator_key for t in ts] == ["pm25", "good_air_days"]


def test_list_of_stages_gives_one_each():
    ts = targets_from_text("实现天美艺术街区扩展区南片竣工、北扩展区开工建设。", year=2026)
    assert [t.stage for t in ts] == ["竣工", "开工建设"]


# lists of named things sharing a stage: one target each, each span running to the stage
NAMED_LISTS = [
    ("确保南开路中学、向阳幼儿园投入使用。",
     ["南开路中学、向阳幼儿园投入使用", "向阳幼儿园投入使用"]),
    ("确保华融二期、天润商厦等项目投入运营。",
     ["华融二期、天润商厦等项目投入运营", "天润商厦等项目投入运营"]),
    ("完成自来水泵站、污水泵站、雨水泵站和燃气站建设。",
     ["完成自来水泵站、污水泵站、雨水泵站和燃气站建设", "污水泵站、雨水泵站和燃气站建设",
      "雨水泵站和燃气站建设", "燃气站建设"]),
    ("完成对胜利大街、西大街、胜利三路等主干道路的综合改造。",
     ["完成对胜利大街、西大街、胜利三路等主干道路的综合改造",
      "西大街、胜利三路等主干道路的综合改造", "胜利三路等主干道路的综合改造"]),
    # not split: places, a whole made of parts, qualities, an aim, one coverage
    ("金贸产业园区 11-D、15 号地块、新开路地块、太阳城 A2 地块等开工建设。",
     ["金贸产业园区 11-D、15 号地块、新开路地块、太阳城 A2 地块等开工建设"]),
    ("启明路、育婴路、全顺路等道路及配套管线工程开工。",
     ["启明路、育婴路、全顺路等道路及配套管线工程开工", "育婴路、全顺路等道路及配套管线工程开工",
      "全顺路等道路及配套管线工程开工"]),
    ("启动规模化、集约化、标准化、科技化特色养殖小区建设。",
     ["启动规模化、集约化、标准化、科技化特色养殖小区建设"]),
    ("打造全市首家康复特色三级医院、天津康复人才培训基地。",
     ["打造全市首家康复特色三级医院、天津康复人才培训基地"]),
    ("办好进博会、广交会、服贸会及首届中国国际消费品博览会等重大展会。",
     ["办好进博会、广交会、服贸会及首届中国国际消费品博览会等重大展会"]),
]


@pytest.mark.parametrize("text,spans", NAMED_LISTS)
def test_named_list_gives_one_target_each(text, spans):
    ts = targets_from_text(text, year=2015)
    assert [t.span for t in ts] == spans
    assert all(t.kind == "deliverable" for t in ts)


def test_stage_only_clause_takes_the_thing_before():
    ts = targets_from_text("加快推进大唐700万吨露天矿前期工作，力争年内开工建设。", year=2015)
    assert [(t.kind, t.span, t.stage) for t in ts] == [
        ("deliverable", "大唐700万吨露天矿前期工作，力争年内开工建设", "开工建设")]
    assert ts[0].indicator == "大唐700万吨露天矿开工建设"


def test_stage_only_clause_after_a_time_phrase():
    (t,) = targets_from_text("加快推进游客服务中心、游廊等配套项目建设，确保在旅游旺季开放。", year=2016)
    assert (t.stage, t.span) == ("开放", "游客服务中心、游廊等配套项目建设，确保在旅游旺季开放")


def test_relative_list_gives_one_each():
    ts = targets_from_text("推动普惠小微贷款明显增长、信用贷款和首贷户比重继续提升。", year=2022)
    assert [t.span for t in ts] == ["普惠小微贷款明显增长", "信用贷款和首贷户比重继续提升"]


def test_two_levers_one_verb():
    ts = targets_from_text("提高退休人员基本养老金和优抚对象抚恤和生活补助标准。", year=2021)
    assert [t.span for t in ts] == ["提高退休人员基本养老金",
                                    "提高退休人员基本养老金和优抚对象抚恤和生活补助标准"]
    assert [t.indicator for t in ts] == ["提高退休人员基本养老金", "优抚对象抚恤和生活补助标准"]
    ts = targets_from_text("提高退休人员基本养老金、优抚对象抚恤和生活补助标准。", year=2021)
    assert len(ts) == 2  # the same with 、
    ts = targets_from_text("推动金融机构降低实际贷款利率、减少收费。", year=2022)
    assert [t.span for t in ts] == ["金融机构降低实际贷款利率"]  # 减少收费: a second verb, no lever


def test_item_without_number_shares_the_list_stage():
    ts = targets_from_text("要确保城区“六横六纵”绿带、14块绿地布景造园、60个既有小区补绿增绿和5000亩三山"
                           "绿化等工程按时完工。", year=2012)
    assert (ts[0].kind, ts[0].stage, ts[0].indicator) == ("deliverable", "完工", "城区“六横六纵”绿带完工")
    assert [t.value for t in ts[1:]] == [14, 60, 5000]


def test_respectively_gives_a_growth_for_each_level():
    ts = targets_from_text("全区旅游人数力争突破370万人次，旅游收入达到38亿元，分别增长20%。", year=2012)
    growth = [t for t in ts if t.measure == "growth"]
    assert [(t.span, t.value, t.unit) for t in growth] == [("分别增长20%", 20, "%")] * 2
    assert [t.indicator for t in growth] == [t.indicator for t in ts[:2]]


def test_list_of_counted_things():
    ts = targets_from_text("建设一座标志性公园——海拉尔河湿地公园,一条特色景观环路、两条风情滨河路、"
                           "四条精品大街、六条绿色景观大道,改造提升四个城市出入口。", year=2017)
    assert [(t.value, t.unit) for t in ts if t.kind == "quantitative"] == [
        (1, "条"), (2, "条"), (4, "条"), (6, "条"), (4, "个")]


def test_quantities_in_a_list_sharing_a_stage():
    ts = targets_from_text("确保中心城区68公里供水、15公里雨水管网二期工程按期竣工。", year=2014)
    assert [(t.kind, t.value) for t in ts] == [("quantitative", 68), ("quantitative", 15)]
    ts = targets_from_text("实施奋斗镇1万亩节水灌溉、哈克镇7000平方米标准化奶牛养殖。", year=2013)
    assert [t.span for t in ts] == ["实施奋斗镇1万亩节水灌溉", "哈克镇7000平方米标准化奶牛养殖"]


# --- whole seeds --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def jinghai():
    from tracker.pipeline import read_report

    return extract_targets(read_report(SEEDS / "000_8942062fdd05ce19.txt"))


@pytest.mark.parametrize(
    "line,span,value,unit,comparator",
    [(21, "地区生产总值增长4.5%左右", 4.5, "%", "~"),
     (23, "资金到位28亿元", 28, "亿元", "="),
     (26, "国家高新技术企业超过530家", 530, "家", ">="),
     (35, "基本医疗保险参保人数达64.5万人", 64.5, "万人", "="),
     (49, "压减公用经费10%", 10, "%", "=")],
)
def test_seed_quantitative_targets(jinghai, line, span, value, unit, comparator):
    hits = [t for t in jinghai if t.line == line and span in t.span]
    assert hits, span
    t = hits[0]
    assert (t.kind, t.value, t.unit, t.comparator, t.target_year) == (
        "quantitative", value, unit, comparator, 2024)


def test_seed_other_kinds(jinghai):
    spans = {(t.kind, t.span) for t in jinghai}
    assert ("deliverable", "十四小学投入使用") in spans
    assert ("relative", "交通亡人事故起数和人数“双下降”") in spans
    assert all(t.horizon == "annual" for t in jinghai)
    assert all(t.line >= 18 for t in jinghai)  # nothing from the review of 2023


def test_seed_with_page_breaks_cites_line_of_number():
    from tracker.pipeline import read_report

    ts = extract_targets(read_report(SEEDS / "002_1ba162837e526855.txt"))
    (t,) = [t for t in ts if t.value == 1.1]
    assert t.line == 185 and t.unit == "万人"
    assert not [t for t in ts if t.line > 213]  # the glossary after the report states nothing


def test_five_year_goals_have_period_end():
    from tracker.pipeline import read_report

    ts = extract_targets(read_report(SEEDS / "001_89ca5d1321e099f2.txt"))
    five = [t for t in ts if t.horizon == "five_year"]
    assert five and all(t.target_year == 2030 for t in five)
    assert any(t.indicator_key == "gdp" and t.value == 4.5 for t in five)


def test_a_target_naming_a_later_year_is_due_then():
    # hailar-2016-gwr.txt line 125: promised in the 2016 plan, due at the end of 2017.
    from tracker.extract import targets_from_text

    found = targets_from_text("到2017年底前实现农村贫困人口96户、183人全部稳定脱贫。", year=2016)
    assert found and all(t.target_year == 2017 for t in found)
    same_year = targets_from_text("新增就业5300人。", year=2016)
    assert [t.target_year for t in same_year] == [2016]


def test_count_named_by_its_level_takes_the_next_items_head():
    # neijiangshi-2022: "40个省级" counts 省级重点项目
    ts = targets_from_text("实施40个省级、266个市级重点项目，分别完成投资252亿元、550亿元以上。", year=2022)
    assert [(t.value, t.indicator) for t in ts[:2]] == [(40, "省级重点项目"), (266, "市级重点项目")]


def _plan_report(*texts: str):
    from tracker.model import Paragraph, Part, Report

    paras = [Paragraph(t, ((0, 10 + 2 * i),)) for i, t in enumerate(texts)]
    part = Part("plan", "二、2020年工作安排", 2020, paras)
    return Report("plan.txt", "", "博尔塔拉蒙古自治州", "work_report", None, 2019, 2020, None, paras, [part])


def test_an_account_of_the_year_past_in_the_plan_part_sets_nothing() -> None:
    # boertalamengguzizhizhou-2020-gwr.txt line 123: the government's own work last year
    past = ("一年来，我们坚持把党的领导贯穿政府工作始终，政府系统工作更加规范，"
            "认真办理州人大代表建议63件、政协委员提案96件，办复率100%。")
    assert extract_targets(_plan_report(past)) == []
    # hunan-2015-gwr.txt line 148: until it turns to the coming year
    turning = ("各位代表，过去一年，我们众志成城、齐心协力，经受了考验、赢得了挑战。"
               "新的一年，我们要乘势而上、顺势而为，全面完成“十二五”规划目标。")
    assert [t.span for t in extract_targets(_plan_report(turning))] == ["完成“十二五”规划目标"]
