"""The help center's articles: Markdown files in ``articles/``, read once per process.

Each file opens with a small front matter between ``---`` lines: ``key: value``
lines, and lists written as ``key:`` followed by ``- item`` lines (sources,
which hold commas of their own). Topics and keywords are comma-separated on one
line. The keywords are the words a reader would type, in English and Spanish,
so that a question in either language finds an article written in English.

Each article's text in Spanish is ``articles/es/`` under the same file name:
the body alone, its front matter being the English file's (which carries the
Spanish title and summary). Figures and links to other articles are written the
same way in both.

A file that breaks these rules stops the process at its first read, naming the
file: a broken article is a bug to fix, not a page to hide.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
SPANISH = "es"  # the folder of the Spanish texts, under the articles'

# The contract's topics (shared/contract.md, Help center), in the order the index shows them.
TOPICS = {
    "what-is-parole": _("What parole is"),
    "legal-basis": _("The law behind it"),
    "who-can-file": _("Who can ask"),
    "outside-us-requirement": _("Being outside the United States"),
    "how-to-file": _("How to file"),
    "fees": _("Fees"),
    "evidence": _("Evidence"),
    "financial-support": _("Financial support"),
    "medical-emergency": _("Medical emergencies"),
    "expedite": _("Asking for a faster decision"),
    "criminal-history": _("Past removals and criminal records"),
    "representation": _("Legal help"),
    "processing-time": _("How long it takes"),
    "case-status": _("Following a request"),
    "decision-notice": _("The decision"),
    "denial-and-refiling": _("After a denial"),
    "parole-duration": _("How long parole lasts"),
    "reparole": _("Re-parole"),
    "expiry-and-departure": _("When parole ends"),
    "work-authorization": _("Working while on parole"),
}

_REQUIRED = ("slug", "title", "title_es", "summary", "summary_es", "topics", "sources")
_LISTS = ("sources",)
_COMMA_LISTS = ("topics", "keywords", "keywords_es")


class ArticleError(ValueError):
    """An article file that does not follow the format above."""


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    title_es: str
    summary: str
    summary_es: str
    topics: tuple[str, ...]
    sources: tuple[str, ...]
    keywords: tuple[str, ...]
    keywords_es: tuple[str, ...]
    body: str
    body_es: str = ""

    def text_in(self, spanish: bool) -> tuple[str, str, str]:
        """The title, summary and body in Spanish or in English."""
        if spanish:
            return self.title_es, self.summary_es, self.body_es
        return self.title, self.summary, self.body


def _front_matter(lines: list[str], name: str) -> dict[str, str | list[str]]:
    fields: dict[str, str | list[str]] = {}
    key = ""
    for line in lines:
        if line.startswith("- ") and isinstance(fields.get(key), list):
            items = fields[key]
            assert isinstance(items, list)
            items.append(line[2:].strip())
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or not key or key in fields:
            raise ArticleError(f"{name}: cannot read the front matter line {line!r}.")
        fields[key] = value.strip() if value.strip() or key not in _LISTS else []
    return fields


def article_parse(text: str, *, name: str) -> Article:
    """One article from its file's text; ``name`` says which file in errors."""
    lines = text.splitlines()
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        raise ArticleError(f"{name}: the file must open with front matter between --- lines.")
    end = lines.index("---", 1)
    fields = _front_matter(lines[1:end], name)
    missing = [key for key in _REQUIRED if not fields.get(key)]
    if missing:
        raise ArticleError(f"{name}: {', '.join(missing)} missing.")

    def words(key: str) -> tuple[str, ...]:
        value = fields.get(key, "")
        assert isinstance(value, str)
        return tuple(item.strip() for item in value.split(",") if item.strip())

    def text_of(key: str) -> str:
        value = fields[key]
        if not isinstance(value, str):
            raise ArticleError(f"{name}: {key} is one line, not a list.")
        return value

    sources = fields["sources"]
    if not isinstance(sources, list):
        raise ArticleError(f"{name}: sources are a list of '- ' lines.")
    topics = words("topics")
    unknown = [topic for topic in topics if topic not in TOPICS]
    if unknown:
        raise ArticleError(f"{name}: unknown topics {', '.join(unknown)}.")
    body = "\n".join(lines[end + 1 :]).strip()
    if not body:
        raise ArticleError(f"{name}: the article has no text.")
    return Article(
        slug=text_of("slug"),
        title=text_of("title"),
        title_es=text_of("title_es"),
        summary=text_of("summary"),
        summary_es=text_of("summary_es"),
        topics=topics,
        sources=tuple(sources),
        keywords=words("keywords"),
        keywords_es=words("keywords_es"),
        body=body,
    )


@dataclass(frozen=True)
class Library:
    articles: tuple[Article, ...]

    def get(self, slug: str) -> Article | None:
        return next((article for article in self.articles if article.slug == slug), None)


def library_read(directory: Path = ARTICLES_DIR) -> Library:
    articles = tuple(
        _with_spanish(article_parse(path.read_text(encoding="utf-8"), name=path.name), path)
        for path in sorted(directory.glob("*.md"))
    )
    seen: set[str] = set()
    for article in articles:
        if article.slug in seen:
            raise ArticleError(f"Two articles have the slug {article.slug}.")
        seen.add(article.slug)
    return Library(articles)


def _with_spanish(article: Article, path: Path) -> Article:
    spanish = path.parent / SPANISH / path.name
    if not spanish.is_file():
        raise ArticleError(f"{path.name}: its Spanish text {SPANISH}/{path.name} is missing.")
    body = spanish.read_text(encoding="utf-8").strip()
    if not body or body.startswith("---"):
        raise ArticleError(f"{SPANISH}/{path.name}: the body alone, without front matter.")
    return replace(article, body_es=body)


@cache
def library() -> Library:
    """Every article, read once per process: the files ship with the code."""
    return library_read()
