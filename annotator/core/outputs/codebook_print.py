"""The printable codebook: fields, categories, definitions, examples and keys, as HTML.

This module owns the codebook as coders read it on paper (``annotator codebook --print
-o FILE.html|pdf``): the title and description, then each field with its kind, label,
definition and keys, each category with its label, definition, the codebook's own
example and up to :data:`EXAMPLES` evidence quotes from adjudicated values, and the
roles.  It is written in English, Persian or Arabic (labels and definitions from the
codebook in that language, falling back to English as the window does; headings from
the gettext catalogue), right to left in Persian and Arabic, with data isolated and
escaped as the report does (:mod:`annotator.core.outputs.report`).  The same HTML is
printed to PDF by Qt (:func:`annotator.gui.pdf.html_to_pdf`), which shapes the text,
so the PDF holds searchable text, not images.  :func:`shortcut_keys` says which keys
the tag form gives each category; a window test checks it against the form.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import BinaryIO

from annotator.core.codebook import Codebook, Field, kind_label
from annotator.core.i18n import RTL_LANGUAGES, check_language, digits, translate, translation
from annotator.core.outputs.output_file import check_html, write_output
from annotator.core.outputs.report import FSI, PDI, clean
from annotator.core.store import Project

EXAMPLES = 2
"""Evidence quotes shown per category, from adjudicated values."""
QUOTE_LENGTH = 300

_CSS = """
body { font-family: Vazirmatn, Tahoma, "Noto Sans Arabic", "DejaVu Sans", sans-serif;
       max-width: 50em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h2 { margin-top: 1.6em; border-bottom: 1px solid #999999; }
.muted { color: #555555; }
.key { font-family: monospace; }
blockquote { margin: 0.3em 1.5em; color: #333333; }
"""


def shortcut_keys(codebook: Codebook) -> dict[tuple[str, str | None], str]:
    """``(field, category)`` -> the keys the tag form gives it (``None``: the field's
    "None reported", or the participants field's suggestions).

    Plain digits choose on the first ordered single-choice field's scale (0 its first
    off-scale category), Alt+digits the next single-choice field, Ctrl+digits the first
    multiple-choice field's first nine categories (Ctrl+0 "None reported"), Alt+P the
    participants field's suggestions.
    """
    fields = codebook.fields
    ordered = next((f for f in fields if f.type == "single" and f.ordered), None)
    other = next((f for f in fields if f.type == "single" and f is not ordered), None)
    multiple = next((f for f in fields if f.type == "multiple"), None)
    participants = next((f for f in fields if f.type == "participants"), None)
    keys: dict[tuple[str, str | None], str] = {}
    if ordered is not None:
        active = ordered.active_categories
        for digit, category in enumerate([c for c in active if c.scale][:9], start=1):
            keys[ordered.id, category.id] = str(digit)
        off_scale = next((c for c in active if not c.scale), None)
        if off_scale is not None:
            keys[ordered.id, off_scale.id] = "0"
    if other is not None:
        for digit, category in enumerate(other.active_categories[:9], start=1):
            keys[other.id, category.id] = f"Alt+{digit}"
    if multiple is not None:
        for digit, category in enumerate(multiple.active_categories[:9], start=1):
            keys[multiple.id, category.id] = f"Ctrl+{digit}"
        keys[multiple.id, None] = "Ctrl+0"
    if participants is not None:
        keys[participants.id, None] = "Alt+P"
    return keys


def _examples(project: Project) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """``(field, value)`` -> up to :data:`EXAMPLES` (article, quote) of adjudicated values."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for decision in project.review.adjudications():
        if decision.value is None or not decision.quote:
            continue
        quotes = found.setdefault((decision.field, decision.value), [])
        if len(quotes) < EXAMPLES and all(q != decision.quote for _, q in quotes):
            quote = decision.quote.strip()
            if len(quote) > QUOTE_LENGTH:
                quote = quote[:QUOTE_LENGTH].rstrip() + "…"
            quotes.append((decision.article_id, quote))
    return found


class _Writer:
    """Builds the HTML in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.rtl = language in RTL_LANGUAGES
        self.gettext = translation(language).gettext
        direction = "rtl" if self.rtl else "ltr"
        self.block = f'dir="{direction}" align="{"right" if self.rtl else "left"}"'

    def data(self, value: object) -> str:
        """Escaped data, isolated (``<bdi>`` for browsers, FSI/PDI for Qt's reader)."""
        return f"<bdi>{FSI}{html.escape(clean(value))}{PDI}</bdi>"

    def paragraph(self, content: str, css: str = "") -> str:
        klass = f' class="{css}"' if css else ""
        return f"<p{klass} {self.block}>{content}</p>"

    def key(self, keys: str) -> str:
        # Keys read left to right in any language ("Ctrl+2", never "2+Ctrl").
        return f'<span class="key" dir="ltr">\u2066{html.escape(keys)}\u2069</span>'


def codebook_html(codebook: Codebook, language: str = "en",
                  examples: dict[tuple[str, str], list[tuple[str, str]]] | None = None,
                  version: int | None = None) -> str:
    """The printable codebook as one HTML document in ``language``."""
    check_language(language)
    out = _Writer(language)
    _ = out.gettext
    esc = html.escape
    keys = shortcut_keys(codebook)
    title = codebook.title.get(language) or codebook.title.get("en") or codebook.id
    direction = "rtl" if out.rtl else "ltr"
    parts = [
        "<!DOCTYPE html>", f'<html lang="{language}" dir="{direction}">', "<head>",
        '<meta charset="utf-8">', f"<title>{esc(clean(title))}</title>",
        f"<style>{_CSS}</style>", "</head>", f'<body dir="{direction}">',
        f"<h1 {out.block}>{out.data(title)}</h1>",
        out.paragraph(esc(_("Codebook {id}, revision {revision}{version}.").format(
            id=codebook.id, revision=codebook.revision,
            version="" if version is None else _(", version {version}").format(
                version=version))), "muted"),
    ]
    description = codebook.descriptions.get(language) or codebook.descriptions.get("en")
    if description:
        parts.append(out.paragraph(out.data(description)))
    if codebook.certification_minimum is not None:
        parts.append(out.paragraph(esc(_(
            "An annotator is certified when alpha with the adjudicated values on the "
            "training set reaches {minimum} on every field.").format(
                minimum=digits(f"{codebook.certification_minimum:.3f}", language)))))
    for field in codebook.fields:
        parts += _field_part(out, field, keys, examples or {})
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


_SEMICOLON = {False: ";", True: "\u061b"}  # the Arabic semicolon in Persian and Arabic


def _field_part(out: _Writer, field: Field, keys: dict[tuple[str, str | None], str],
                examples: dict[tuple[str, str], list[tuple[str, str]]]) -> list[str]:
    _ = out.gettext
    esc = html.escape
    language = out.language
    kind = translate(kind_label(field.type), language)
    if field.ordered:
        kind = _("{kind}, ordered").format(kind=kind)
    parts = [f"<h2 {out.block}>{out.data(field.text(language))} "
             f"<span class=\"muted\">({esc(kind)}{_SEMICOLON[language in RTL_LANGUAGES]} "
             f"<bdi>{esc(field.id)}</bdi>)</span></h2>"]
    definition = field.definition_in(language)
    if definition:
        parts.append(out.paragraph(out.data(definition)))
    if field.evidence_required:
        parts.append(out.paragraph(esc(_("Evidence is required: select the words the value "
                                         "rests on.")), "muted"))
    field_key = keys.get((field.id, None))
    if field_key and field.type == "multiple":
        parts.append(out.paragraph(esc(_("Key {key}: none of these is reported.")).format(
            key=out.key(field_key))))
    elif field_key:
        parts.append(out.paragraph(esc(_("Key {key}: the participant suggestions.")).format(
            key=out.key(field_key))))
    for category in field.categories:
        if category.retired:
            continue
        heading = out.data(category.text(language))
        key = keys.get((field.id, category.id))
        if key:
            heading = out.key(key) + " " + heading
        parts.append(f"<h3 {out.block}>{heading} <span class=\"muted\">"
                     f"(<bdi>{esc(category.id)}</bdi>)</span></h3>")
        definition = category.definition_in(language)
        if definition:
            parts.append(out.paragraph(out.data(definition)))
        if category.example:
            parts.append(out.paragraph(esc(_("Example:")) + " " + out.data(category.example)))
        for article_id, quote in examples.get((field.id, category.id), []):
            parts.append(f"<blockquote {out.block}>«{out.data(quote)}» "
                         f"<span class=\"muted\">— {out.data(article_id)}</span></blockquote>")
    if field.roles:
        parts.append(f"<h3 {out.block}>{esc(_('Roles'))}</h3>")
        for role in field.roles:
            definition = role.definition_in(language)
            parts.append(out.paragraph(
                f"<b>{out.data(role.text(language))}</b>"
                + (": " + out.data(definition) if definition else "")))
    return parts


def build_codebook_html(project: Project, language: str = "en") -> str:
    """The project's active codebook, with examples from its adjudicated values."""
    return codebook_html(project.codebooks.active(), language, _examples(project),
                         project.codebooks.active_version())


def write_codebook_html(text: str, path: str | Path, project: str | Path | None = None
                        ) -> Path:
    """Write the HTML, never over ``project`` or its side files, checked before renaming."""
    def write(out: BinaryIO) -> object:
        return out.write(text.encode("utf-8"))

    return write_output(path, write, check_html, project)
