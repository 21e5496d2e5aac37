"""Spreadsheet exports: every cell passes through `neutralise` before it is written."""

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe: text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unneutralise(text: str) -> str:
    """The cell as it was before `neutralise`: an apostrophe it added comes off again.

    Only an apostrophe followed by a formula start can be ours; any other stays.
    """
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
