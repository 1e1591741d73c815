"""The API reference pages, generated from the public names at every docs build.

An MkDocs hook (``hooks:`` in mkdocs.yml): ``on_files`` adds one page per topic under ``api/``,
listing every name in ``tbridge.__all__`` and in the ``__all__`` of the submodules ``linalg``,
``fft``, ``random``, ``emath``, ``testing`` and ``lib.stride_tricks``, and ``on_config``
fills the "API reference" section of the nav with those pages. A new public function
therefore appears without editing any page: its topic comes from the name of the module that
defines it (``..._creation`` -> Creation, and so on; ``NAMES`` places the few that their
module's name would misplace). A name with no topic goes under "Other" and the build logs a
warning, so that ``mkdocs build --strict`` fails until it gets one. Functions and classes are
rendered from their docstrings by mkdocstrings; dtypes, constants and torch's own re-exported
objects are listed in a table.

``SphinxRoles`` is a Griffe extension (``extensions:`` in mkdocs.yml) that turns the Sphinx
roles some docstrings use (``:func:`asarray```) into links when they name a documented public
object, and into code otherwise, so a stale role can never break ``mkdocs build --strict``.

``python docs/scripts/gen_api.py`` prints each topic with its names.
"""

from __future__ import annotations

import functools
import inspect
import logging
import re
import sys
import types
from dataclasses import dataclass, field
from typing import Any

import griffe
import numpy as np
import torch
from mkdocs.structure.files import File

import tbridge

log = logging.getLogger("mkdocs.hooks.gen_api")

#: (slug, title, what the page covers), in nav order.
TOPICS: list[tuple[str, str, str]] = [
    ("creation", "Creation", "Arrays from shapes, ranges and fill values, NumPy's defaults."),
    (
        "bridge",
        "NumPy bridge",
        "Between NumPy and torch: shared memory when it is safe, copies when asked. "
        "See [When memory is shared](../memory.md).",
    ),
    ("moves", "Dtype and device moves", "Changing dtype or device: one copy at most."),
    (
        "dtypes",
        "Data types",
        "The dtype objects, the scoped float default, the standard's dtype functions and "
        "NumPy's abstract scalar types (`tb.floating`, ...) for `issubdtype`. "
        "See [dtypes](../dtypes.md).",
    ),
    ("elementwise", "Element-wise", "Element-wise arithmetic, comparisons and functions."),
    (
        "logic",
        "Comparing arrays",
        "Whole-array comparisons: closeness within tolerances, and equality.",
    ),
    ("manipulation", "Manipulation and indexing", "Shapes, axes, joining and indexing."),
    ("searching", "Searching, sorting and sets", "Where values are, order, unique values."),
    ("statistics", "Statistics and reductions", "Reductions and cumulative functions."),
    (
        "calculus",
        "Differences, integrals and signals",
        "Finite differences, gradients, integration, interpolation and convolution.",
    ),
    ("polynomials", "Polynomials", "Polynomials as coefficient arrays, highest power first."),
    (
        "linalg",
        "Linear algebra",
        "The standard's linear algebra functions in the main namespace, then `tb.linalg`.",
    ),
    ("fft", "FFT", "`tb.fft`: discrete Fourier transforms."),
    (
        "random",
        "Random sampling",
        "Sampling with NumPy's signatures. See [Random numbers](../random.md).",
    ),
    (
        "io",
        "I/O",
        "Reading and writing arrays: NumPy's `.npy`, `.npz` and text formats, and raw files.",
    ),
    (
        "state",
        "Printing and error state",
        "How tensors print, and what tbridge's checks do with floating-point errors.",
    ),
    (
        "autograd",
        "Autograd",
        "Gradients of NumPy-style functions, and torch's grad modes. "
        "See [Devices and autograd](../devices-autograd.md).",
    ),
    ("constants", "Constants and inspection", "Constants, versions and the namespace info."),
    # A name lands here only while it has no topic: the build warns, so --strict fails.
    ("other", "Other", "Public names whose defining module matches no topic above."),
]

#: A word of the defining module's name -> topic. The module's path is split at dots and
#: underscores and read from its last word back, so ``tbridge._array_api.set_functions``
#: still lands on "searching" after a reorganisation.
WORDS: dict[str, str] = {
    "creation": "creation",
    "bridge": "bridge",
    "moves": "moves",
    "devices": "moves",
    "dtype": "dtypes",
    "dtypes": "dtypes",
    "data": "dtypes",
    "promotion": "dtypes",
    "elementwise": "elementwise",
    "manipulation": "manipulation",
    "indexing": "manipulation",
    "searching": "searching",
    "sorting": "searching",
    "set": "searching",
    "sets": "searching",
    "logic": "logic",
    "testing": "logic",
    "statistical": "statistics",
    "statistics": "statistics",
    "utility": "statistics",
    "signal": "calculus",
    "linalg": "linalg",
    "linear": "linalg",
    "products": "linalg",
    "fft": "fft",
    "random": "random",
    "io": "io",
    "state": "state",
    "strides": "manipulation",
    "autograd": "autograd",
    "info": "constants",
    "inspection": "constants",
    "constants": "constants",
}

