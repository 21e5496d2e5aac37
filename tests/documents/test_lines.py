"""Printed lines break at whole words, at a fixed width, and are numbered from 1 per document."""

from documents.engine import RenderedBlock
from documents.lines import line_spans, lines_by_block, number_lines

WHEREAS = (
    "Whereas immigration agents have entered workplaces in our region without a judicial warrant "
    "and questioned coworkers on shift; and"
)


def test_lines_never_pass_the_width_and_lose_no_words():
    spans = line_spans(WHEREAS, 40)
    lines = [WHEREAS[start:end] for start, end in spans]
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(lines).split() == WHEREAS.split()
    assert lines[0] == "Whereas immigration agents have entered"


def test_a_typed_break_ends_a_line_and_a_long_word_is_not_cut():
    text = "First line\n" + "x" * 90 + " tail"
    lines = [text[start:end] for start, end in line_spans(text, 40)]
    assert lines == ["First line", "x" * 90, "tail"]


def test_numbers_run_across_blocks_and_restart_per_document():
    blocks = [
        RenderedBlock(key="h", kind="heading", text="Keep ICE out", heading=True),
        RenderedBlock(key="w1", kind="whereas", text=WHEREAS, number="1"),
        RenderedBlock(key="r1", kind="resolved", text="Resolved, that we act.", number="2"),
    ]
    lines = number_lines(blocks, 40)
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    grouped = lines_by_block(lines)
    assert [line.paragraph for line in grouped["w1"]] == ["1"] * len(grouped["w1"])
    assert grouped["r1"][0].text == "Resolved, that we act."
    assert grouped["r1"][0].number == len(lines)
    # The same text numbers the same way every time, and a second document starts at 1.
    assert number_lines(blocks, 40) == lines
    assert number_lines(blocks[1:], 40)[0].number == 1
    # Offsets point back into the block's own text.
    for line in grouped["w1"]:
        assert WHEREAS[line.start : line.end] == line.text
