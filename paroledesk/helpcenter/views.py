"""The help center's pages: the index by topic, search results, one article. Anyone may read."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from paroledesk.helpcenter.forms import HelpSearchForm
from paroledesk.helpcenter.markup import body_html, figures_filled
from paroledesk.helpcenter.selectors import (
    article_get,
    articles_by_topic,
    articles_related,
    help_answer,
    in_spanish,
    policy_today,
)


def help_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "helpcenter/index.html",
        {"groups": articles_by_topic(), "form": HelpSearchForm(), "spanish": in_spanish()},
    )


def help_search_page(request: HttpRequest) -> HttpResponse:
    if "q" not in request.GET:
        return render(request, "helpcenter/search.html", {"form": HelpSearchForm()})
    form = HelpSearchForm(request.GET)
    if not form.is_valid():
        return render(request, "helpcenter/search.html", {"form": form}, status=422)
    answer = help_answer(question=form.cleaned_data["q"])
    if in_spanish():
        # The article's own Spanish title and summary, where the English snippet would be.
        for result in answer["results"]:
            found = article_get(slug=result["slug"])
            if found is not None:
                result |= {"title": found.title_es, "snippet": found.summary_es}
    return render(request, "helpcenter/search.html", {"form": form, "answer": answer})


def help_article(request: HttpRequest, slug: str) -> HttpResponse:
    article = article_get(slug=slug)
    if article is None:
        raise Http404("No such article.")
    policy = policy_today()
    spanish = in_spanish()
    title, summary, body = article.text_in(spanish)
    return render(
        request,
        "helpcenter/article.html",
        {
            "article": article,
            "title": title,
            "body": body_html(body, policy),
            "summary": figures_filled(summary, policy),
            "related": articles_related(article=article),
            "spanish": spanish,
        },
    )
