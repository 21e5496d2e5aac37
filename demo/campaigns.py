"""Demo content for days of action: one day, in English and Spanish, with about 150
endorsements from fictional organisations across types, regions and statuses."""

import datetime
import random

from django.utils import timezone

from campaigns.models import DayOfActionIndexPage, DayOfActionPage, Endorsement
from campaigns.services import EndorsementData, _apply
from campaigns.signals import organizers_group
from demo.pages import child_page, translation_of
from unions.models import Local, Role

DAY_EN = {
    "title": "No Work, No School, No Shopping",
    "intro": (
        "One day when immigrant workers and everyone who stands with them stay off the job, "
        "out of class and out of the stores, to show what our towns are without us."
    ),
    "call": (
        "<p>Raids at the Quickline warehouse and the FreshWay stores have taken parents from "
        "their children and coworkers from their crews. The employers called it cooperation. "
        "We call it fear, and fear is bad for every worker in this valley.</p>"
        "<p>On this day we do not work, we do not go to class and we do not buy. Locals, "
        "councils, congregations and student groups: sign on, tell us what your members "
        "will do, and we will show the count to anyone who asks who is with us.</p>"
    ),
    "demands": [
        (
            "No immigration agents on the job without a judicial warrant",
            "Every employer in the valley signs the standard warrant protocol.",
        ),
        (
            "Paid release time for sanctuary teams",
            "Stewards trained to respond to a raid are paid for the time it takes.",
        ),
        (
            "No retaliation against anyone who takes part",
            "Nobody is disciplined, docked or reported for joining the day of action.",
        ),
    ],
    "how_to_take_part": (
        "<ul><li>Endorse on this page, with the pledge your organisation can keep.</li>"
        "<li>Hold a meeting before the day and decide who walks out, who closes, who marches.</li>"
        "<li>Bring your banner to the rally at Riverbend Plaza at noon.</li></ul>"
    ),
}

DAY_ES = {
    "title": "Sin trabajo, sin escuela, sin compras",
    "intro": (
        "Un día en que los trabajadores inmigrantes, y todos los que están con ellos, no van "
        "al trabajo, ni a clases, ni a las tiendas, para mostrar qué son nuestros pueblos sin "
        "nosotros."
    ),
    "call": (
        "<p>Las redadas en el almacén de Quickline y en las tiendas FreshWay se llevaron a "
        "padres y madres de sus hijos y a compañeros de sus cuadrillas. Las empresas lo "
        "llamaron cooperación. Nosotros lo llamamos miedo, y el miedo perjudica a todos los "
        "trabajadores de este valle.</p>"
        "<p>Ese día no trabajamos, no vamos a clases y no compramos. Locales, consejos, "
        "congregaciones y grupos estudiantiles: súmense, díganos qué harán sus miembros y "
        "mostraremos la cuenta a quien pregunte quién está con nosotros.</p>"
    ),
    "demands": [
        (
            "Ningún agente de inmigración en el trabajo sin una orden judicial",
            "Todas las empresas del valle firman el protocolo de órdenes judiciales.",
        ),
        (
            "Tiempo pagado para los equipos santuario",
            "Los delegados capacitados para responder a una redada cobran el tiempo que les toma.",
        ),
        (
            "Ninguna represalia contra quien participe",
            "Nadie recibe sanciones, descuentos ni denuncias por sumarse al día de acción.",
        ),
    ],
    "how_to_take_part": (
        "<ul><li>Respalden en esta página, con el compromiso que su organización pueda "
        "cumplir.</li><li>Hagan una reunión antes del día y decidan quién sale, quién cierra "
        "y quién marcha.</li><li>Traigan su manta al mitin en la Plaza Riverbend al "
        "mediodía.</li></ul>"
    ),
}

