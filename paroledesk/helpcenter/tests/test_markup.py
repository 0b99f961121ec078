from __future__ import annotations

from paroledesk.helpcenter.markup import body_html, paragraphs, plain_text

BODY = """Intro with **strong** and *soft* words, a [link](https://example.org/a) and
[another article](help:the-filing-fee).

## A heading

- one <b>item</b>
- two items"""


def test_the_small_markdown_becomes_uswds_html():
    html = body_html(BODY, None)
    assert "<p>Intro with <strong>strong</strong> and <em>soft</em> words" in html
    assert '<a class="usa-link" href="https://example.org/a">link</a>' in html
    assert '<a class="usa-link" href="/help/the-filing-fee/">another article</a>' in html
    assert "<h2>A heading</h2>" in html
    assert (
        '<ul class="usa-list"><li>one &lt;b&gt;item&lt;/b&gt;</li><li>two items</li></ul>' in html
    )


def test_a_link_of_another_kind_is_shown_as_written():
    html = body_html("[click](javascript:alert(1))", None)
    assert "<a" not in html
    assert "[click](javascript:alert(1))" in html


def test_plain_text_keeps_the_words_without_the_marks():
    assert paragraphs(BODY, headings=False)[0].startswith(
        "Intro with strong and soft words, a link"
    )
    assert "A heading" not in paragraphs(BODY, headings=False)
    assert "A heading" in plain_text(BODY)


def test_a_figure_without_policy_is_named_in_words():
    assert plain_text("Pay {{parole_fee.amount}}.").split() == ["Pay", "."]
    assert "the figure in force" in body_html("Pay {{parole_fee.amount}}.", None)
