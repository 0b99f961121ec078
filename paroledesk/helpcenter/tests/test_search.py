from __future__ import annotations

from paroledesk.helpcenter.search import articles_search, question_words


def _first(question: str) -> str:
    return articles_search(question=question, limit=1)[0].article.slug


def test_results_come_best_first_and_no_more_than_asked():
    hits = articles_search(question="work permit for a parolee", limit=3)
    assert len(hits) == 3
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert "work-authorization" in hits[0].article.topics


def test_a_misspelled_word_is_read_as_the_nearest_word_of_the_articles():
    assert question_words("deportd sponsorr").own == ["deported", "sponsor"]
    assert _first("sponsorr incom") in {
        "how-much-income-a-sponsor-needs",
        "the-sponsor-and-form-i-134",
    }


def test_a_short_word_is_not_mended_into_another():
    assert question_words("vida").own == ["vida"]


def test_a_spanish_question_finds_the_english_article():
    assert _first("necesito un abogado gratis") == "free-and-low-cost-legal-help"


def test_a_question_of_stop_words_alone_finds_nothing():
    assert articles_search(question="what is the and of the", limit=5) == []


def test_words_run_together_are_found_by_their_letters():
    # "workpermit" is no word of the articles, nor near enough to one to be mended.
    assert question_words("workpermit").own == ["workpermit"]
    assert _first("workpermit") in {"work-permit-for-parolees", "work-permit-fees-and-renewal"}


def test_gibberish_finds_nothing():
    assert articles_search(question="qqqxz vvkkw", limit=5) == []


def test_the_same_question_always_gets_the_same_answer():
    first = articles_search(question="parole", limit=5)
    assert articles_search(question="parole", limit=5) == first
