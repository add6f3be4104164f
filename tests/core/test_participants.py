"""The participants registry covers the sample articles and finds names in their text."""

from __future__ import annotations

from annotator.core import paths
from annotator.core.participants import Matcher, Participant, load_registry
from tests.conftest import ARABIC_ID


def test_registry_loads_with_three_languages() -> None:
    registry = load_registry(paths.default_registry_path())
    assert len(registry) >= 20
    for participant in registry:
        assert participant.name.get("en"), participant.id


def test_spelling_variants_of_erdogan_all_match() -> None:
    matcher = Matcher([Participant("erdogan", "person", {"fa": "اردوغان"}, ("إردوغان",))])
    for text in ("اردوغان گفت", "قال إردوغان", "قال أردوغان", "لإردوغان ضرورة"):
        [mention] = matcher.find(text)
        assert mention.participant_id == "erdogan"
        assert search_quote_ok(text, mention.start, mention.end)


def search_quote_ok(text: str, start: int, end: int) -> bool:
    return text[start:end].endswith("ردوغان")


def test_whole_words_only() -> None:
    matcher = Matcher([Participant("salami", "person", {"ar": "سلامي"})])
    assert matcher.find("الجمهورية الإسلامية") == []


def test_sample_articles_mention_expected_participants(project) -> None:
    arabic = dict(project.participants.matcher().suggest(project.articles.get(ARABIC_ID).body))
    for expected in ("ebrahim_raisi", "recep_tayyip_erdogan", "hakan_fidan", "antony_blinken",
                     "hossein_salami", "hossein_amir_abdollahian"):
        assert expected in arabic, expected
    qatar = dict(project.participants.matcher().suggest(
        project.articles.get("003_4cdab43310a4bd9f").body))
    assert "ali_bagheri_kani" in qatar
    for mention in project.participants.matcher().find(project.articles.get(ARABIC_ID).body):
        body = project.articles.get(ARABIC_ID).body
        assert body[mention.start:mention.end] == mention.quote


def test_analyst_can_add_a_participant(project) -> None:
    added = project.participants.add(
        [Participant("jane_doe", "person", {"en": "Jane Doe", "fa": "جین دو"})], "sara")
    assert added == 1
    assert project.participants.get("jane_doe").added_by == "sara"
    assert project.participants.add([project.participants.get("jane_doe")], "sara") == 0


def test_longest_name_wins_where_names_share_a_beginning() -> None:
    # Names that begin alike (one the start of another, one with a regex character, one
    # starting with a clitic letter) are matched as the longest whole word that fits.
    matcher = Matcher([
        Participant("iran", "country", {"fa": "ایران"}),
        Participant("iran-gov", "institution", {"fa": "ایران دولت"}),
        Participant("iran-fm", "person", {"fa": "ایران دولت وزیر"}),
        Participant("plus", "institution", {"en": "c++ group"}),
        Participant("wali", "person", {"fa": "ولی"}),
        Participant("li", "person", {"fa": "لی"}),
    ])
    text = "ایران دولت وزیر گفت؛ ایران دولتی نیست؛ وایران و ایران دولت. c++ group ولی لی"
    found = [(m.participant_id, text[m.start:m.end]) for m in matcher.find(text)]
    assert found == [
        ("iran-fm", "ایران دولت وزیر"),
        ("iran", "ایران"),          # "دولتی" is another word: the shorter name is the match
        ("iran", "ایران"),          # after the clitic "و" (not part of the quote)
        ("iran-gov", "ایران دولت"),
        ("plus", "c++ group"),
        ("wali", "ولی"),            # a name, not "و" + "لی"
        ("li", "لی"),
    ]
