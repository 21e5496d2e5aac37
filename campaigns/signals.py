"""Organizers reach the review queue and dashboard through the Wagtail admin, which
requires the `wagtailadmin.access_admin` permission. An organizer role grants it through
the "Organizers" group; losing the last organizer role takes it away."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from unions.models import Role

GROUP_NAME = "Organizers"


def organizers_group() -> Group:
    group, created = Group.objects.get_or_create(name=GROUP_NAME)
    if created or not group.permissions.filter(codename="access_admin").exists():
        permission = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group


@receiver(post_save, sender=Role, dispatch_uid="campaigns_organizer_admin_access")
def organizer_gets_admin_access(sender, instance: Role, **kwargs) -> None:
    if instance.kind == Role.Kind.ORGANIZER:
        instance.user.groups.add(organizers_group())


@receiver(post_delete, sender=Role, dispatch_uid="campaigns_organizer_admin_access_removed")
def organizer_loses_admin_access(sender, instance: Role, **kwargs) -> None:
    if instance.kind != Role.Kind.ORGANIZER:
        return
    if not Role.objects.filter(user_id=instance.user_id, kind=Role.Kind.ORGANIZER).exists():
        group = Group.objects.filter(name=GROUP_NAME).first()
        if group is not None:
            group.user_set.remove(instance.user_id)
