"""Affiliations, locals, workplaces, and who is steward or organizer where."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Affiliation(models.Model):
    """An international or national union, a federation or a labor council."""

    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International union")
        NATIONAL = "national", _("National union")
        FEDERATION = "federation", _("Federation")
        LABOR_COUNCIL = "labor_council", _("Labor council")
        INDEPENDENT = "independent", _("Independent union")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.INTERNATIONAL)

    class Meta:
        ordering = ["name"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(Lower("name"), name="unions_affiliation_unique_name"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Local(models.Model):
    """A local union: the unit that adopts resolutions, runs petitions and endorses."""

    affiliation = models.ForeignKey(
        Affiliation,
        verbose_name=_("affiliation"),
        on_delete=models.PROTECT,
        related_name="locals",
    )
    number = models.CharField(_("local number"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    region = models.CharField(_("region or state"), max_length=120)
    country = models.CharField(_("country"), max_length=2, default="US")
    members = models.PositiveIntegerField(_("members"), default=0)

    class Meta:
        ordering = ["affiliation__name", "number"]
        verbose_name = _("local")
        verbose_name_plural = _("locals")
        constraints = [
            models.UniqueConstraint(
                "affiliation", Lower("number"), name="unions_local_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.affiliation} Local {self.number}, {self.name}"

    @property
    def display_name(self) -> str:
        return f"{self.affiliation} Local {self.number}"


class Workplace(models.Model):
    """An employer's site, represented by a local."""

    employer = models.CharField(_("employer"), max_length=200)
    site = models.CharField(_("site"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.CASCADE, related_name="workplaces"
    )

    class Meta:
        ordering = ["employer", "site"]
        verbose_name = _("workplace")
        verbose_name_plural = _("workplaces")
        constraints = [
            models.UniqueConstraint(
                "local", Lower("employer"), Lower("site"), name="unions_workplace_unique_site"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employer} – {self.site}" if self.site else self.employer


class Role(models.Model):
    """A person's standing in a local: steward or organizer."""

    class Kind(models.TextChoices):
        STEWARD = "steward", _("Steward")
        ORGANIZER = "organizer", _("Organizer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="union_roles",
    )
    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("role"), max_length=20, choices=Kind)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["local", "kind"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "local", "kind"], name="unions_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.local.display_name}"
