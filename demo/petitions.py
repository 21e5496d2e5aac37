"""Demo petitions: two open petitions at fictional workplaces, in English and Spanish,
with a few hundred demo signatures, and one unlisted petition shown under a code name.
Idempotent, and runs on SQLite."""

import datetime
import random

from django.utils import timezone

from demo.pages import child_page, translation_of
from demo.paper import seed_paper
from petitions import services
from petitions.models import PetitionIndexPage, PetitionPage, Signature
from unions.models import Local, Workplace

FIRST = [
    "Ana",
    "Luis",
    "María",
    "José",
    "Carmen",
    "Jorge",
    "Rosa",
    "Miguel",
    "Lucía",
    "Pedro",
    "Grace",
    "Sam",
    "Aisha",
    "Tom",
    "Mei",
    "Kofi",
    "Priya",
    "Dan",
    "Olga",
    "Ibrahim",
    "Teresa",
    "Hector",
    "Nadia",
    "Ray",
    "Esperanza",
    "Kim",
    "Yusuf",
    "Alma",
    "Victor",
    "June",
]
LAST = [
    "Delgado",
    "Okafor",
    "Nguyen",
    "Ramírez",
    "Castillo",
    "Moreau",
    "Haddad",
    "Lindqvist",
    "Torres",
    "Ortega",
    "Mensah",
    "Park",
    "Quispe",
    "Santos",
    "Reyes",
    "Baptiste",
    "Ibarra",
    "Kowalski",
    "Flores",
    "Duarte",
]

HOSPITAL = {
    "slug": "no-ice-on-our-hospital-floors",
    "en": {
        "title": "No ICE on our hospital floors without a judicial warrant",
        "summary": (
            "Patients must be able to come to Harbor Valley without fear, and so must the "
            "people who care for them."
        ),
        "addressed_to": "The Chief Executive of Harbor Valley Medical Center",
        "demand": (
            "<p>We, the workers of Harbor Valley Medical Center, ask management to adopt a "
            "written policy that:</p><ul><li>keeps immigration agents out of patient floors, "
            "break rooms and locker rooms unless they present a warrant signed by a judge;"
            "</li><li>sends any agent who arrives to a trained administrator, never to a "
            "nurse, aide or housekeeper;</li><li>tells the union at once when agents come "
            "on site.</li></ul>"
        ),
        "departments": (
            "Nursing\nEnvironmental services\nDietary\nPatient transport\nLaboratory\nAdmissions"
        ),
    },
    "es": {
        "title": "Nada de ICE en los pisos del hospital sin orden judicial",
        "summary": (
            "Los pacientes deben poder venir a Harbor Valley sin miedo, y también quienes "
            "los cuidan."
        ),
        "addressed_to": "La dirección general de Harbor Valley Medical Center",
        "demand": (
            "<p>Nosotros, los trabajadores de Harbor Valley Medical Center, pedimos a la "
            "gerencia que adopte por escrito una política que:</p><ul><li>no deje entrar a "
            "agentes de inmigración a los pisos de pacientes, salas de descanso ni "
            "vestidores sin una orden firmada por un juez;</li><li>mande a cualquier agente "
            "que llegue con un administrador capacitado, nunca con una enfermera, auxiliar o "
            "personal de limpieza;</li><li>avise al sindicato de inmediato cuando lleguen "
            "agentes.</li></ul>"
        ),
    },
    "local": "1017",
    "employer": "Harbor Valley Medical Center",
    "goal": 500,
    "signatures": 320,
}

WAREHOUSE = {
    "slug": "water-shade-and-rest-at-mesa",
    "en": {
        "title": "Water, shade and rest at the Mesa fulfilment centre",
        "summary": "Last summer the dock hit 104°F. We want a heat plan before the next one.",
        "addressed_to": "The site manager, Quickline Logistics Mesa",
        "demand": (
            "<p>We ask Quickline Logistics to agree a heat plan with our union before June: "
            "cool water at every dock door, a shaded rest area, a paid ten-minute break every "
            "hour when the dock is above 90°F, and no discipline for anyone who stops to "
            "cool down.</p>"
        ),
        "departments": "Inbound\nOutbound\nPicking\nPacking\nMaintenance",
    },
    "es": {
        "title": "Agua, sombra y descanso en el centro de Mesa",
        "summary": (
            "El verano pasado el muelle llegó a 40 °C. Queremos un plan contra el calor "
            "antes del próximo."
        ),
        "addressed_to": "La gerencia del sitio, Quickline Logistics Mesa",
        "demand": (
            "<p>Pedimos a Quickline Logistics que acuerde con nuestro sindicato un plan "
            "contra el calor antes de junio: agua fresca en cada puerta del muelle, un área "
            "de descanso con sombra, un descanso pagado de diez minutos cada hora cuando el "
            "muelle pase de 32 °C, y ninguna sanción para quien pare a refrescarse.</p>"
        ),
    },
    "local": "412",
    "employer": "Quickline Logistics",
    "goal": 400,
    "signatures": 180,
}


