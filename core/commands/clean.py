"""``newskit clean``: clean a corpus (repair, convert, strip boilerplate, extract metadata) without analysing it."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command("clean")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--out", type=click.Path(file_okay=False),
              help="Write <id>.txt (cleaned text) and <id>.json (metadata, removed boilerplate, repairs) per document.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per document (JSON Lines) instead of text.")
@click.option("--reference-date", help="Date (YYYY-MM-DD) to resolve relative dates such as '330 天前'.")
@click.option("--duplicates/--no-duplicates", default=True, help="Report near-duplicate copies (default on).")
def clean_cmd(inputs, out, as_json, reference_date, duplicates) -> None:
    """Print (or write) cleaned text and metadata, without analysing.

    \b
    Examples:
      newskit clean article.txt
      newskit clean articles/ --out cleaned/
      newskit clean feed.jsonl --json --reference-date 2024-11-01
    """
    from ..build import default_inputs
    from ..cli import EXIT_NO_DOCUMENTS, EXIT_USAGE, _fail
    from ..normalize import to_document
    from ..readers import ReadError, read_inputs

    inputs = list(inputs) or default_inputs()
    missing = [i for i in inputs if not Path(i).exists()]
    if missing:
        _fail(f"{missing[0]}: no such file or folder", EXIT_USAGE)
    if reference_date:
        from datetime import date

        try:
            date.fromisoformat(reference_date)
        except ValueError:
            _fail(f"--reference-date {reference_date!r}: expected YYYY-MM-DD", EXIT_USAGE)
    dedupe = None
    if duplicates:
        from ..dedupe import NearDuplicates

        dedupe = NearDuplicates()
    count = 0
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            click.echo(f"newskit: skipped {item}", err=True)
            continue
        doc = to_document(item, reference_date=reference_date)
        count += 1
        record = {"id": doc.id, "meta": doc.meta, "removed": doc.removed}
        if dedupe is not None:
            record["duplicate_of"] = dedupe.check(doc.id, doc.text)
        if out:
            _write(Path(out), doc, record)
        elif as_json:
            click.echo(json.dumps({**record, "text": doc.text}, ensure_ascii=False))
        else:
            dup = f"  (near-duplicate of {record['duplicate_of']})" if record.get("duplicate_of") else ""
            click.echo(f"==> {doc.id}{dup}\n" + json.dumps(doc.meta, ensure_ascii=False) + "\n\n" + doc.text + "\n")
    if count == 0:
        _fail("no readable documents in " + ", ".join(map(str, inputs)), EXIT_NO_DOCUMENTS)
    if out:
        click.echo(f"newskit: cleaned {count} documents into {out}", err=True)


def _write(folder: Path, doc, record: dict) -> None:
    name = doc.id.replace("#", "_")
    target = folder / (name if name.endswith(".txt") else name + ".txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(doc.text + "\n", encoding="utf-8")
    target.with_suffix(".json").write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(clean_cmd())
