"""wagtail-localize: translators get the texts, never the blanks' names or the number."""

from wagtail_localize.models import StringSegment, TranslationSource


def test_translation_source_offers_texts_but_not_variable_names(resolution):
    source, _created = TranslationSource.get_or_create_from_instance(resolution)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Meeting date" in strings  # a variable's label is translated
    assert "WHEREAS no worker should face immigration agents at work;" in strings
    assert "meeting_date" not in strings  # its name is not: the slots stay valid
    assert "R-1" not in strings  # the number is synchronised, not translated