# A plant where managers watch the break room: only people handed the link or the QR code find
# it, and outside its page it is "Blue Thermos".
UNLISTED = {
    "slug": "no-cameras-in-the-break-room",
    "en": {
        "title": "No cameras in the Larkspur Packing break room",
        "code_name": "Blue Thermos",
        "summary": (
            "Since the cameras went up, people eat in their cars. We want our break room back."
        ),
        "addressed_to": "The plant manager, Larkspur Packing",
        "demand": (
            "<p>We ask Larkspur Packing to take the cameras out of the break room and the "
            "locker room, to put in writing that no recording of a break is used for "
            "discipline, and to meet with our stewards before any new camera goes up.</p>"
        ),
        "departments": "Kill floor | Matanza\nDeboning | Deshuese\nSanitation | Limpieza",
        "unlisted": True,
    },
    "es": {
        "title": "No a las cámaras en la sala de descanso de Larkspur Packing",
        "code_name": "Termo Azul",
        "summary": (
            "Desde que pusieron las cámaras, la gente come en su carro. Queremos recuperar "
            "nuestra sala de descanso."
        ),
        "addressed_to": "La gerencia de la planta, Larkspur Packing",
        "demand": (
            "<p>Pedimos a Larkspur Packing que quite las cámaras de la sala de descanso y de "
            "los vestidores, que deje por escrito que ninguna grabación de un descanso se usa "
            "para sancionar a nadie, y que se reúna con nuestros delegados antes de poner "
            "cualquier cámara nueva.</p>"
        ),
    },
    "local": "412",
    "employer": "Larkspur Packing",
    "goal": 120,
    "signatures": 41,
}


SEALED = {
    "slug": "fair-shift-bids-at-riverbend",
    "en": {
        "title": "Fair shift bids at the Riverbend laundry",
        "summary": (
            "Shifts go to whoever the supervisor likes. We want posted bids by seniority. "
            "Names stay sealed until 40 of us have signed."
        ),
        "addressed_to": "The plant manager, Riverbend Linen Services",
        "demand": (
            "<p>We ask Riverbend Linen Services to post every open shift for a week and award "
            "it by seniority among those who bid, with the reason in writing when it is "
            "not.</p>"
        ),
        "departments": "Washroom | Lavado | 30\nFolding | Doblado | 25\nDelivery | Reparto | 12",
    },
    "es": {
        "title": "Turnos justos en la lavandería Riverbend",
        "summary": (
            "Los turnos van a quien le cae bien al supervisor. Queremos turnos publicados y "
            "dados por antigüedad. Los nombres quedan sellados hasta que firmemos 40."
        ),
        "addressed_to": "La gerencia de planta, Riverbend Linen Services",
        "demand": (
            "<p>Pedimos a Riverbend Linen Services que publique cada turno libre durante una "
            "semana y lo dé por antigüedad entre quienes lo pidan, con la razón por escrito "
            "cuando no sea así.</p>"
        ),
    },
    "local": "412",
    "employer": "Riverbend Linen Services",
    "goal": 60,
    "signatures": 14,
    "seal_threshold": 40,
    "conditional_signing": True,
}


def _petition(index: PetitionIndexPage, spec: dict) -> PetitionPage:
    local = Local.objects.get(number=spec["local"])
    workplace = Workplace.objects.filter(local=local, employer=spec["employer"]).first()
    today = timezone.localdate()
    if spec["en"].get("unlisted"):
        # Its slug was given a random token when it was first saved: find it by code name.
        existing = PetitionPage.objects.child_of(index).filter(code_name=spec["en"]["code_name"])
        if (page := existing.first()) is not None:
            translation_of(page, "es", **spec["es"])
            return page
    page = child_page(
        index,
        PetitionPage,
        slug=spec["slug"],
        local=local,
        workplace=workplace,
        goal=spec["goal"],
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=45),
        retention_days=60,
        **{k: spec[k] for k in ("seal_threshold", "conditional_signing") if k in spec},
        **spec["en"],
    )
    translation_of(page, "es", **spec["es"])
    return page


def _signatures(page: PetitionPage, how_many: int, seed: int) -> None:
    rng = random.Random(seed)  # the same demo signers every time
    departments = page.department_choices
    now = timezone.now()
    rows = []
    for n in range(how_many):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        signed = now - datetime.timedelta(minutes=rng.randint(5, 60 * 24 * 9))
        confirmed = rng.random() > 0.08
        # Every third demo signer ticked "the local may contact me", so the exports and the
        # API show both kinds (a separate rule, so the seeded names stay as they were).
        consent = confirmed and n % 3 == 0
        rows.append(
            Signature(
                petition=page,
                name=name,
                email=f"demo-{page.slug[:12]}-{n}@example.test",
                department=rng.choice(departments) if departments else "",
                name_display=rng.choice(list(Signature.NameDisplay.values)),
                language=rng.choice(["en", "es"]),
                status=Signature.Status.CONFIRMED if confirmed else Signature.Status.PENDING,
                created_at=signed,
                confirmed_at=signed + datetime.timedelta(minutes=3) if confirmed else None,
                contact_consent=consent,
                contact_consent_at=signed if consent else None,
            )
        )
    # The unique constraint makes a second run add nothing.
    Signature.objects.bulk_create(rows, ignore_conflicts=True)


def seed(*, home, stdout) -> None:
    index = child_page(
        home,
        PetitionIndexPage,
        slug="petitions",
        title="Petitions",
        intro=(
            "Workplace petitions from our locals. Sign from your phone in a minute; only "
            "your local's stewards see your details, and you choose how your name is shown."
        ),
        show_in_menus=True,
    )
    translation_of(
        index,
        "es",
        title="Peticiones",
        intro=(
            "Peticiones de nuestros locales en el trabajo. Firme desde su teléfono en un "
            "minuto; solo los delegados de su local ven sus datos, y usted decide cómo se "
            "muestra su nombre."
        ),
    )
    pages = {}
    for number, spec in enumerate([HOSPITAL, WAREHOUSE, UNLISTED, SEALED]):
        pages[number] = page = _petition(index, spec)
        _signatures(page, spec["signatures"], seed=1017 + number)
    seed_paper(pages[1])  # the warehouse petition: two entered paper sheets
    services.counts_reconcile()
    # The unlisted link is not printed: the admin shows it under the code name.
    stdout.write(
        "Petitions: three open petitions with demo signatures (one with names sealed until "
        "40, one with two paper sheets), and one unlisted (“Blue Thermos” in the admin)."
    )
