"""The petition index's rows: each listed petition with its count from the cached tally."""

from django import template

from petitions.models import PetitionPage
from petitions.selectors import PetitionTally, petition_tallies

register = template.Library()


@register.simple_tag
def petition_rows(petitions: list[PetitionPage]) -> list[tuple[PetitionPage, PetitionTally]]:
    """(petition, tally) for each petition, the tallies read together (one cache round
    trip), so the index costs the same few queries however many petitions it lists."""
    tallies = petition_tallies(petitions)
    return [(petition, tallies[petition.pk]) for petition in petitions]
