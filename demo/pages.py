"""Demo content for the home app, and the helpers every app's `demo.py` uses.

Each app with demo content has `<app>/demo.py` with `seed(*, home: HomePage, stdout) -> None`.
Seeding is idempotent: every helper finds what exists before creating anything.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from unions.models import Affiliation, Local, Role, Workplace

DEMO_PASSWORD = "union-hall-demo"  # noqa: S105  (printed for the demo; never used in production)
# A fixed TOTP secret, so a newcomer can add the demo accounts to an authenticator app.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPUNIONHALLDEMO234"  # noqa: S105


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def child_page(parent: Page, model: type[Page], *, slug: str, **fields) -> Page:
    """The child of `parent` with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translation_of(page: Page, code: str, **fields) -> Page:
    """The page's translation into `code`, created from a copy and published if missing."""
    target = locale(code)
    existing = page.get_translation_or_none(target)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(target)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    return copy


HOME_EN = {
    "title": "Union Hall",
    "intro": (
        "Tools for stewards, coworkers and organizers: write the resolution, sign the "
        "petition, count who is in for the day of action. Nothing here is shared with "
        "anyone who is not on our side of the table."
    ),
    "body": [
        {
            "type": "jobs",
            "value": {
                "heading": "Three jobs, one hall",
                "jobs": [
                    {
                        "title": "Model resolutions and contract language",
                        "text": (
                            "Start from tested language to keep immigration agents off the "
                            "shop floor without a judicial warrant. Fill in your local and "
                            "employer, switch clauses on or off, print it for the meeting in "
                            "English or Spanish, and tell us how the vote went."
                        ),
                        "link_page": None,
                        "link_text": "",
                    },
                    {
                        "title": "Workplace petitions",
                        "text": (
                            "Coworkers sign from a phone, confirm by email and choose how their "
                            "name is shown: in full, first name and initial, or not at all. "
                            "Anyone can withdraw later."
                        ),
                        "link_page": None,
                        "link_text": "",
                    },
                    {
                        "title": "Days of action",
                        "text": (
                            "Locals, councils, congregations and student groups sign on to a "
                            "day of action with a pledge, from a simple endorsement to a job "
                            "action. Organizers see the count grow, hour by hour."
                        ),
                        "link_page": None,
                        "link_text": "",
                    },
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "title": "Your privacy",
                "text": (
                    "<p>We ask for the least we can. We never ask about immigration status, "
                    "never load anything from other companies' servers, and never publish a "
                    "signer list. Signer data is deleted when a petition's time is up.</p>"
                ),
            },
        },
    ],
}

HOME_ES = {
    "title": "Union Hall",
    "intro": (
        "Herramientas para delegados, compañeros de trabajo y organizadores: redacten la "
        "resolución, firmen la petición, cuenten quién se suma al día de acción. Nada de "
        "esto se comparte con nadie que no esté de nuestro lado de la mesa."
    ),
    "body": [
        {
            "type": "jobs",
            "value": {
                "heading": "Tres tareas, un solo local",
                "jobs": [
                    {
                        "title": "Resoluciones modelo y lenguaje de contrato",
                        "text": (
                            "Partan de un texto probado para que los agentes de inmigración no "
                            "entren al lugar de trabajo sin una orden judicial. Pongan el nombre "
                            "de su local y de la empresa, activen o quiten cláusulas, impriman "
                            "el texto para la asamblea en español o en inglés, y cuéntennos "
                            "cómo salió la votación."
                        ),
                        "link_page": None,
                        "link_text": "",
                    },
                    {
                        "title": "Peticiones en el trabajo",
                        "text": (
                            "Los compañeros firman desde el teléfono, confirman por correo y "
                            "eligen cómo se muestra su nombre: completo, nombre e inicial, o "
                            "nada. Cualquiera puede retirar su firma después."
                        ),
                        "link_page": None,
                        "link_text": "",
                    },
                    {
                        "title": "Días de acción",
                        "text": (
                            "Locales, consejos laborales, congregaciones y grupos estudiantiles "
                            "se suman a un día de acción con un compromiso, desde el simple "
                            "respaldo hasta una acción en el trabajo. Los organizadores ven "
                            "crecer la cuenta hora por hora."
                        ),
                        "link_page": None,
                        "link_text": "",
                    },
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "title": "Su privacidad",
                "text": (
                    "<p>Pedimos lo mínimo posible. Nunca preguntamos por el estatus migratorio, "
                    "nunca cargamos nada desde servidores de otras empresas y nunca publicamos "
                    "una lista de firmantes. Los datos de quienes firman se borran cuando se "
                    "cumple el plazo de la petición.</p>"
                ),
            },
        },
    ],
}

AFFILIATIONS = [
    ("United Hospital and Care Workers", "UHCW", Affiliation.Kind.INTERNATIONAL),
    ("Food, Warehouse and Retail Union", "FWRU", Affiliation.Kind.INTERNATIONAL),
    ("Building Services Alliance", "BSA", Affiliation.Kind.NATIONAL),
    ("Riverbend County Labor Council", "RCLC", Affiliation.Kind.LABOR_COUNCIL),
]

LOCALS = [
    # affiliation short name, number, name, city, region, members
    ("UHCW", "1017", "Harbor Valley Hospital Workers", "Port Alder", "California", 2140),
    ("UHCW", "88", "Cedar Plains Nursing Home Staff", "Cedar Plains", "Texas", 460),
    ("FWRU", "412", "Mesa Distribution Workers", "Mesa Verde", "Arizona", 1320),
    ("FWRU", "7", "Lakeshore Grocery Clerks", "Lakeshore", "Illinois", 3875),
    ("BSA", "230", "Riverbend Janitors and Porters", "Riverbend", "Oregon", 910),
]

WORKPLACES = [
    ("1017", "Harbor Valley Medical Center", "Main campus", "Port Alder"),
    ("1017", "Harbor Valley Medical Center", "North clinic", "Port Alder"),
    ("412", "Quickline Logistics", "Mesa fulfilment centre", "Mesa Verde"),
    ("7", "FreshWay Markets", "Store 12", "Lakeshore"),
    ("230", "Brightside Facility Services", "Riverbend office towers", "Riverbend"),
    ("88", "Cedar Plains Care Home", "", "Cedar Plains"),
]

DEMO_USERS = [
    # email, first name, superuser, roles as (local number, kind)
    ("admin@unionhall.test", "Ada", True, []),
    (
        "steward@unionhall.test",
        "Rosa",
        False,
        [("1017", Role.Kind.STEWARD), ("412", Role.Kind.STEWARD)],
    ),
    (
        "organizer@unionhall.test",
        "Marco",
        False,
        [("1017", Role.Kind.ORGANIZER), ("230", Role.Kind.ORGANIZER)],
    ),
]


def seed_pages() -> HomePage:
    home = HomePage.objects.filter(locale=locale("en")).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            # Wagtail's migrations make the root page; a flushed database (transactional
            # tests) has none.
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale("en")))
        # Wagtail's own welcome page takes the slug "home"; ours replaces it.
        for welcome in root.get_children().exclude(content_type__model="homepage"):
            welcome.delete()
        home = HomePage(slug="home", locale=locale("en"), **HOME_EN)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Union Hall",
        },
    )
    translation_of(home, "es", **HOME_ES)
    return home


