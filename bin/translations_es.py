"""Spanish for the project-wide catalogue (locale/es). Run by hand after `bin/makemessages`:
it fills only empty entries, so a translator's edits in the .po file are kept."""

import sys

import polib

ES = {
    "Heading": "Título",
    "Title": "Título",
    "Text": "Texto",
    "Link to": "Enlace a",
    "Link text": "Texto del enlace",
    "Jobs": "Tareas",
    "introduction": "introducción",
    "body": "cuerpo",
    "home page": "página de inicio",
    "standard page": "página estándar",
    "organisation name": "nombre de la organización",
    "contact email": "correo de contacto",
    "footer": "pie de página",
    "site settings": "ajustes del sitio",
    "Bounced": "Rebotado",
    "Complained": "Denunciado como spam",
    "Unsubscribed": "Dado de baja",
    "Rejected": "Rechazado",
    "email": "correo electrónico",
    "reason": "motivo",
    "suppressed address": "dirección bloqueada",
    "suppressed addresses": "direcciones bloqueadas",
    "English": "Inglés",
    "Spanish": "Español",
    "Skip to content": "Saltar al contenido",
    "Main": "Principal",
    "Search": "Buscar",
    "My account": "Mi cuenta",
    "Sign in": "Iniciar sesión",
    "Language": "Idioma",
    "Signed in as %(email)s.": "Sesión iniciada como %(email)s.",
    "Two-factor authentication": "Verificación en dos pasos",
    "Two-factor authentication is on.": "La verificación en dos pasos está activada.",
    "Manage two-factor authentication": "Administrar la verificación en dos pasos",
    "My locals": "Mis locales",
    "Change password": "Cambiar la contraseña",
    "Email addresses": "Direcciones de correo",
    "Sign out": "Cerrar sesión",
    "Search resolutions, contract language, petitions and days of action": (
        "Buscar resoluciones, lenguaje de contrato, peticiones y días de acción"
    ),
    "Search the library": "Buscar en la biblioteca",
    "Nothing matched “%(query)s”. Try fewer or other words.": (
        "No encontramos nada para “%(query)s”. Pruebe con menos palabras o con otras."
    ),
    "International union": "Sindicato internacional",
    "National union": "Sindicato nacional",
    "Federation": "Federación",
    "Labor council": "Consejo laboral",
    "Independent union": "Sindicato independiente",
    "name": "nombre",
    "short name": "nombre corto",
    "kind": "tipo",
    "affiliation": "afiliación",
    "affiliations": "afiliaciones",
    "local number": "número de local",
    "city": "ciudad",
    "region or state": "región o estado",
    "country": "país",
    "members": "miembros",
    "local": "local",
    "locals": "locales",
    "employer": "empleador",
    "site": "sede",
    "workplace": "lugar de trabajo",
    "workplaces": "lugares de trabajo",
    "Steward": "Delegado sindical",
    "Organizer": "Organizador",
    "person": "persona",
    "role": "función",
    "roles": "funciones",
    "Unions": "Sindicatos",
    "Contents": "Contenido",
    "Vote of the meeting": "Votación de la asamblea",
    "This page shows people's personal data. Turn on two-factor authentication to see it.": (
        "Esta página muestra datos personales. Active la verificación en dos pasos para verla."
    ),
    "Union Hall keeps the minimum about you, never loads anything from other sites, and never "
    "shares a signer list.": (
        "Union Hall guarda lo mínimo sobre usted, nunca carga nada desde otros sitios y nunca "
        "comparte una lista de firmantes."
    ),
    "You received this because of something you did on Union Hall. We never share your address.": (
        "Recibió este mensaje por algo que hizo en Union Hall. Nunca compartimos su dirección."
    ),
    "Two-factor authentication is off. Stewards and organizers must turn it on before they can "
    "see signers or endorsers.": (
        "La verificación en dos pasos está desactivada. Delegados y organizadores deben "
        "activarla antes de ver firmantes o adherentes."
    ),
    "You hold no role in a local yet. Ask your union's staff to add you as a steward or "
    "organizer.": (
        "Todavía no tiene una función en ningún local. Pida al personal de su sindicato que le "
        "agregue como delegado u organizador."
    ),
}
PLURALS = {
    "%(counter)s result": ("%(counter)s resultado", "%(counter)s resultados"),
}


def main(path: str) -> int:
    catalogue = polib.pofile(path)
    catalogue.metadata.update(
        {
            "Project-Id-Version": "Union Hall",
            "Language": "es",
            "Language-Team": "Union Hall <hall@unionhall.test>",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    missing = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            if entry.msgid in PLURALS and not any(entry.msgstr_plural.values()):
                one, many = PLURALS[entry.msgid]
                entry.msgstr_plural = {0: one, 1: many}
            if not all(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
        elif not entry.msgstr:
            if entry.msgid in ES:
                entry.msgstr = ES[entry.msgid]
            else:
                missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(path)
    for msgid in missing:
        print("untranslated:", msgid)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "locale/es/LC_MESSAGES/django.po"))
