"""Summaries computed alongside the documents equal those computed after them."""
import json

from newskit.analyzer import Analyzer
from newskit.summaries import Alongside, summarize


class Counting(Analyzer):
    name = "counting"

    def summarize(self, documents):
        docs = list(documents)
        for d in docs:
            d["results"]["mutated"] = True  # each analyzer gets its own records
        return {"ids": [d["id"] for d in docs]}


class FirstOnly(Analyzer):
    name = "first"

    def summarize(self, documents):
        for d in documents:  # stops reading early
            return {"first": d["id"], "seen_mutation": "mutated" in d["results"]}


class Failing(Analyzer):
    name = "failing"

    def summarize(self, documents):
        next(iter(documents))
        raise ValueError("boom")


class Nothing(Analyzer):
    name = "nothing"


LINES = [json.dumps({"id": f"d{i}", "results": {"x": i}}) for i in range(600)]  # more than a queue holds


def test_alongside_equals_serial_including_early_stop_and_failure():
    analyzers = [Failing(), Counting(), FirstOnly(), Nothing()]
    serial = summarize(analyzers, lambda: (json.loads(line) for line in LINES))
    alongside = Alongside(analyzers, depth=8)
    for line in LINES:
        alongside.add(line)
    assert alongside.finish() == serial
    values, errors = serial
    assert list(values) == ["counting", "first"] and values["first"] == {"first": "d0", "seen_mutation": False}
    assert values["counting"]["ids"] == [f"d{i}" for i in range(600)] and errors == {"failing": "ValueError: boom"}


def test_no_records_and_a_failed_build():
    analyzers = [Counting()]
    empty = Alongside(analyzers)
    empty.close()  # the build's finally
    assert empty.finish() == summarize(analyzers, lambda: iter(())) == ({"counting": {"ids": []}}, {})
    failed = Alongside(analyzers)
    failed.add(LINES[0])
    threads = list(failed._threads)
    failed.close()  # threads end; nothing hangs
    assert threads and not any(t.is_alive() for t in threads)