#: Names whose defining module's words would put them under the wrong topic (a module that
#: holds two topics' functions), and objects defined outside tbridge.
NAMES: dict[str, str] = {
    # _numpy/logic.py holds NumPy's set functions beside its comparisons
    **dict.fromkeys(
        ("in1d", "intersect1d", "setdiff1d", "setxor1d", "union1d", "unique"), "searching"
    ),
    # _numpy/signal.py holds the polynomial functions
    **dict.fromkeys(
        ("poly", "polyadd", "polyder", "polyfit", "polyint", "polymul", "polysub", "polyval"),
        "polynomials",
    ),
    "roots": "polynomials",
    "polydiv": "polynomials",
    # index-grid objects (not callable), NumPy's ranges
    "mgrid": "creation",
    "ogrid": "creation",
    # index-expression and concatenation objects (not callable)
    **dict.fromkeys(("r_", "c_", "s_", "index_exp"), "manipulation"),
    # torch's classes under NumPy's names
    "ndarray": "bridge",
    "device": "moves",
}

#: Extensions: every name in them belongs to their topic, whatever module defines it.
SUBMODULES = {
    "linalg": "linalg",
    "fft": "fft",
    "random": "random",
    "emath": "elementwise",
    "testing": "logic",
    "lib.stride_tricks": "manipulation",
}


@dataclass
class Entry:
    """One public name: ``tb.<path>`` for the reader, ``tbridge.<path>`` for mkdocstrings."""

    path: str  # "asarray", "linalg.solve"
    obj: Any

    @property
    def identifier(self) -> str:
        return f"tbridge.{self.path}"

    @property
    def shown(self) -> str:
        return f"tb.{self.path}"

    @property
    def rendered(self) -> bool:
        """Whether mkdocstrings renders it (tbridge's own functions and classes)."""
        return callable(self.obj) and getattr(self.obj, "__module__", "").startswith("tbridge")


@dataclass
class Topic:
    slug: str
    title: str
    intro: str
    entries: list[Entry] = field(default_factory=list)
    # Extension names that are the main namespace's objects: (entry, the main entry).
    aliases: list[tuple[Entry, Entry]] = field(default_factory=list)


def topic_of(name: str, obj: object) -> str:
    if name in NAMES:
        return NAMES[name]
    if isinstance(obj, torch.dtype):
        return "dtypes"
    if isinstance(obj, type) and issubclass(obj, np.generic):
        return "dtypes"  # NumPy's abstract scalar types, for issubdtype
    if not callable(obj):
        return "constants"
    words = re.split(r"[._]+", getattr(obj, "__module__", "") or "")
    for word in reversed(words):
        if word in WORDS:
            return WORDS[word]
    return "other"


@functools.cache  # the nav, the pages and the extension all ask; the names do not change
def collect() -> list[Topic]:
    """Every public name, by topic, in nav order (topics with no names left out)."""
    topics = {slug: Topic(slug, title, intro) for slug, title, intro in TOPICS}
    main: dict[int, Entry] = {}
    for name in tbridge.__all__:
        obj = getattr(tbridge, name)
        if isinstance(obj, types.ModuleType):
            continue  # an extension: its names follow
        entry = Entry(name, obj)
        topics[topic_of(name, obj)].entries.append(entry)
        if entry.rendered:
            main[id(obj)] = entry
    for sub, slug in SUBMODULES.items():
        module = functools.reduce(getattr, sub.split("."), tbridge)
        for name in module.__all__:
            entry = Entry(f"{sub}.{name}", getattr(module, name))
            twin = main.get(id(entry.obj))
            if twin is not None:
                topics[slug].aliases.append((entry, twin))
            else:
                topics[slug].entries.append(entry)
    for topic in topics.values():
        topic.entries.sort(key=lambda e: (e.path.count("."), _natural(e.path)))
        topic.aliases.sort(key=lambda pair: _natural(pair[0].path))
    return [t for t in topics.values() if t.entries or t.aliases]


def _natural(name: str) -> list[Any]:
    """Sort key: numbers by value, so int8 < int16 < int32 and complex64 < complex128."""
    return [int(w) if w.isdigit() else w.lower() for w in re.split(r"(\d+)", name)]


def documented(topics: list[Topic]) -> set[str]:
    """The identifiers that get an anchor (and can be linked to)."""
    return {e.identifier for t in topics for e in t.entries if e.rendered}


