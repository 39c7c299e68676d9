"""A small synthetic results.json (the results contract) for the report tests."""
from __future__ import annotations

import copy


def ev(doc, i, text, score=None):
    e = {"doc": doc, "sentence": i, "start": 10 * i, "end": 10 * i + len(text), "text": text}
    if score is not None:
        e["score"] = score
    return e


DOCS = [
    ("a.txt", "百度发布文心大模型新版本", "2024-05-12", "36氪",
     {"百度": (6, "positive", 0.62, "百度的文心大模型在多项测试中表现出色,获得业内好评。"),
      "阿里巴巴": (2, "neutral", 0.0, "阿里巴巴也在推进通义千问的迭代。")},
     ("general", -0.6, "李彦宏", "百度", "通用大模型才是未来,垂直模型只是应用。"),
     [("百度", "阿里巴巴", "competition", 0.4, "百度与阿里巴巴在云计算市场正面竞争。")]),
    ("b.txt", "王小川:垂直模型是医疗的出路", "2024-06-03", "雷峰网",
     {"百川智能": (5, "positive", 0.45, "百川智能在医疗大模型上取得突破,王小川表示前景广阔。"),
      "百度": (1, "negative", -0.3, "百度的搜索业务面临增长放缓的压力。")},
     ("vertical", 0.7, "王小川", "百川智能", "垂直领域大模型更能解决真实问题,医疗就是最好的例子。"),
     []),
    ("c.txt", "字节跳动与腾讯的诉讼再起波澜", "2024-06-20", "界面新闻",
     {"字节跳动": (4, "negative", -0.55, "字节跳动指控腾讯滥用市场支配地位,双方矛盾激化。"),
      "腾讯": (4, "negative", -0.4, "腾讯回应称字节跳动的指控毫无根据,并表示将起诉。")},
     ("none", 0.0, None, None, None),
     [("字节跳动", "腾讯", "conflict", 0.9, "字节跳动指控腾讯滥用市场支配地位,双方矛盾激化。")]),
    ("d.txt", "OpenAI 与 Meta 的开源之争", "2024-07-08", "机器之心",
     {"OpenAI": (3, "positive", 0.3, "OpenAI 发布的新模型再次刷新了多项基准。"),
      "Meta": (3, "negative", -0.2, "Meta 的开源策略遭到部分研究者质疑。"),
      "百度": (1, "positive", 0.2, "百度表示将继续加大研发投入。")},
     ("balanced", 0.05, "杨立昆", "Meta", "通用模型和垂直模型各有价值,关键是开放。"),
     [("Meta", "OpenAI", "conflict", 0.7, "Meta 首席科学家公开批评 OpenAI 的封闭路线。")]),
]


