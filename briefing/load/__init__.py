"""The only code that reads data/ and seeds/: bounded parsing, validation, and one problem list.

yaml_safe   reading one file safely (size, encoding, aliases, duplicate keys)
problems    what is wrong, where: record paths, lines and columns, unforeseen errors
layout      where the data lives, and the code's version for caches
seeds       the one way into seeds/: a seed's path and bytes, refused unless directly inside the folder
corpus      the taxonomy, the seeds and every brief, each inside its own boundary
watch       file events under data/ and seeds/
"""

from briefing.load.corpus import Corpus, load_corpus, load_taxonomy
from briefing.load.layout import CODE_VERSION, PROJECT_ROOT, Layout
from briefing.load.problems import Problem, fault_path, problems_from, unexpected_problem
from briefing.load.seeds import read_seed, seed_path
from briefing.load.watch import CHANGE_EVENTS, DataWatch
from briefing.load.yaml_safe import MAX_SEED_BYTES, MAX_YAML_BYTES, MAX_YAML_NODES, LoadError, parse_yaml, read_bounded, read_yaml

__all__ = [
    "CHANGE_EVENTS",
    "CODE_VERSION",
    "MAX_SEED_BYTES",
    "MAX_YAML_BYTES",
    "MAX_YAML_NODES",
    "PROJECT_ROOT",
    "Corpus",
    "DataWatch",
    "Layout",
    "LoadError",
    "Problem",
    "fault_path",
    "load_corpus",
    "load_taxonomy",
    "parse_yaml",
    "problems_from",
    "read_seed",
    "read_bounded",
    "read_yaml",
    "seed_path",
    "unexpected_problem",
]