# ---------------------------------------------------------------------------------------------
# Sphinx roles in docstrings

ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|obj|data|exc):`~?([^`]+)`")


def roles_to_markdown(text: str, module: str, known: set[str]) -> str:
    """``:func:`name``` -> a link when ``name`` is documented (looked up in ``module``'s public
    namespace, then in ``tbridge``), else inline code."""
    public = ".".join(w for w in module.split(".") if not w.startswith("_"))

    def replace(m: re.Match[str]) -> str:
        target = m.group(1)
        for candidate in (target, f"{public}.{target}", f"tbridge.{target}"):
            if candidate in known:
                return f"[`{target}`][{candidate}]"
        return f"`{target}`"

    return ROLE.sub(replace, text)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in docstrings as Markdown links or code (see the module doc)."""

    def __init__(self) -> None:
        super().__init__()
        self.known = documented(collect())

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ":" in obj.docstring.value:
            module = obj.path if obj.is_module else obj.module.path
            obj.docstring.value = roles_to_markdown(obj.docstring.value, module, self.known)


# ---------------------------------------------------------------------------------------------
# Pages


def _summary(entry: Entry, known: set[str]) -> str:
    """The first paragraph of a docstring, on one line, safe in a table cell."""
    # tbridge's own objects that are not rendered (mgrid, ogrid) speak through their class
    module = getattr(type(entry.obj), "__module__", "") if not entry.rendered else ""
    if not entry.rendered and not module.startswith("tbridge"):
        return _describe(entry.obj)
    doc = inspect.getdoc(entry.obj) or ""
    first = " ".join(doc.split("\n\n", 1)[0].split())
    if not first:
        return _describe(entry.obj)
    owner = entry.obj.__module__ if entry.rendered else module
    return roles_to_markdown(first, owner, known).replace("|", "\\|")


def _describe(obj: object) -> str:
    if isinstance(obj, torch.dtype):
        try:
            twin = f"NumPy `{tbridge.to_numpy(tbridge.zeros(0, dtype=obj)).dtype}`"
        except TypeError:  # bfloat16 without ml_dtypes
            twin = "no NumPy twin without ml_dtypes"
        return f"`{obj}`; {twin}"
    if isinstance(obj, type):
        parts = obj.__module__.split(".")
        owner = {"torch": "torch's", "numpy": "NumPy's"}.get(parts[0], f"{parts[0]}'s")
        # the shortest public path: numpy.random.SeedSequence, not its defining module
        where = next(
            (
                ".".join(parts[:i])
                for i in range(1, len(parts) + 1)
                if getattr(sys.modules.get(".".join(parts[:i])), obj.__name__, None) is obj
            ),
            obj.__module__,
        )
        return f"{owner} `{where}.{obj.__name__}`, re-exported unchanged"
    return f"`{obj!r}`"


def render(topic: Topic, known: set[str]) -> str:
    lines = [
        f"# {topic.title}",
        "",
        topic.intro,
        "",
        "Generated from the package's public names (`__all__`) at every build.",
        "",
        "| name | summary |",
        "|---|---|",
    ]
    for e in topic.entries:
        name = f"[`{e.shown}`][{e.identifier}]" if e.rendered else f"`{e.shown}`"
        lines.append(f"| {name} | {_summary(e, known)} |")
    for alias, twin in topic.aliases:
        lines.append(
            f"| `{alias.shown}` | the same function as [`{twin.shown}`][{twin.identifier}] |"
        )
    lines.append("")
    lines += [f"::: {e.identifier}\n" for e in topic.entries if e.rendered]
    return "\n".join(lines)


def render_index(topics: list[Topic]) -> str:
    lines = [
        "# API reference",
        "",
        "Every public name of `tbridge` (`import tbridge as tb`), one page per topic, generated",
        "from the docstrings at every build. Results are plain `torch.Tensor`s; functions take",
        "tensors, and NumPy arrays wherever they take an array.",
        "",
        "| topic | names |",
        "|---|---|",
    ]
    lines += [f"| [{t.title}]({t.slug}.md) | {len(t.entries) + len(t.aliases)} |" for t in topics]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# MkDocs hooks

NAV_TITLE = "API reference"


def on_config(config: Any) -> Any:
    """Fill the nav's "API reference" entry with the overview and one page per topic."""
    pages = [{"Overview": "api/index.md"}] + [{t.title: f"api/{t.slug}.md"} for t in collect()]
    for i, item in enumerate(config.nav or []):
        if isinstance(item, dict) and NAV_TITLE in item:
            config.nav[i] = {NAV_TITLE: pages}
            return config
    raise ValueError(f"mkdocs.yml: the nav has no {NAV_TITLE!r} entry for the generated pages")


def on_files(files: Any, config: Any) -> Any:
    topics = collect()
    known = documented(topics)
    files.append(File.generated(config, "api/index.md", content=render_index(topics)))
    for t in topics:
        files.append(File.generated(config, f"api/{t.slug}.md", content=render(t, known)))
        if t.slug == "other":
            # A warning, so that `mkdocs build --strict` fails until the names get a topic
            # (a word in WORDS for their module, or an entry in NAMES).
            log.warning(
                "API names with no topic (add their module's word to WORDS or the names to "
                "NAMES in docs/scripts/gen_api.py): %s",
                ", ".join(e.shown for e in t.entries),
            )
    return files


if __name__ == "__main__":
    for t in collect():
        names = [e.shown for e in t.entries] + [a.shown for a, _ in t.aliases]
        sys.stdout.write(f"{t.title} ({len(names)}): {', '.join(names)}\n")