def synthetic_results() -> dict:
    documents, comp, sent, pairs, speakers = [], {}, {}, {}, []
    labels = {"general": 0, "vertical": 0, "balanced": 0, "none": 0}
    for doc, title, date, source, companies, stance, rivals in DOCS:
        ents = [{"name": n, "type": "company", "mentions": m, "aliases": [n], "first_offset": 0, "spans": [[0, len(n)]]}
                for n, (m, *_rest) in companies.items()]
        sents = [{"name": n, "label": lab, "score": sc, "mentions": m, "evidence": [ev(doc, k, text, sc)]}
                 for k, (n, (m, lab, sc, text)) in enumerate(companies.items())]
        label, score, speaker, org, quote = stance
        labels[label] += 1
        st = {"label": label, "score": score, "evidence": [ev(doc, 5, quote)] if quote else [], "speakers": []}
        if speaker:
            st["speakers"].append({"speaker": speaker, "organization": org, "label": label, "score": score, "quotes": [ev(doc, 5, quote)]})
            speakers.append({"speaker": speaker, "organization": org, "label": label, "documents": 1, "score": score, "quotes": [ev(doc, 5, quote)]})
        rps = [{"a": a, "b": b, "kind": kind, "people": [], "intensity": inten, "evidence": [ev(doc, 7, text)], "date": date}
               for a, b, kind, inten, text in rivals]
        documents.append({"id": doc, "hash": doc, "meta": {"title": title, "date": date, "source": source, "author": None, "url": None},
                          "results": {"entities": {"companies": ents, "people": [], "unknown_organizations": []},
                                      "sentiment": {"label": "neutral", "score": 0.0, "companies": sents},
                                      "stance": st, "rivalry": {"pairs": rps}},
                          "errors": {}, "duplicates": []})
        for n, (m, lab, sc, _t) in companies.items():
            c = comp.setdefault(n, {"name": n, "mentions": 0, "documents": 0})
            c["mentions"] += m
            c["documents"] += 1
            s = sent.setdefault(n, {"name": n, "scores": [], "mentions": 0, "trend": []})
            s["scores"].append(sc)
            s["mentions"] += m
            s["trend"].append({"date": date[:7], "score": sc, "documents": 1})
        for p in rps:
            pairs[(p["a"], p["b"])] = {**p, "documents": 1}
    sentiment = []
    for s in sent.values():
        score = round(sum(s["scores"]) / len(s["scores"]), 3)
        label = "positive" if score > 0.1 else "negative" if score < -0.1 else "neutral"
        sentiment.append({"name": s["name"], "label": label, "score": score, "documents": len(s["scores"]), "mentions": s["mentions"],
                          "positive": sum(x > 0.1 for x in s["scores"]), "negative": sum(x < -0.1 for x in s["scores"]),
                          "neutral": sum(abs(x) <= 0.1 for x in s["scores"]), "trend": s["trend"]})
    return {
        "schema": "newskit/results@1", "newskit": {"version": "0.1.0"},
        "run": {"started": "2024-07-10T07:00:00+00:00", "seconds": 1.5, "inputs": ["articles"], "documents": len(documents), "jobs": 1,
                "analyzers": [{"name": n, "version": "1.0", "requires": [], "plugin": n, "distribution": "newskit"}
                              for n in ("entities", "sentiment", "stance", "rivalry")],
                "timings": {"entities": 0.1}, "read_errors": [{"file": "broken.txt", "error": "not UTF-8"}],
                "plugin_failures": [], "summary_errors": {}, "build": "2024-07-10T0700"},
        "documents": documents,
        "summaries": {
            "entities": {"companies": sorted(comp.values(), key=lambda c: (-c["mentions"], c["name"])), "unknown_organizations": []},
            "sentiment": {"companies": sorted(sentiment, key=lambda c: (-c["mentions"], c["name"]))},
            "stance": {"labels": labels, "speakers": speakers},
            "rivalry": {"pairs": list(pairs.values()),
                        "graph": {"nodes": [{"id": n, "type": "company"} for n in sorted({x for p in pairs for x in p})],
                                  "edges": [{"a": p["a"], "b": p["b"], "kind": p["kind"], "weight": p["intensity"]} for p in pairs.values()]}},
        },
    }


def later_build(results: dict) -> dict:
    """The same corpus a build later: a new company, a sentiment swing, one rivalry ended and one begun, stance moved."""
    r = copy.deepcopy(results)
    r["run"]["build"], r["run"]["started"] = "2024-08-10T0700", "2024-08-10T07:00:00+00:00"
    s = r["summaries"]
    s["entities"]["companies"].append({"name": "零一万物", "mentions": 2, "documents": 1})
    for c in s["sentiment"]["companies"]:
        if c["name"] == "腾讯":
            c["score"], c["label"] = 0.35, "positive"
    s["rivalry"]["pairs"] = [p for p in s["rivalry"]["pairs"] if p["a"] != "Meta"]
    s["rivalry"]["pairs"].append({"a": "百川智能", "b": "零一万物", "kind": "conflict", "documents": 1, "intensity": 0.6,
                                  "people": ["王小川", "李开复"], "evidence": []})
    s["stance"]["labels"]["vertical"] += 2
    for sp in s["stance"]["speakers"]:
        if sp["speaker"] == "李彦宏":
            sp["label"] = "balanced"
    return r