PLACES = [
    ("Port Alder", "California"),
    ("Cedar Plains", "Texas"),
    ("Mesa Verde", "Arizona"),
    ("Lakeshore", "Illinois"),
    ("Riverbend", "Oregon"),
    ("Granite Hollow", "Washington"),
    ("Fairhaven Springs", "Colorado"),
    ("Juniper Flats", "New Mexico"),
    ("North Kettle", "Minnesota"),
    ("Saltmarsh", "Georgia"),
]
COMMUNITY = [
    "Tenants Union",
    "Day Laborer Center",
    "Mutual Aid Network",
    "Parents Committee",
    "Immigrant Rights Coalition",
    "Food Bank Volunteers",
    "Legal Observers Collective",
    "Neighborhood Assembly",
    "Worker Center",
    "Rapid Response Network",
]
FAITH = [
    "Parish Social Justice Committee",
    "Friends Meeting",
    "Interfaith Clergy Circle",
    "Methodist Fellowship",
    "Islamic Center Outreach",
    "Lutheran Sanctuary Team",
    "Congregation Tikkun Committee",
    "Comunidad de Fe Esperanza",
]
STUDENT = [
    "Student Union",
    "Students for Workers",
    "Raíces Student Collective",
    "Graduate Workers Caucus",
    "High School Walkout Committee",
    "Community College Dreamers Club",
]
OTHER = [
    "Small Business Alliance",
    "Musicians Collective",
    "Nurses for Neighbors",
    "Cooperative Bakery",
    "Public Library Friends",
]
STATEMENTS = [
    "Our members keep this town running. On the day, they keep it still.",
    "We will close the doors and open the hall for families who need a place to be.",
    "Nuestra gente no se esconde. Ese día salimos juntos.",
    "Every shift we miss is a message to the employers who called the agents in.",
    "",
    "",
    "We are bringing the drums.",
]
# Weighted statuses: most approved, some still moving through the queue.
STATUSES = (
    [Endorsement.Status.APPROVED] * 14
    + [Endorsement.Status.PENDING_REVIEW] * 3
    + [Endorsement.Status.PENDING_CONFIRMATION] * 1
    + [Endorsement.Status.REJECTED] * 1
    + [Endorsement.Status.WITHDRAWN] * 1
)
PLEDGES = ["endorse"] * 3 + ["promote"] * 3 + ["mobilize"] * 3 + ["job_action"] * 2


def demo_organisations(rng: random.Random) -> list[EndorsementData]:
    """About 150 fictional organisations; deterministic for a given seed."""
    out = []
    # Union locals of the demo affiliations, most of them not in the locals table, so the
    # dashboard's roll-up shows known locals in and out.
    for short, numbers in (
        ("UHCW", range(1001, 1040, 2)),
        ("FWRU", range(400, 440, 2)),
        ("BSA", range(220, 250, 2)),
    ):
        for number in numbers:
            city, region = rng.choice(PLACES)
            out.append(
                EndorsementData(
                    organisation_name=f"{short} Local {number}",
                    organisation_type="union_local",
                    affiliation_name=short,
                    local_number=str(number),
                    city=city,
                    region=region,
                    members_represented=rng.randrange(80, 4000, 10),
                    pledge_level=rng.choice(PLEDGES),
                    statement=rng.choice(STATEMENTS),
                    contact_name="Demo Contact",
                    contact_title="President",
                    contact_email=f"local{number}.{short.lower()}@demo.unionhall.test",
                )
            )
    for short, number in (
        ("UHCW", "1017"),
        ("UHCW", "88"),
        ("FWRU", "412"),
        ("FWRU", "7"),
        ("BSA", "230"),
    ):
        out.append(
            EndorsementData(
                organisation_name=f"{short} Local {number}",
                organisation_type="union_local",
                affiliation_name=short,
                local_number=number,
                city="",
                region="",
                members_represented=rng.randrange(300, 4000, 10),
                pledge_level="job_action",
                statement="Our stewards are ready.",
                contact_name="Demo Contact",
                contact_title="Chief steward",
                contact_email=f"local{number}.{short.lower()}@demo.unionhall.test",
            )
        )
    out.append(
        EndorsementData(
            organisation_name="Riverbend County Labor Council",
            organisation_type="labor_council",
            affiliation_name="RCLC",
            city="Riverbend",
            region="Oregon",
            members_represented=28500,
            pledge_level="mobilize",
            statement="Forty-one affiliates, one message: hands off our coworkers.",
            contact_name="Demo Contact",
            contact_title="Secretary-treasurer",
            contact_email="council@demo.unionhall.test",
        )
    )
    for kind, names in (
        ("community", COMMUNITY),
        ("faith", FAITH),
        ("student", STUDENT),
        ("other", OTHER),
    ):
        for name in names:
            for city, region in rng.sample(PLACES, 3):
                out.append(
                    EndorsementData(
                        organisation_name=f"{city} {name}",
                        organisation_type=kind,
                        city=city,
                        region=region,
                        members_represented=rng.choice([None, rng.randrange(10, 900, 5)]),
                        pledge_level=rng.choice(PLEDGES),
                        statement=rng.choice(STATEMENTS),
                        contact_name="Demo Contact",
                        contact_title="Coordinator",
                        contact_email=f"{kind}{len(out)}@demo.unionhall.test",
                    )
                )
    return out


