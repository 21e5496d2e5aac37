"""The text engine shared by resolutions and contract language.

A *model text* is two StreamFields on a page: its variables and its body.

Declaring it (in your app's models.py)::

    from documents.blocks import SlotHeadingBlock, SlotTextBlock, body_block
    from documents.variables import VariablesBlock

    PARAGRAPHS = [("heading", SlotHeadingBlock()), ("section", SlotTextBlock())]

    class ClausePage(Page):
        variables = StreamField(VariablesBlock(), blank=True)
        body = StreamField(body_block(PARAGRAPHS))

`VariablesBlock` holds `VariableBlock`s: name (written `{{ name }}` in the text; never
translated), type (text, date, number, choice, local, employer), label, help, default,
required, choices (one per line) and longest answer. `body_block(paragraphs)` gives a
StreamBlock of your paragraph kinds plus `optional` (`OptionalBlock`: switched on or off,
`default_on`) and `alternatives` (`AlternativesBlock`: one of several options, the first
is the default), each holding the same paragraph kinds. The block name becomes each
rendered paragraph's `kind` ("whereas", "resolved", "section"...). `SlotHeadingBlock`
paragraphs are unnumbered headings; every other paragraph is numbered 1, 2, 3...
Call `engine.check_template(variables, body)` in your page's `clean()` so an editor can't
publish a blank that is not declared.

Filling it::

    from documents.engine import Answers, render_text, model_text
    answers = Answers(values={"local_name": "UHCW Local 1017", "meeting_date": "2027-02-03"},
                      optional={optional_block_id: True},
                      alternatives={alternatives_block_id: option_id})
    document = render_text(page.body, answers, variables=page.variables, language="es")
    document.blocks   # [RenderedBlock(key, kind, text, number, heading, source)]
    document.text     # plain text, numbered

`render_text` raises `django.core.exceptions.ValidationError` keyed by variable name for a
missing, overlong, malformed or unknown answer, and for optional/alternative ids that are
not in this body (a tampered form); `engine.DocumentError` when the model itself has a
broken or undeclared blank. Answers are substituted as plain strings: a `{{` never reaches
the output. `model_text(body, variables=...)` renders the model as published, each blank
shown as `[label]`. Dates are written in the document's language.
`Answers.to_dict()/from_dict()` and `RenderedBlock.to_dict()/from_dict()` store them as JSON.

Forms: `documents.forms.AnswersForm(data, variables=..., body=..., values=prefill,
answers=saved)` has a field per variable (`v_<name>`), a checkbox per optional part
(`o_<block id>`) and radios per alternatives (`a_<block id>`); `form.answers()` returns
`Answers`; engine errors appear beside their field; unknown keys are a form error.

Comparing: `documents.diff.diff_blocks(old, new)` matches blocks by key and returns
`BlockDiff(status="same"|"changed"|"added"|"removed", segments=[Segment(op, text)])`;
`BlockDiff.html` marks changed words with <ins>/<del>. Include
`templates/documents/diff.html` with `diffs` to show one, and `templates/documents/rendered.html`
with `blocks` for a filled text. Web styles: `static/css/documents.css`. The block templates
(`templates/blocks/documents_*`) show each blank by its label when the page context has
`slot_labels` ({name: label}); `{% load documents_tags %}` gives `{% slot_text text %}` and
the `|slots` filter for your own templates.

Printing (`documents.printing`)::

    render_document_pdf(title=..., header="UHCW Local 1017 · Resolution R-1",
                        sections=document  # or [PrintSection(heading, blocks, anchor)]
                        language="es", intro_lines=["..."],
                        options=PrintOptions(paper="a4"|"letter", vote_box=True, toc=False,
                                             tally=VoteTally(...), footer_note="...",
                                             stylesheets=["css/print-<app>.css"]),
                        template="print/document.html")   # -> bytes
    render_document_docx(...same arguments but template...)  # -> bytes

The PDF goes through `core.pdf.render_pdf` (WeasyPrint, static files only), with a running
header, "Page X of Y" in the document's language, numbered paragraphs, an optional table
of contents (page numbers from `target-counter`) and an optional vote tally and signature
box. Your own layout: a template that `{% extends "print/document.html" %}` and fills
`extra_style`, `before_body`, `body` or `after_body`.
"""
