"""Draw report pairs for a claims audit, before any of them is read.

    .venv/bin/python bench/audit/draw.py SEED N

All consecutive-year pairs (2005 on, both reports complete) of jurisdictions that have
no gold file and were not audited before; random.seed(SEED), random.sample(pairs, N).
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
# jurisdictions with gold labels (bench/gold) or read in an earlier audit
SEEN = {"jilin", "liaoning", "shaanxi", "haerbinshi", "taiyuanshi", "yinchuanshi",
        "huludaoshi", "yunfushi", "bayannaoershi", "xingtaishi",
        "hengyangshi", "jiangxi", "chuzhoushi", "tongliaoshi",
        # the second audit (seed 20261204), and places read while fixing what it found
        "shenyangshi", "anhui", "liuzhoushi", "chuxiongyizuzizhizhou", "haibeizangzuzizhizhou",
        "guangxi", "dingxishi", "sipingshi", "hunan", "su1zhou1shi4", "dalianshi", "shanghai",
        "ziboshi", "huaianshi", "hangzhoushi", "xinjiang", "nanningshi", "xianshi",
        # the third audit (seed 20261205)
        "beijing", "shandong", "benxishi", "quanzhoushi", "shuangyashanshi", "zhejiang", "hainan",
        # other years of them read while checking changed claims on random pairs
        "dongguanshi", "shenzhenshi", "jilinshi", "changchunshi", "changshashi", "wuhanshi",
        "guizhou", "meishanshi", "maomingshi", "zhengzhoushi", "yangjiangshi", "qinghai", "neimenggu",
        # the fourth audit (seed 20261206)
        "pingliangshi", "yingkoushi", "chongqing", "xiangxitujiazumiaozuzizhizhou", "hebei",
        "shijiazhuangshi", "zaozhuangshi", "heilongjiang",
        # other years of them read while checking changed claims
        "gansu", "yunnan", "fu2zhou1shi4", "huaihuashi", "hefeishi", "jixishi", "songyuanshi", "wuxishi",
        "ezhoushi", "heyuanshi", "cangzhoushi", "anqingshi", "chaozhoushi", "nantongshi", "huizhoushi",
        # the fifth audit (seed 20261207)
        "guangzhoushi", "fushunshi", "zhuhaishi", "guangyuanshi", "yantaishi", "lanzhoushi", "kelamayishi",
        # the sixth audit (seed 20261208)
        "tongrenshi", "haikoushi", "changdeshi", "wuzhongshi", "ningboshi", "loudishi", "guangdong", "yueyangshi",
        # new-term reports read while fixing how their programme is segmented
        "ningxia", "shanxi", "fujian", "enshitujiazumiaozuzizhizhou", "qinzhoushi", "tai1zhou1shi4",
        "su4zhou1shi4", "jinanshi", "xiningshi", "hubei",
        # the seventh audit (seed 20261209), and places read while fixing what it found
        "jiangsu", "xizang", "wenzhoushi", "leshanshi", "longyanshi", "qiannanbuyizumiaozuzizhizhou",
        "xiangyangshi", "jiangmenshi", "sichuan", "qingyangshi", "chaoyangshi",
        # the eighth audit (seed 20261210), and places read while checking changed claims
        "tielingshi", "jinzhoushi", "qujingshi", "qingyuanshi", "huanggangshi", "yongzhoushi",
        "fuxinshi", "nanjingshi", "shiyanshi", "shijiazhuangshi", "fujian", "jiangmenshi",
        "suizhoushi", "luoyangshi", "changchunshi", "dandongshi",
        # the ninth audit (seed 20261211), and places read while checking changed claims
        "suqianshi", "ganzhoushi", "danzhoushi", "kaifengshi", "kezileisukeerkezizizhizhou",
        "neijiangshi", "zhangyeshi", "pingdingshanshi", "dongguanshi", "jiayuguanshi", "chengdeshi",
        "bozhoushi", "xiningshi", "heilongjiang", "yunnan", "chengdushi",
        # the tenth audit (seed 20261212)
        "liupanshuishi", "nanchangshi", "lvliangshi", "fu3zhou1shi4", "handanshi", "xinyushi",
        "yiyangshi", "anshunshi",
        # the eleventh audit (seed 20261213)
        "naqushi", "shizuishanshi", "nujianglisuzuzizhizhou", "zhongweishi", "yi2chun1shi4",
        "yi1chun1shi4", "guiyangshi", "baoshanshi",
        # places read while checking changed claims after it
        "zhenjiangshi", "jingmenshi", "tonglingshi", "panzhihuashi", "qinhuangdaoshi", "zhaotongshi",
        "wenshanzhuangzumiaozuzizhizhou", "longnanshi", "huainanshi", "guyuanshi", "eerduosishi",
        "xinxiangshi", "jiuquanshi",
        # the twelfth audit (seed 20261214)
        "changzhishi", "jiaxingshi", "liangshanyizuzizhizhou", "bijieshi", "baishanshi", "hegangshi",
        "fuyangshi", "xuzhoushi",
        # the thirteenth audit (seed 20261215)
        "nanchongshi", "dezhoushi", "suihuashi", "jingzhoushi", "weihaishi", "wuhaishi", "yangquanshi",
        "luzhoushi",
        # places read while checking changed claims after it
        "xinxiangshi", "luoheshi", "jiayuguanshi", "hangzhoushi", "dalianshi", "chuzhoushi", "gannanzangzuzizhizhou",
        "shenyangshi", "lanzhoushi", "wuzhongshi", "wuxishi", "quanzhoushi", "gansu", "hunan", "hainan", "yunnan",
        "chenzhoushi", "longnanshi", "guangyuanshi", "leshanshi", "chengdushi",
        # every place whose changed claims on 500 random pairs were read this round
        "anhui", "anqingshi", "baoshanshi", "beijing", "changchunshi", "changdeshi", "changshashi",
        "changzhishi", "chaozhoushi", "chengdeshi", "chengdushi", "chifengshi", "chuzhoushi", "dalianshi",
        "dalibaizuzizhizhou", "danzhoushi", "dezhoushi", "dongguanshi", "eerduosishi", "fu2zhou1shi4",
        "fu3zhou1shi4", "fujian", "fuyangshi", "gannanzangzuzizhizhou", "gansu", "ganzhoushi",
        "guangyuanshi", "guangzhoushi", "guizhou", "hainan", "hangzhoushi", "hebei", "hefeishi",
        "heilongjiang", "huaibeishi", "huaihuashi", "huainanshi", "hubei", "huizhoushi", "hunan",
        "huzhoushi", "jiangxi", "jiaxingshi", "jiayuguanshi", "jilin", "jilinshi", "jinanshi", "jingzhoushi",
        "lanzhoushi", "leshanshi", "liangshanyizuzizhizhou", "liaoyangshi", "luoheshi", "mudanjiangshi",
        "nanchangshi", "nanchongshi", "nanjingshi", "nanningshi", "neimenggu", "ningboshi", "ningxia",
        "qinghai", "qingyuanshi", "qinhuangdaoshi", "qitaiheshi", "quanzhoushi", "qujingshi", "shaanxi",
        "shandong", "shannanshi", "shanxi", "shenyangshi", "shenzhenshi", "sichuan", "su1zhou1shi4",
        "suihuashi", "tonghuashi", "tongliaoshi", "weihaishi", "wenzhoushi", "wuhaishi", "wuhanshi",
        "wuxishi", "wuzhongshi", "xianshi", "xiningshi", "xinxiangshi", "xizang", "yanchengshi",
        "yangzhoushi", "yantaishi", "yi2chun1shi4", "yongzhoushi", "yunnan", "zhangjiakoushi",
        "zhangzhoushi", "zhejiang", "zhengzhoushi", "zhongshanshi", "zhuhaishi"}


def pairs() -> list[tuple[str, int]]:
    with open(REPORTS / "SOURCES.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if r["complete"] == "True" and "/" not in r["file"]]  # alt/: second copies
    have = {(r["file"].rsplit("-", 2)[0], int(r["year"])) for r in rows}
    return sorted((name, year) for name, year in have
                  if year >= 2005 and (name, year + 1) in have and name not in SEEN)


def main() -> None:
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    random.seed(seed)
    for name, year in random.sample(pairs(), n):
        print(f"{name}\t{year}\t{year + 1}")


if __name__ == "__main__":
    main()