def seed_unions() -> dict[str, Local]:
    affiliations = {}
    for name, short, kind in AFFILIATIONS:
        affiliations[short], _ = Affiliation.objects.get_or_create(
            name=name, defaults={"short_name": short, "kind": kind}
        )
    locals_by_number = {}
    for short, number, name, city, region, members in LOCALS:
        locals_by_number[number], _ = Local.objects.get_or_create(
            affiliation=affiliations[short],
            number=number,
            defaults={"name": name, "city": city, "region": region, "members": members},
        )
    for number, employer, site, city in WORKPLACES:
        Workplace.objects.get_or_create(
            local=locals_by_number[number], employer=employer, site=site, defaults={"city": city}
        )
    return locals_by_number


def seed_users(locals_by_number: dict[str, Local]) -> list[tuple[str, str]]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    User = get_user_model()
    printed = []
    for email, first_name, superuser, roles in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                username=email.split("@")[0],
                email=email,
                password=DEMO_PASSWORD,
                first_name=first_name,
                is_staff=superuser,
                is_superuser=superuser,
            )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        codes = RecoveryCodes.activate(user).get_unused_codes()
        for number, kind in roles:
            Role.objects.get_or_create(user=user, local=locals_by_number[number], kind=kind)
        printed.append((email, codes[0] if codes else ""))
    return printed


# Which section each of the home page's three jobs links to, in order.
JOB_LINKS = [
    "resolutions.ResolutionIndexPage",
    "petitions.PetitionIndexPage",
    "campaigns.DayOfActionIndexPage",
]


def link_jobs(home: HomePage) -> None:
    """Point each job on the home page (in every language) at its section, once the apps
    have made their index pages."""
    from django.apps import apps

    for page in [home, *home.get_translations().specific()]:
        body = page.body.raw_data
        changed = False
        for block in body:
            if block["type"] != "jobs":
                continue
            for job, label in zip(block["value"]["jobs"], JOB_LINKS, strict=False):
                job_value = job.get("value", job)
                if job_value.get("link_page"):
                    continue
                model = apps.get_model(label)
                target = model.objects.live().filter(locale=page.locale).first()
                if target is not None:
                    job_value["link_page"] = target.pk
                    job_value["link_text"] = target.title
                    changed = True
        if changed:
            page.body = body
            page.save_revision().publish()


@transaction.atomic
def seed_all(stdout) -> list[tuple[str, str]]:
    from demo import campaigns, contracts, petitions, resolutions

    home = seed_pages()
    locals_by_number = seed_unions()
    logins = seed_users(locals_by_number)
    for seeder in (resolutions, contracts, petitions, campaigns):
        seeder.seed(home=home, stdout=stdout)
    link_jobs(home)
    return logins
