"""Helpers for contract language tests: PDF and DOCX text, and a small clause of our own."""

import io


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def variable(name, kind="text", label="", default="", required=True):
    return {
        "type": "variable",
        "value": {
            "name": name,
            "type": kind,
            "label": label or name.replace("_", " ").capitalize(),
            "help": "",
            "default": default,
            "required": required,
            "choices": "",
            "max_length": None,
        },
    }


def section(text):
    return {"type": "section", "value": text}


def optional(label, texts, default_on=False):
    return {
        "type": "optional",
        "value": {
            "label": label,
            "help": "",
            "default_on": default_on,
            "content": [section(t) for t in texts],
        },
    }
