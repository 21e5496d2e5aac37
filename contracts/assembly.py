"""A bargaining proposal as one document, built on the `documents` engine.

The engine fills one model text. A proposal is several clauses answered together, so this
module adds what `documents` does not have: the clauses' variables merged by name (a blank
such as `employer_name` is asked once for the whole proposal), one combined list of optional
parts and alternatives for `documents.forms.AnswersForm`, the stored answers split back per
clause, and the filled clauses numbered as articles (Article 3) and sections (3.1, 3.2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from documents.engine import Answers, RenderedBlock, choices_in, render_text
from documents.printing import PrintSection
from documents.variables import Variable, variables_from


def shared_variables(clauses: Iterable) -> list[Variable]:
    """Every blank of these clauses, once per name, in the order they first appear. The
    first clause to declare a name gives its question and type."""
    seen: dict[str, Variable] = {}
    for clause in clauses:
        for variable in variables_from(clause.variables):
            seen.setdefault(variable.name, variable)
    return list(seen.values())


def combined_body(clauses: Iterable) -> list:
    """The clauses' top-level body blocks in one list: what `AnswersForm` and the engine's
    `choices_in` walk to offer each optional part and set of alternatives."""
    children = []
    for clause in clauses:
        children.extend(clause.body)
    return children


def choice_ids(clause) -> set[str]:
    return {choice.id for choice in choices_in(clause.body)}


def answers_for_clause(clause, answers: Answers) -> Answers:
    """The part of a proposal's answers that concerns this clause (the engine refuses an
    answer to a blank or a choice the clause does not have)."""
    names = {variable.name for variable in variables_from(clause.variables)}
    ids = choice_ids(clause)
    return Answers(
        values={k: v for k, v in answers.values.items() if k in names},
        optional={k: v for k, v in answers.optional.items() if k in ids},
        alternatives={k: v for k, v in answers.alternatives.items() if k in ids},
    )


@dataclass
class Article:
    number: int
    title: str
    clause: object
    blocks: list[RenderedBlock]

    @property
    def anchor(self) -> str:
        return f"article-{self.number}"


def article_heading(number: int, title: str) -> str:
    return _("Article %(number)d. %(title)s") % {"number": number, "title": title}


def render_articles(clauses: Sequence, answers: Answers, *, language: str) -> list[Article]:
    """Each clause filled with the proposal's answers, numbered as an article with its
    sections numbered within it. Raises `ValidationError` (keyed by variable name where the
    engine gives one) naming the article whose answers are missing or wrong."""
    articles = []
    errors: dict[str, list] = {}
    for number, clause in enumerate(clauses, start=1):
        try:
            document = render_text(
                clause.body,
                answers_for_clause(clause, answers),
                variables=clause.variables,
                language=language,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, items in error.error_dict.items():
                    errors.setdefault(name, []).extend(items)
            else:
                with translation.override(language):
                    prefix = article_heading(number, clause.title)
                errors.setdefault("__all__", []).extend(
                    ValidationError(f"{prefix}: {message}") for message in error.messages
                )
            continue
        blocks = [
            replace(block, number=f"{number}.{block.number}") if block.number else block
            for block in document.blocks
        ]
        articles.append(Article(number, clause.title, clause, blocks))
    if errors:
        raise ValidationError(errors)
    return articles


def article_text(clause, answers: Answers, *, language: str) -> str:
    """One article as plain text, its sections numbered within it ("1. ...", "2. ..."): the
    union's first version at the bargaining table. Raises ValidationError like
    `render_text` when a blank is unanswered."""
    document = render_text(
        clause.body,
        answers_for_clause(clause, answers),
        variables=clause.variables,
        language=language,
    )
    return document.text


def print_sections(articles: Sequence[Article], *, language: str) -> list[PrintSection]:
    with translation.override(language):
        return [
            PrintSection(
                heading=article_heading(article.number, article.title),
                blocks=article.blocks,
                anchor=article.anchor,
            )
            for article in articles
        ]