def seed(*, home, stdout) -> None:
    index = child_page(
        home,
        DayOfActionIndexPage,
        slug="days-of-action",
        title="Days of action",
        intro="Days when we act together, and who has signed on.",
        show_in_menus=True,
    )
    translation_of(
        index,
        "es",
        title="Días de acción",
        intro="Días en que actuamos juntos, y quiénes se han sumado.",
    )
    date = timezone.localdate() + datetime.timedelta(days=21)
    fields = {k: v for k, v in DAY_EN.items() if k != "demands"}
    fields["demands"] = [
        {"type": "demand", "value": {"title": t, "detail": d}} for t, d in DAY_EN["demands"]
    ]
    day = child_page(
        index,
        DayOfActionPage,
        slug="no-work-no-school-no-shopping",
        date=date,
        reminder_days_before=3,
        **fields,
    )
    es_fields = {k: v for k, v in DAY_ES.items() if k != "demands"}
    es_fields["demands"] = [
        {"type": "demand", "value": {"title": t, "detail": d}} for t, d in DAY_ES["demands"]
    ]
    translation_of(day, "es", **es_fields)

    # Local 1017 organizes the demo day, so the demo organizer (Marco) sees its contacts.
    if day.owner_local_id is None:
        day.owner_local = Local.objects.filter(number="1017").order_by("pk").first()
        day.save_revision().publish()

    # Organizers reach the review queue through the Wagtail admin.
    for role in Role.objects.filter(kind=Role.Kind.ORGANIZER).select_related("user"):
        role.user.groups.add(organizers_group())

    if Endorsement.objects.filter(day=day).exists():
        stdout.write("Days of action: demo endorsements already there.\n")
        return
    rng = random.Random(1917)
    now = timezone.now()
    rows = []
    for data in demo_organisations(rng):
        status = rng.choice(STATUSES)
        endorsement = Endorsement(day=day, status=status, language=rng.choice(["en", "en", "es"]))
        _apply(endorsement, data.cleaned())
        endorsement.new_link_secret()
        submitted = now - datetime.timedelta(hours=rng.randrange(1, 24 * 14))
        if status != Endorsement.Status.PENDING_CONFIRMATION:
            endorsement.confirmed_at = submitted + datetime.timedelta(minutes=rng.randrange(5, 600))
        if status == Endorsement.Status.APPROVED:
            endorsement.approved_at = min(
                now, submitted + datetime.timedelta(hours=rng.randrange(1, 30))
            )
        if status == Endorsement.Status.REJECTED:
            endorsement.rejection_reason = "We could not confirm this organisation exists."
        if status == Endorsement.Status.WITHDRAWN:
            endorsement.withdrawn_at = now
        endorsement.submitted_at = submitted
        rows.append(endorsement)
    # Names typed two ways can meet one identity; keep the first, as the constraint would.
    seen, unique_rows = set(), []
    for row in rows:
        live = row.status in Endorsement.LIVE_STATUSES
        if live and row.identity_key in seen:
            continue
        if live:
            seen.add(row.identity_key)
        unique_rows.append(row)
    intended = [row.submitted_at for row in unique_rows]
    created = Endorsement.objects.bulk_create(unique_rows)
    # auto_now_add stamped every row "now"; put the spread back so the chart has a history.
    for row, submitted in zip(created, intended, strict=True):
        Endorsement.objects.filter(pk=row.pk).update(submitted_at=submitted)
    stdout.write(f"Days of action: {len(created)} demo endorsements.\n")
