"""Block-by-block diff with changed words marked."""

import re

from documents.diff import diff_blocks, diff_words
from documents.engine import Answers, RenderedBlock, model_text, render_text

from .helpers import (
    ALTERNATIVES_ID,
    ANSWERS,
    BODY,
    OPTION_FIRM,
    OPTION_SOFT,
    OPTIONAL_ID,
    body,
    raw_body,
    variables,
)


def test_changed_words_are_marked_and_the_rest_is_kept():
    segments = diff_words("we ask the boss", "we demand the boss")
    assert [(s.op, s.text) for s in segments] == [
        ("equal", "we "),
        ("delete", "ask"),
        ("insert", "demand"),
        ("equal", " the boss"),
    ]


def test_adaptation_against_model_marks_filled_blanks_options_and_alternatives():
    adapted = render_text(
        body(),
        Answers(
            values=dict(ANSWERS),
            optional={OPTIONAL_ID: True},
            alternatives={ALTERNATIVES_ID: OPTION_FIRM},
        ),
        variables=variables(),
    )
    diffs = diff_blocks(model_text(body(), variables=variables()), adapted)
    statuses = [d.status for d in diffs]
    assert statuses == ["changed", "same", "added", "chosen", "changed"]
    assert "<del>[Local]</del><ins>Harbor Valley Local 1017</ins>" in diffs[0].html
    # The other alternative is shown whole against the model's default, not word by word.
    assert diffs[3].new.text == "RESOLVED that we demand Harbor Valley Medical Center refuse entry;"
    assert diffs[3].old.text == "RESOLVED that we ask [Employer] to refuse entry;"
    assert [d.number for d in diffs] == ["1", "2", "3", "4", "5"]


def test_removed_block_and_html_is_escaped():
    old = [
        RenderedBlock(key="a", kind="p", text="<b>keep</b>", number="1"),
        RenderedBlock(key="b", kind="p", text="gone", number="2"),
    ]
    new = [RenderedBlock(key="a", kind="p", text="<b>keep</b> more", number="1")]
    diffs = diff_blocks(old, new)
    assert [d.status for d in diffs] == ["changed", "removed"]
    assert "&lt;b&gt;" in diffs[0].html and "<b>" not in diffs[0].html
    assert diffs[1].html == "<del>gone</del>"


def test_identical_texts_have_no_changes():
    document = model_text(body(), variables=variables())
    assert all(d.status == "same" for d in diff_blocks(document, document))


def _render_diff(diffs, language="en"):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        return render_to_string("documents/diff.html", {"diffs": diffs})


def _entries(html):
    """(number, text) of each entry of the rendered comparison, tags dropped."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", html, re.S)
    result = []
    for item in items:
        number = re.search(r'doc-diff__num">([^<]*)<', item).group(1)
        text = " ".join(re.sub(r"<[^>]+>", " ", item).split())
        result.append((number, text))
    return result


def test_comparison_shows_the_chosen_alternative_whole_in_english_and_spanish():
    adapted = render_text(
        body(),
        Answers(values=dict(ANSWERS), alternatives={ALTERNATIVES_ID: OPTION_FIRM}),
        variables=variables(),
    )
    diffs = diff_blocks(model_text(body(), variables=variables()), adapted)
    entries = _entries(_render_diff(diffs))
    chosen = next(text for _number, text in entries if "Chose:" in text)
    assert (
        "Chose: RESOLVED that we demand Harbor Valley Medical Center refuse entry; "
        "Instead of: RESOLVED that we ask [Employer] to refuse entry;"
    ) in chosen
    assert "<del>ask" not in _render_diff(diffs)  # no word diff of two unrelated sentences
    spanish = " ".join(_render_diff(diffs, "es").split())
    assert "Elegido:" in spanish and "En lugar de:" in spanish
    numbers = [number for number, _text in entries if number]
    assert len(numbers) == len(set(numbers))


def test_filled_blanks_in_the_same_alternative_stay_a_word_diff():
    answers = Answers(values=dict(ANSWERS), alternatives={ALTERNATIVES_ID: OPTION_FIRM})
    old = render_text(body(), answers, variables=variables())
    answers.values["employer"] = "Harbor Valley Clinic"
    new = render_text(body(), answers, variables=variables())
    (changed,) = [d for d in diff_blocks(old, new) if d.key.startswith(ALTERNATIVES_ID)]
    assert changed.status == "changed"
    assert "<del>Medical Center</del><ins>Clinic</ins>" in changed.html


def test_a_removed_paragraph_never_repeats_the_number_of_the_one_in_its_place():
    answers = Answers(values=dict(ANSWERS), optional={OPTIONAL_ID: True})
    old = render_text(body(), answers, variables=variables())  # the sanctuary team is 3
    new = render_text(body(), Answers(values=dict(ANSWERS)), variables=variables())
    entries = _entries(_render_diff(diff_blocks(old, new)))
    numbers = [number for number, _text in entries if number]
    assert numbers == ["1.", "2.", "3.", "4."]
    removed = next(text for number, text in entries if "sanctuary team" in text)
    assert removed.startswith("Removed")


def test_an_editor_changing_the_chosen_options_words_is_a_word_diff_not_another_choice():
    """What changed in the model since a steward adapted it: the same option, reworded by an
    editor, is marked word by word; only a different option is "Chose … instead of …"."""
    answers = Answers(values=dict(ANSWERS), alternatives={ALTERNATIVES_ID: OPTION_FIRM})
    old = render_text(body(), answers, variables=variables())
    raw = raw_body()
    firm = raw[-2]["value"]["options"][1]["value"]["content"][0]
    firm["value"] = firm["value"].replace("refuse entry", "refuse them entry")
    new = render_text(BODY.to_python(raw), answers, variables=variables())
    (reworded,) = [d for d in diff_blocks(old, new) if d.key.startswith(ALTERNATIVES_ID)]
    assert reworded.status == "changed"
    assert "<ins>them </ins>" in reworded.html or "<ins>them</ins>" in reworded.html
    # Stored blocks from before they named their option still tell a reworded option by its
    # model text, as they did: a different text there reads as another choice.
    legacy = [RenderedBlock.from_dict({**b.to_dict(), "option": ""}) for b in old.blocks]
    (then,) = [d for d in diff_blocks(legacy, new) if d.key.startswith(ALTERNATIVES_ID)]
    assert then.status == "chosen"
    # Choosing the other option is still the whole-sentence comparison.
    other = render_text(
        body(),
        Answers(values=dict(ANSWERS), alternatives={ALTERNATIVES_ID: OPTION_SOFT}),
        variables=variables(),
    )
    (chosen,) = [d for d in diff_blocks(old, other) if d.key.startswith(ALTERNATIVES_ID)]
    assert chosen.status == "chosen"
