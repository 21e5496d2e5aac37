"""Block-by-block diff with changed words marked."""

from documents.diff import diff_blocks, diff_words
from documents.engine import Answers, RenderedBlock, model_text, render_text

from .helpers import ALTERNATIVES_ID, ANSWERS, OPTION_FIRM, OPTIONAL_ID, body, variables


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
    assert statuses == ["changed", "same", "added", "changed", "changed"]
    assert "<del>[Local]</del><ins>Harbor Valley Local 1017</ins>" in diffs[0].html
    assert "<ins>demand" in diffs[3].html


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
