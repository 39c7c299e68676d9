"""Sentiment toward each company an article discusses, with the sentences that carry it.

The engine (``newskit.sentiment``) is target-dependent and clause-scoped; its lexicons are data
files (``newskit/data/sentiment/lexicon.toml``) that users extend with ``[plugins.sentiment]
lexicons = [...]`` and plugins with ``register_lexicons`` (kind ``sentiment``).
Settings: ``lexicons``, ``engine`` (``"lexicon"``, default, or ``"snownlp"`` to add SnowNLP's
sentence opinion — slow; its effect on accuracy is not measured yet).
"""
from __future__ import annotations

from collections import defaultdict

from newskit import Analyzer, hookimpl

ENGINES = ("lexicon", "snownlp")


class SentimentAnalyzer(Analyzer):
    name = "sentiment"
    version = "0.2.4"
    requires = ("entities",)
    description = "Target-dependent sentiment toward each company (clause-scoped news lexicon), with evidence."

    def _lexicon_files(self) -> list:
        from newskit.cues import lexicon_paths
        from newskit.sentiment import bundled_lexicon

        return lexicon_paths("sentiment", bundled_lexicon(), self.context, self.settings)

    def setup(self) -> None:
        from newskit.sentiment import Lexicon, SentimentEngine

        engine = self.settings.get("engine", "lexicon")
        if engine not in ENGINES:
            raise ValueError(f"[plugins.sentiment] engine = {engine!r}: one of {', '.join(ENGINES)}")
        lex = Lexicon()
        for path in self._lexicon_files():
            lex.add_file(path)
        self.engine = SentimentEngine(lex)
        self.use_snownlp = engine == "snownlp"

    def fingerprint(self) -> str:
        from newskit.cues import fingerprint

        return fingerprint(super().fingerprint(), self._lexicon_files())

    def analyze(self, doc) -> dict:
        from newskit.sentiment import Mention, label_for

        companies = (doc.results.get("entities") or {}).get("companies") or []
        mentions = [Mention(s, e, c["name"]) for c in companies for s, e in c.get("spans") or []]
        sentences = doc.sentences
        prior = None
        if self.use_snownlp:
            from newskit.sentiment.snow import sentence_priors

            names = {doc.sentence_at(m.start).index for m in mentions if doc.sentence_at(m.start)}
            prior = sentence_priors([s for s in sentences if s.index in names])
        hits = self.engine.lex.find(doc.text)
        scores = self.engine.score(doc.text, sentences, mentions, hits=hits, sentence_prior=prior)
        out = []
        for c in companies:
            t = scores.get(c["name"])
            if t is None:
                continue
            evidence = []
            for idx, v in self.engine.evidence(t):
                evidence.append({**sentences[idx].evidence(doc.id), "score": round(v, 3)})
            if not evidence and t.mentions:  # neutral: show where the company is named
                first = doc.sentence_at(t.mentions[0][0])
                if first is not None:
                    evidence.append({**first.evidence(doc.id), "score": 0.0})
            out.append({"name": c["name"], "label": t.label, "score": round(t.score, 3),
                        "mentions": c.get("mentions", len(t.mentions)),
                        "positive": round(t.positive, 3), "negative": round(t.negative, 3),
                        "spans": [{"start": s, "end": e, "score": v} for s, e, v in t.mentions],
                        "evidence": evidence})
        pos = neg = 0.0
        for h in hits:  # one pass over the document's cues
            kind = h.kind
            if kind == "positive" or kind == "ahead":
                pos += h.weight
            elif kind == "negative" or kind == "behind" or kind == "sanctions":
                neg += h.weight
        tone = (pos - neg) / (pos + neg + 3.0)
        return {"label": label_for(tone, self.engine.cfg["threshold"]), "score": round(tone, 3), "companies": out}

    def summarize(self, documents) -> dict:
        agg: dict = defaultdict(lambda: {"scores": [], "mentions": 0, "positive": 0, "negative": 0, "neutral": 0,
                                         "months": defaultdict(list)})
        for d in documents:
            date = ((d.get("meta") or {}).get("date") or "")[:7]
            for c in (d["results"].get("sentiment") or {}).get("companies", []):
                a = agg[c["name"]]
                a["scores"].append(c["score"])
                a["mentions"] += c.get("mentions", 0)
                a[c["label"]] += 1
                if len(date) == 7:
                    a["months"][date].append(c["score"])
        threshold = 0.3
        try:
            threshold = self.engine.cfg["threshold"] if self._ready else threshold
        except AttributeError:
            pass
        from newskit.sentiment import label_for

        rows = []
        for name, a in agg.items():
            score = sum(a["scores"]) / len(a["scores"])
            rows.append({"name": name, "label": label_for(score, threshold), "score": round(score, 3),
                         "documents": len(a["scores"]), "mentions": a["mentions"],
                         "positive": a["positive"], "negative": a["negative"], "neutral": a["neutral"],
                         "trend": [{"date": m, "score": round(sum(v) / len(v), 3), "documents": len(v)}
                                   for m, v in sorted(a["months"].items())]})
        rows.sort(key=lambda r: (-r["documents"], -r["mentions"], r["name"]))
        return {"companies": rows}

    def report_sections(self, results):
        from newskit.reports import Chart, Quote, Section, Table

        summary = (results.get("summaries") or {}).get("sentiment") or {}
        rows = summary.get("companies", [])
        if not rows:
            return []
        table = Table(["公司 company", "倾向 label", "得分 score", "文档 documents", "正 pos", "负 neg", "中 neutral"],
                      [[r["name"], r["label"], r["score"], r["documents"], r["positive"], r["negative"], r["neutral"]]
                       for r in rows])
        top = rows[:15]
        blocks = [table, Chart("barh", "情感得分 Sentiment score by company",
                               {"labels": [r["name"] for r in top], "values": [r["score"] for r in top]}, name="sentiment")]
        quotes = []
        for d in results.get("documents", []):
            for c in (d.get("results", {}).get("sentiment") or {}).get("companies", []):
                if c["label"] != "neutral" and c.get("evidence"):
                    quotes.append((abs(c["score"]), Quote(c["evidence"][0]["text"], f"{c['name']} ({c['label']}) — {d['id']}")))
        quotes.sort(key=lambda q: -q[0])
        blocks += [q for _, q in quotes[:10]]
        return [Section("情感倾向 Sentiment toward companies", blocks, order=30, analyzer=self.name)]


@hookimpl
def register_analyzers(register):
    register(SentimentAnalyzer())
