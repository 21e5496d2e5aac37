"""A small model text for the engine's tests, built from raw StreamField data."""

from documents.blocks import SlotHeadingBlock, SlotTextBlock, body_block
from documents.variables import VariablesBlock

PARAGRAPHS = [
    ("heading", SlotHeadingBlock()),
    ("whereas", SlotTextBlock()),
    ("resolved", SlotTextBlock()),
]
BODY = body_block(PARAGRAPHS)
VARIABLES = VariablesBlock()

OPTIONAL_ID = "11111111-1111-4111-8111-111111111111"
ALTERNATIVES_ID = "22222222-2222-4222-8222-222222222222"
OPTION_SOFT = "33333333-3333-4333-8333-333333333333"
OPTION_FIRM = "44444444-4444-4444-8444-444444444444"


def raw_variables(*extra):
    return [
        {
            "type": "variable",
            "id": "v1",
            "value": {"name": "local_name", "type": "local", "label": "Local", "required": True},
        },
        {
            "type": "variable",
            "id": "v2",
            "value": {"name": "employer", "type": "employer", "label": "Employer"},
        },
        {
            "type": "variable",
            "id": "v3",
            "value": {
                "name": "meeting_date",
                "type": "date",
                "label": "Meeting date",
                "required": True,
            },
        },
        {
            "type": "variable",
            "id": "v4",
            "value": {
                "name": "team_size",
                "type": "number",
                "label": "Team size",
                "required": False,
                "default": "5",
            },
        },
        *extra,
    ]


def variables(*extra):
    return VARIABLES.to_python(raw_variables(*extra))


FIRST = "WHEREAS {{ local_name }} represents the workers of {{ employer }};"


def raw_body(first_whereas=FIRST):
    return [
        {"type": "whereas", "id": "p1", "value": first_whereas},
        {
            "type": "whereas",
            "id": "p2",
            "value": "WHEREAS no worker should face immigration agents at work;",
        },
        {
            "type": "optional",
            "id": OPTIONAL_ID,
            "value": {
                "label": "Sanctuary team",
                "help": "",
                "default_on": False,
                "content": [
                    {
                        "type": "resolved",
                        "id": "p3",
                        "value": "RESOLVED that we form a sanctuary team of {{ team_size }};",
                    }
                ],
            },
        },
        {
            "type": "alternatives",
            "id": ALTERNATIVES_ID,
            "value": {
                "label": "How firm",
                "help": "",
                "options": [
                    {
                        "type": "item",
                        "id": OPTION_SOFT,
                        "value": {
                            "label": "Ask",
                            "content": [
                                {
                                    "type": "resolved",
                                    "id": "p4",
                                    "value": "RESOLVED that we ask {{ employer }} to refuse entry;",
                                }
                            ],
                        },
                    },
                    {
                        "type": "item",
                        "id": OPTION_FIRM,
                        "value": {
                            "label": "Demand",
                            "content": [
                                {
                                    "type": "resolved",
                                    "id": "p5",
                                    "value": "RESOLVED that we demand {{ employer }} refuse entry;",
                                }
                            ],
                        },
                    },
                ],
            },
        },
        {
            "type": "resolved",
            "id": "p6",
            "value": "RESOLVED that this was adopted on {{ meeting_date }}.",
        },
    ]


def body(first_whereas=FIRST):
    return BODY.to_python(raw_body(first_whereas))


ANSWERS = {
    "local_name": "Harbor Valley Local 1017",
    "employer": "Harbor Valley Medical Center",
    "meeting_date": "2027-02-03",
}
