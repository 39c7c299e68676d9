"""``newskit target-sentiment IN.jsonl``: sentiment toward given targets in given texts.

One JSON object per line in, one per line out (streamed)::

    in : {"id": "7", "text": "...", "targets": ["OpenAI", "国内", "李开复"]}
    out: {"id": "7", "targets": [{"name": "OpenAI", "label": "positive", "score": 0.6,
                                  "mentions": 1, "evidence": [{"start", "end", "text", "score"}]}]}

A line that cannot be read gives one error line on stderr naming the line, and the run goes on.
"""
from __future__ import annotations

import json
import sys

import click


class Scorer:
    """Targets found by string search (plus knowledge-base aliases of known companies), scored by
    the sentiment engine; with ``specific`` a target contained in a longer target that the text
    names is left neutral (news about 众车在线 is not about 众车)."""

    def __init__(self, lexicons=(), use_kb: bool = True, specific: bool = False, evidence: bool = True,
                 sentence_share: float = 0.4, document_share: float | None = None,
                 snownlp: float = 0.0):
        from ..sentiment import SentimentEngine, load_lexicon

        self.engine = SentimentEngine(load_lexicon(lexicons))
        self.kb = None
        if use_kb:
            from ..kb import load_kb

            self.kb = load_kb()
        self.specific = specific
        self.with_evidence = evidence
        self.sentence_share = sentence_share
        self.snownlp = snownlp  # SnowNLP's sentence opinion (bench only: measured no gain); 0 never imports it
        if document_share is not None:
            self.engine.cfg["document_share"] = document_share

    def score(self, record: dict) -> dict:
        from ..document import split_paragraphs, split_sentences
        from ..sentiment import find_mentions, less_specific, target_kind

        text, targets = record["text"], [t for t in record["targets"] if t]
        sentences = split_sentences(text, split_paragraphs(text))
        mentions = find_mentions(text, targets, self.kb)
        hits = self.engine.lex.find(text)
        prior = self.engine.sentence_tone(sentences, hits, self.sentence_share) if self.sentence_share else {}
        if self.snownlp:
            from ..sentiment.snow import sentence_priors

            for i, v in sentence_priors(sentences, weight=self.snownlp).items():
                prior[i] = prior.get(i, 0.0) + v
        kinds = self.engine.lex.tables.get("target_kinds", {})
        weights = {t: kinds.get(target_kind(t, self.kb), 1.0) for t in targets}
        doc_prior = self.engine.document_prior(sentences, hits, mentions)
        results = self.engine.score(text, sentences, mentions, hits=hits, sentence_prior=prior, target_weights=weights,
                                    target_prior=doc_prior)
        muted = less_specific(targets, mentions) if self.specific else set()
        out = []
        for t in dict.fromkeys(targets):
            r = results.get(t)
            item = {"name": t, "label": "neutral", "score": 0.0, "mentions": 0}
            if r is not None:
                item.update(mentions=len(r.mentions))
                if t not in muted:
                    item.update(label=r.label, score=round(r.score, 3))
                if self.with_evidence:
                    item["evidence"] = [{"sentence": i, "start": sentences[i].start, "end": sentences[i].end,
                                         "text": sentences[i].text, "score": round(v, 3)}
                                        for i, v in self.engine.evidence(r)]
            out.append(item)
        return {"id": record.get("id"), "targets": out}


def parse_line(line: str) -> dict:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    if not isinstance(record.get("text"), str):
        raise ValueError('missing "text" (a string)')
    targets = record.get("targets")
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise ValueError('missing "targets" (a list of strings)')
    return record


@click.command("target-sentiment")
@click.argument("infile", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--out", "outfile", type=click.File("w", encoding="utf-8"), default="-",
              help="Output JSON-lines file (default stdout).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False, exists=True),
              help="Extra sentiment lexicon TOML (repeatable), merged after the bundled one.")
@click.option("--no-kb", is_flag=True, help="Match the target strings only, not the knowledge base's aliases.")
@click.option("--prefer-specific", is_flag=True,
              help="Leave neutral a target contained in a longer target the text names (measured: no gain on FinNSP train).")
@click.option("--no-evidence", is_flag=True, help="Leave out the evidence sentences.")
@click.option("--sentence-share", type=click.FloatRange(0, 3), default=0.4, show_default=True,
              help="Weight of the whole sentence's tone for every target it names (0: clause-scoped cues only).")
@click.option("--document-share", type=click.FloatRange(0, 3), default=None,
              help="Weight of the article's overall tone for its most often named target "
                   "(default: the lexicon's document_share setting, 0; measured: no gain on Sohu 2022).")
def target_sentiment(infile, outfile, lexicons, no_kb, prefer_specific, no_evidence, sentence_share,
                     document_share) -> None:
    """Sentiment toward given targets (companies, countries, people) in given texts.

    IN.jsonl holds {"id", "text", "targets": [...]} per line ("-" reads stdin); each output line is
    {"id", "targets": [{"name", "label", "score", "mentions", "evidence"}]}.

    \b
    Examples:
      newskit target-sentiment questions.jsonl -o answers.jsonl
      echo '{"id":1,"text":"A公司领先B公司。","targets":["A公司","B公司"]}' | newskit target-sentiment -
    """
    from ..sentiment import LexiconError

    try:
        scorer = Scorer(lexicons, use_kb=not no_kb, specific=prefer_specific, evidence=not no_evidence,
                        sentence_share=sentence_share, document_share=document_share)
    except LexiconError as e:
        click.echo(f"newskit: error: {e}", err=True)
        sys.exit(2)
    name = getattr(infile, "name", "<stdin>")
    for n, line in enumerate(infile, 1):
        if not line.strip():
            continue
        try:
            record = parse_line(line)
        except ValueError as e:  # json.JSONDecodeError is a ValueError
            click.echo(f"newskit: error: {name}:{n}: {e}", err=True)
            continue
        outfile.write(json.dumps(scorer.score(record), ensure_ascii=False) + "\n")
        outfile.flush()
