"""The benchmark's synthetic corpus (bench/synthetic.py): valid briefs, written the same way every time."""

from __future__ import annotations

import datetime as dt

import yaml

from bench.synthetic import generate_corpus
from briefing.load import Layout, load_corpus


def test_a_synthetic_corpus_loads_without_a_problem(tmp_path):
    root = generate_corpus(tmp_path / "corpus", 3, seed=1)
    corpus = load_corpus(layout=Layout(root=root))
    assert not corpus.problems, corpus.problems
    assert [brief.id for brief in corpus.briefs] == ["synthetic-0001", "synthetic-0002", "synthetic-0003"]
    assert all(len(brief.positions) == 30 and len(brief.events) == 20 for brief in corpus.briefs)


def test_the_same_seed_writes_the_same_bytes(tmp_path):
    first, second = (generate_corpus(tmp_path / name, 2, seed=4) for name in ("a", "b"))
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)


def test_published_is_a_yaml_date_and_the_text_is_unescaped_utf8(tmp_path):
    root = generate_corpus(tmp_path / "corpus", 1, seed=0)
    text = (root / "data" / "briefs" / "synthetic-0001.yaml").read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert isinstance(document["published"], dt.date)
    assert text.startswith("# Synthetic brief")
    assert "\\u" not in text  # non-ASCII written as itself, not escaped
