"""The article in a saved news page: main text without the site's boilerplate, and metadata.

A saved page holds the site's menu, ads, "most read" box, comment form and footer around
the article.  The page is parsed (the standard library's ``html.parser``; nothing is
executed or fetched) into a small tree; then:

- dropped: ``script``/``style``/``nav``/``footer``/``aside``/``form`` and the like, a
  ``header`` outside the article, and every element whose class or id names a menu,
  navigation, footer, comments, related or most-read items, ads, sharing or a sidebar;
- the main content is the first of: an element with ``itemprop="articleBody"``, the
  ``<article>`` holding the most text, ``<main>``, else the block whose paragraphs hold the
  most text (a text-density rule); inside it, lists and blocks that are mostly links
  (link lists, "read also" boxes) are dropped too;
- the title is ``og:title``, else ``<title>``, else the first ``<h1>``, without the site's
  name (split at `` | ``, `` - ``, `` – ``, `` — ``; the part that is not ``og:site_name``);
- the date is ``article:published_time``, else JSON-LD ``datePublished``, else an
  ``itemprop="datePublished"`` or ``<time datetime>`` value; the outlet is ``og:site_name``
  (else the JSON-LD publisher's name); the URL is ``og:url`` or the canonical link.

The same conversion serves HTML found in a JSONL or CSV ``text`` field
(:func:`html_to_text`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object",
                      "canvas", "head", "nav", "footer", "aside", "form", "button", "select",
                      "textarea", "input", "label", "dialog", "menu"})
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:menu|nav|navbar|navigation|footer|comments?|related|most-?read|"
    r"mostread|most-?viewed|popular|ads?|advert|advertisement|banner|sponsored|share|"
    r"sharing|social|sidebar|breadcrumbs?|newsletter|subscribe|cookies?|tags)(?:$|[-_\s])",
    re.I)
# Never dropped for a class or id: <body class="menu-open"> is still the page.
_NEVER_BY_NAME = frozenset({"html", "body", "main", "article"})
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article"}
    | {"header", "main", "ul", "ol", "dl", "table", "figure", "figcaption", "address",
       "hr", "details", "fieldset"})
_LINES = frozenset({"div", "li", "tr", "dt", "dd", "caption", "summary", "legend"})
_CELLS = frozenset({"td", "th"})
_LINK_LISTS = frozenset({"ul", "ol", "div", "section", "table", "p", "dl"})
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|«|»)\s+")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|li|h[1-6]|article|section|table|tr|ul|ol|"
                        r"blockquote|body|html)\b", re.I)
# Known elements only: "<Reuters>" or "a < b > c" in plain text are not HTML.
_HTML_HINT = re.compile(
    r"</?(?:p|div|br|span|a|b|i|u|em|strong|small|sub|sup|font|h[1-6]|ul|ol|li|dl|dt|dd|"
    r"table|tbody|thead|tr|td|th|img|figure|figcaption|blockquote|pre|code|article|section|"
    r"header|footer|nav|aside|main|body|html|head|meta|link|script|style|iframe|noscript|"
    r"form|input|button|hr|time|mark|q|cite|abbr|svg|video|audio|source|picture)"
    r"(?:\s[^<>]*)?/?>|<!--|&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});", re.I)
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class Node:
    """An element of the page: its tag, attributes and children (nodes and text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


@dataclass
class Page:
    """What was read from a page: its main text and metadata (empty strings when absent)."""

    text: str
    title: str = ""
    published: str = ""
    outlet: str = ""
    url: str = ""


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML tags, comments or character references."""
    return _HTML_HINT.search(text) is not None


def html_to_text(fragment: str) -> str:
    """The text of HTML found in a data field, as for a saved page, paragraphs kept.

    A fragment with no block elements keeps its own line breaks (HTML would fold them).
    """
    if _BLOCK_TAG.search(fragment) is None:
        fragment = fragment.replace("\n", "<br>")
    return read_page(fragment).text


def read_page(html: str) -> Page:
    """The main text and metadata of a saved page (``html.parser`` may raise ValueError)."""
    parser = _TreeBuilder()
    parser.feed(html)
    parser.close()
    root = parser.root
    meta = parser.meta
    ld = _json_ld(parser.json_ld)
    _strip(root, inside_article=False)
    main = _main_content(root)
    text = _render(main)
    if not text:
        text = _render(root)
    outlet = meta.get("og:site_name") or ld.get("publisher", "")
    raw_title = meta.get("og:title") or parser.title or parser.first_h1
    title = _without_site(raw_title, outlet, parser.first_h1)
    published = (meta.get("article:published_time") or ld.get("datePublished")
                 or meta.get("itemprop:datePublished") or parser.time
                 or meta.get("date") or "")
    url = meta.get("og:url") or parser.canonical
    return Page(text=text, title=title, published=published.strip(), outlet=outlet.strip(),
                url=url.strip())


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page: unclosed ``<p>``/``<li>`` closed as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self._stack: list[Node] = [self.root]
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.title = ""
        self.first_h1 = ""
        self.time = ""
        self.canonical = ""
        self._raw: str | None = None  # the tag whose raw text is being collected
        self._raw_parts: list[str] = []
        self._raw_kind = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(values)
            return
        if tag == "link":
            if values.get("rel", "").lower() == "canonical" and values.get("href"):
                self.canonical = self.canonical or values["href"]
            return
        if tag == "time" and values.get("datetime") and not self.time:
            self.time = values["datetime"]
        if values.get("itemprop") == "datePublished" and values.get("content"):
            self.meta.setdefault("itemprop:datePublished", values["content"])
        if tag in ("title", "script", "style") and self._raw is None:
            self._raw, self._raw_parts = tag, []
            self._raw_kind = values.get("type", "").lower()
            if tag != "title":
                self._push(Node(tag, values))
            return
        if tag not in _HEAD_TAGS and any(open_node.tag == "head" for open_node in self._stack):
            while self._stack[-1].tag != "head":  # as in a browser: the body has begun
                self._stack.pop()
            self._stack.pop()
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option"):
            self._close_implied(tag)
        node = Node(tag, values)
        self._push(node)
        if tag in _VOID:
            self._stack.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and tag not in ("meta", "link") and self._stack[-1].tag == tag:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self._raw is not None:
            if tag != self._raw:
                return
            text = "".join(self._raw_parts)
            if tag == "title":
                self.title = self.title or _WHITESPACE.sub(" ", text).strip()
            elif tag == "script" and self._raw_kind == "application/ld+json":
                self.json_ld.append(text)
            self._raw = None
            if tag == "title":
                return
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                if tag == "h1" and not self.first_h1:
                    self.first_h1 = _WHITESPACE.sub(" ", _plain(self._stack[depth])).strip()
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw_parts.append(data)
            return
        self._stack[-1].children.append(data)

    def _push(self, node: Node) -> None:
        self._stack[-1].children.append(node)
        self._stack.append(node)

    def _close_implied(self, tag: str) -> None:
        """A new ``<p>`` closes an open one; a new ``<li>`` the open item of its list."""
        stops = {"li": ("ul", "ol"), "tr": ("table", "tbody", "thead"),
                 "td": ("tr", "table"), "th": ("tr", "table")}.get(tag, ())
        for depth in range(len(self._stack) - 1, 0, -1):
            open_tag = self._stack[depth].tag
            if open_tag == tag or (tag in ("td", "th") and open_tag in ("td", "th")):
                del self._stack[depth:]
                return
            if open_tag in stops or (tag == "p" and open_tag not in _INLINE):
                return

    def _meta(self, values: dict[str, str]) -> None:
        name = (values.get("property") or values.get("name") or "").lower()
        content = values.get("content", "").strip()
        if values.get("itemprop") == "datePublished" and content:
            self.meta.setdefault("itemprop:datePublished", content)
        if name and content:
            self.meta.setdefault(name, content)


_HEAD_TAGS = frozenset({"head", "title", "meta", "link", "style", "script", "noscript", "base",
                        "template"})
_INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "small", "sub", "sup", "u", "font",
                     "mark", "abbr", "cite", "q", "code"})


def _json_ld(blocks: list[str]) -> dict[str, str]:
    """``datePublished`` and the publisher's name from the page's JSON-LD, if any."""
    found: dict[str, str] = {}

    def walk(value: object, depth: int = 0) -> None:
        if depth > 8:
            return
        if isinstance(value, list):
            for item in value[:50]:
                walk(item, depth + 1)
        elif isinstance(value, dict):
            date = value.get("datePublished")
            if isinstance(date, str):
                found.setdefault("datePublished", date)
            publisher = value.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"])
            walk(value.get("@graph"), depth + 1)

    for block in blocks:
        try:
            walk(json.loads(block))
        except (ValueError, RecursionError):
            continue
    return found


def _strip(node: Node, inside_article: bool) -> None:
    """Remove boilerplate elements from ``node``'s subtree, in place."""
    kept: list[Node | str] = []
    for child in node.children:
        if isinstance(child, str):
            kept.append(child)
            continue
        if child.tag in _DROPPED or (child.tag == "header" and not inside_article):
            continue
        marks = f"{child.attrs.get('class', '')} {child.attrs.get('id', '')}"
        if child.tag not in _NEVER_BY_NAME and child.attrs.get("itemprop") != "articleBody" \
                and _BOILERPLATE.search(marks):
            continue
        if child.attrs.get("hidden") is not None or "display:none" in child.attrs.get(
                "style", "").replace(" ", ""):
            continue
        _strip(child, inside_article or child.tag in ("article", "main"))
        kept.append(child)
    node.children = kept


def _main_content(root: Node) -> Node:
    body = _find(root, lambda n: n.attrs.get("itemprop") == "articleBody")
    if body:
        return body[0]
    articles = _find(root, lambda n: n.tag == "article")
    if articles:
        return max(articles, key=lambda n: len(_plain(n)))
    main = _find(root, lambda n: n.tag == "main" or n.attrs.get("role") == "main")
    if main:
        return main[0]
    scores: dict[int, tuple[int, Node]] = {}

    def score(node: Node) -> None:
        for child in node.children:
            if isinstance(child, Node):
                if child.tag == "p":
                    length = len(_plain(child).strip())
                    if _link_share(child) < 0.5:
                        earlier = scores.get(id(node), (0, node))[0]
                        scores[id(node)] = (earlier + length, node)
                score(child)

    score(root)
    if not scores:
        return root
    return max(scores.values(), key=lambda pair: pair[0])[1]


def _find(node: Node, test) -> list[Node]:  # type: ignore[no-untyped-def]
    """The elements under ``node`` that pass ``test``, in document order."""
    found: list[Node] = []
    stack = [child for child in reversed(node.children) if isinstance(child, Node)]
    while stack:
        current = stack.pop()
        if test(current):
            found.append(current)
        stack.extend(child for child in reversed(current.children) if isinstance(child, Node))
    return found


def _plain(node: Node) -> str:
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
        else:
            stack.extend(reversed(current.children))
    return "".join(parts)


def _link_share(node: Node) -> float:
    total = len(_plain(node).strip())
    if not total:
        return 0.0
    links = sum(len(_plain(a).strip()) for a in _find(node, lambda n: n.tag == "a"))
    return links / total


def _render(node: Node) -> str:
    """The visible text of ``node``: paragraphs apart by a blank line, ``<br>`` a line break."""
    out: list[str] = []
    pending = 0  # breaks owed before the next text: 1 newline, 2 blank line

    def walk(current: Node, pre: bool) -> None:
        nonlocal pending
        for child in current.children:
            if isinstance(child, str):
                text = child if pre else _WHITESPACE.sub(" ", child)
                if not text.strip():
                    if out and not pending:
                        out.append(" ")
                    continue
                if pending and out:
                    out.append("\n" * pending)
                pending = 0
                out.append(text)
                continue
            tag = child.tag
            if tag in _LINK_LISTS and child is not node and len(_plain(child)) and \
                    _link_share(child) > 0.6:
                continue  # a list of links: "read also", tags, other articles
            if tag == "br":
                pending = min(pending + 1, 2)
                continue
            if tag in _PARAGRAPHS:
                pending = 2
            elif tag in _LINES:
                pending = max(pending, 1)
            elif tag in _CELLS and out and not pending:
                out.append(" ")
            walk(child, pre or tag == "pre")
            if tag in _PARAGRAPHS:
                pending = 2
            elif tag in _LINES:
                pending = max(pending, 1)

    walk(node, node.tag == "pre")
    lines = [re.sub(r"[ \t\xa0]{2,}", " ", line).strip() for line in "".join(out).split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def _without_site(title: str, outlet: str, h1: str) -> str:
    """``title`` without the site's name that pages add before or after it."""
    title = _WHITESPACE.sub(" ", title).strip()
    if h1 and h1 in title:
        return h1
    parts = [part.strip() for part in _SEPARATORS.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    site = _WHITESPACE.sub(" ", outlet).strip().casefold()
    if site:
        others = [part for part in parts
                  if part.casefold() != site and part.casefold() not in site]
        if others and len(others) < len(parts):
            return " - ".join(others) if len(others) > 1 else others[0]
    return max(parts, key=len)
