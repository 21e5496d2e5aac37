# ruff: noqa: E501  (prose: one sentence per string reads better than split fragments)
"""The demo's model resolutions, in English and Spanish. Original text about fictional locals.

Each resolution is one dict; every text is an (English, Spanish) pair, and both languages
share block ids, as a wagtail-localize translation would.
"""

LOCAL = (
    "local_name",
    "local",
    ("Your local", "Su local"),
    ("As it should appear, e.g. UHCW Local 1017.", "Como debe aparecer, p. ej. UHCW Local 1017."),
    True,
)
EMPLOYER = (
    "employer",
    "employer",
    ("Employer", "Empleador"),
    ("The company or agency you bargain with.", "La empresa o entidad con la que negocian."),
    True,
)
MEETING = ("meeting_date", "date", ("Date of the meeting", "Fecha de la reunión"), ("", ""), True)

RESOLUTIONS = [
    {
        "slug": ("keep-ice-out-of-our-workplace", "fuera-ice-de-nuestro-lugar-de-trabajo"),
        "number": "R-2027-01",
        "tags": (
            ["Immigration", "Workplace access"],
            ["Inmigración", "Acceso al lugar de trabajo"],
        ),
        "title": (
            "Resolution to keep ICE out of our workplace",
            "Resolución para mantener a ICE fuera de nuestro lugar de trabajo",
        ),
        "summary": (
            "Asks the employer to refuse immigration agents entry to non-public areas without a "
            "judicial warrant, to call the union at once, and to protect every worker's records.",
            "Pide a la empresa que no deje entrar a agentes de inmigración a las áreas no públicas "
            "sin una orden judicial, que avise de inmediato al sindicato y que proteja los "
            "expedientes de cada trabajador.",
        ),
        "variables": [
            LOCAL,
            EMPLOYER,
            (
                "union_contact",
                "text",
                ("Who the employer must call", "A quién debe llamar la empresa"),
                (
                    "A role, not a person's private number, e.g. the chief steward.",
                    "Un cargo, no el número privado de una persona, p. ej. el delegado principal.",
                ),
                True,
            ),
            MEETING,
        ],
        "body": [
            (
                "whereas",
                "WHEREAS the members of {{ local_name }} work at {{ employer }} and have the right to do their jobs without fear;",
                "CONSIDERANDO que los miembros de {{ local_name }} trabajan en {{ employer }} y tienen derecho a hacer su trabajo sin miedo;",
            ),
            (
                "whereas",
                "WHEREAS immigration agents may not enter the non-public areas of a workplace without a warrant signed by a judge, and an administrative form signed by an agent is not such a warrant;",
                "CONSIDERANDO que los agentes de inmigración no pueden entrar a las áreas no públicas de un lugar de trabajo sin una orden firmada por un juez, y que un formulario administrativo firmado por un agente no es esa orden;",
            ),
            (
                "whereas",
                "WHEREAS a raid on one of us is an attack on all of us, whatever our papers say;",
                "CONSIDERANDO que una redada contra uno de nosotros es un ataque contra todos, digan lo que digan nuestros papeles;",
            ),
            (
                "alternatives",
                "What we ask of the employer",
                "Qué le pedimos a la empresa",
                [
                    (
                        "A written policy",
                        "Una política por escrito",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} calls on {{ employer }} to adopt a written policy that no manager will let immigration agents into non-public areas without a judicial warrant reviewed by counsel;",
                                "SE RESUELVE que {{ local_name }} exige a {{ employer }} adoptar una política por escrito según la cual ningún gerente dejará entrar a agentes de inmigración a las áreas no públicas sin una orden judicial revisada por un abogado;",
                            ),
                        ],
                    ),
                    (
                        "Contract language",
                        "Lenguaje de contrato",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} will propose at the bargaining table contract language barring {{ employer }} from admitting immigration agents to non-public areas without a judicial warrant;",
                                "SE RESUELVE que {{ local_name }} propondrá en la mesa de negociación lenguaje de contrato que prohíba a {{ employer }} admitir agentes de inmigración en las áreas no públicas sin una orden judicial;",
                            ),
                        ],
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that {{ employer }} must notify {{ union_contact }} the moment any agent arrives, before anyone is questioned;",
                "SE RESUELVE que {{ employer }} debe avisar a {{ union_contact }} en cuanto llegue cualquier agente, antes de que se interrogue a nadie;",
            ),
            (
                "resolved",
                "RESOLVED that no worker's file, schedule or address will be handed over without a judicial order, and the union will be told of any request;",
                "SE RESUELVE que no se entregará el expediente, el horario ni la dirección de ningún trabajador sin una orden judicial, y que se informará al sindicato de cualquier solicitud;",
            ),
            (
                "optional",
                "Rapid response phone tree",
                "Cadena telefónica de respuesta rápida",
                True,
                [
                    (
                        "resolved",
                        "RESOLVED that {{ local_name }} will set up a rapid response phone tree so that stewards on every shift can reach each other within minutes;",
                        "SE RESUELVE que {{ local_name }} organizará una cadena telefónica de respuesta rápida para que los delegados de cada turno puedan comunicarse en minutos;",
                    ),
                ],
            ),
            (
                "optional",
                "Know-your-rights trainings",
                "Capacitaciones sobre sus derechos",
                False,
                [
                    (
                        "resolved",
                        "RESOLVED that {{ local_name }} will hold know-your-rights trainings in English and Spanish on paid time, open to every worker at {{ employer }};",
                        "SE RESUELVE que {{ local_name }} dará capacitaciones sobre derechos en inglés y en español en horario pagado, abiertas a todos los trabajadores de {{ employer }};",
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that this resolution was adopted on {{ meeting_date }}.",
                "SE RESUELVE que esta resolución se aprobó el {{ meeting_date }}.",
            ),
        ],
        "talking_points": [
            (
                "Ask to see the warrant: it must be signed by a judge and name this address.",
                "Pidan ver la orden: debe estar firmada por un juez y mencionar esta dirección.",
            ),
            (
                "Nobody has to answer questions about where they were born or their status.",
                "Nadie tiene que responder preguntas sobre dónde nació ni sobre su estatus.",
            ),
            (
                "The policy protects managers too: they know exactly what to do.",
                "La política también protege a los gerentes: saben exactamente qué hacer.",
            ),
        ],
        "sources": [
            (
                "Fourth Amendment to the U.S. Constitution",
                "Cuarta Enmienda de la Constitución de EE. UU.",
                "Searches of non-public areas need a judicial warrant.",
                "Los registros de áreas no públicas requieren una orden judicial.",
            ),
        ],
    },
    {
        "slug": ("form-a-sanctuary-team", "formar-un-equipo-santuario"),
        "number": "R-2027-02",
        "tags": (["Immigration", "Sanctuary"], ["Inmigración", "Santuario"]),
        "title": (
            "Resolution to form a sanctuary team in every workplace",
            "Resolución para formar un equipo santuario en cada lugar de trabajo",
        ),
        "summary": (
            "Creates a trained team of stewards and members who accompany coworkers, document "
            "any enforcement action and connect families with legal help.",
            "Crea un equipo capacitado de delegados y miembros que acompaña a los compañeros, "
            "documenta cualquier operativo y conecta a las familias con ayuda legal.",
        ),
        "variables": [
            LOCAL,
            EMPLOYER,
            (
                "team_size",
                "number",
                ("People on the team", "Personas en el equipo"),
                ("", ""),
                True,
            ),
            MEETING,
        ],
        "body": [
            (
                "whereas",
                "WHEREAS workers at {{ employer }} face the threat of immigration enforcement at work, on the way to work and at home;",
                "CONSIDERANDO que los trabajadores de {{ employer }} enfrentan la amenaza de operativos de inmigración en el trabajo, en el camino y en sus casas;",
            ),
            (
                "whereas",
                "WHEREAS a prepared team can keep people calm, keep a record and make sure no one is left alone;",
                "CONSIDERANDO que un equipo preparado puede mantener la calma, dejar constancia y asegurar que nadie quede solo;",
            ),
            (
                "resolved",
                "RESOLVED that {{ local_name }} forms a sanctuary team of {{ team_size }} members at {{ employer }};",
                "SE RESUELVE que {{ local_name }} forma un equipo santuario de {{ team_size }} miembros en {{ employer }};",
            ),
            (
                "alternatives",
                "How the team is chosen",
                "Cómo se elige el equipo",
                [
                    (
                        "Appointed by the steward council",
                        "Nombrado por el consejo de delegados",
                        [
                            (
                                "resolved",
                                "RESOLVED that the steward council appoints the team, making sure every shift and department is covered;",
                                "SE RESUELVE que el consejo de delegados nombra al equipo, cuidando que estén cubiertos todos los turnos y departamentos;",
                            ),
                        ],
                    ),
                    (
                        "Elected by the members",
                        "Elegido por los miembros",
                        [
                            (
                                "resolved",
                                "RESOLVED that members elect the team at the next membership meeting, one seat for each shift;",
                                "SE RESUELVE que los miembros eligen al equipo en la próxima asamblea, un puesto por cada turno;",
                            ),
                        ],
                    ),
                ],
            ),
            (
                "optional",
                "Paid release time",
                "Tiempo liberado con goce de sueldo",
                False,
                [
                    (
                        "resolved",
                        "RESOLVED that {{ local_name }} will demand paid release time from {{ employer }} for team members to train and respond;",
                        "SE RESUELVE que {{ local_name }} exigirá a {{ employer }} tiempo liberado con goce de sueldo para que el equipo se capacite y responda;",
                    ),
                ],
            ),
            (
                "optional",
                "Trainings in Spanish and English",
                "Capacitaciones en español y en inglés",
                True,
                [
                    (
                        "resolved",
                        "RESOLVED that every team member completes training in documenting enforcement actions, in the language they are most at ease with;",
                        "SE RESUELVE que cada integrante del equipo completa una capacitación para documentar operativos, en el idioma en que se sienta más cómodo;",
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that this resolution was adopted on {{ meeting_date }}.",
                "SE RESUELVE que esta resolución se aprobó el {{ meeting_date }}.",
            ),
        ],
        "talking_points": [
            (
                "The team never asks anyone about their status; it protects everyone the same way.",
                "El equipo nunca le pregunta a nadie por su estatus; protege a todos por igual.",
            ),
            (
                "Cover nights and weekends: raids do not keep office hours.",
                "Cubran noches y fines de semana: las redadas no respetan horarios de oficina.",
            ),
        ],
        "sources": [],
    },
    {
        "slug": ("endorse-the-day-of-action", "respaldar-el-dia-de-accion"),
        "number": "R-2027-03",
        "tags": (["Day of action"], ["Día de acción"]),
        "title": (
            "Resolution to endorse the day of action: no work, no school, no shopping",
            "Resolución para respaldar el día de acción: sin trabajo, sin escuela, sin compras",
        ),
        "summary": (
            "Puts the local on record behind a day of action against immigration raids, with a "
            "pledge level from endorsement to mobilization.",
            "Compromete al local con un día de acción contra las redadas, con un nivel de "
            "compromiso que va desde el respaldo hasta la movilización.",
        ),
        "variables": [
            LOCAL,
            (
                "action_date",
                "date",
                ("Date of the day of action", "Fecha del día de acción"),
                ("", ""),
                True,
            ),
            MEETING,
        ],
        "body": [
            (
                "whereas",
                "WHEREAS immigration raids have separated families in our cities and driven coworkers from their jobs;",
                "CONSIDERANDO que las redadas de inmigración han separado familias en nuestras ciudades y han sacado a compañeros de sus trabajos;",
            ),
            (
                "whereas",
                "WHEREAS a coalition of unions, congregations and student groups has called a day of action on {{ action_date }} with the demand: no work, no school, no shopping;",
                "CONSIDERANDO que una coalición de sindicatos, congregaciones y grupos estudiantiles convocó un día de acción el {{ action_date }} con la consigna: sin trabajo, sin escuela, sin compras;",
            ),
            (
                "alternatives",
                "Our pledge",
                "Nuestro compromiso",
                [
                    (
                        "Endorse",
                        "Respaldar",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} endorses the day of action and says so publicly;",
                                "SE RESUELVE que {{ local_name }} respalda el día de acción y lo dice públicamente;",
                            ),
                        ],
                    ),
                    (
                        "Promote to members",
                        "Difundir entre los miembros",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} endorses the day of action and will tell every member about it through our meetings, newsletters and stewards;",
                                "SE RESUELVE que {{ local_name }} respalda el día de acción y se lo comunicará a cada miembro en las reuniones, los boletines y por medio de los delegados;",
                            ),
                        ],
                    ),
                    (
                        "Mobilize",
                        "Movilizar",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} endorses the day of action and will mobilize members to the rallies, with marshals and transport;",
                                "SE RESUELVE que {{ local_name }} respalda el día de acción y movilizará a los miembros a las concentraciones, con equipo de seguridad y transporte;",
                            ),
                        ],
                    ),
                ],
            ),
            (
                "optional",
                "Defend members who take part",
                "Defender a quienes participen",
                True,
                [
                    (
                        "resolved",
                        "RESOLVED that {{ local_name }} will defend any member disciplined for taking part in the day of action;",
                        "SE RESUELVE que {{ local_name }} defenderá a cualquier miembro que sea sancionado por participar en el día de acción;",
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that this resolution was adopted on {{ meeting_date }}.",
                "SE RESUELVE que esta resolución se aprobó el {{ meeting_date }}.",
            ),
        ],
        "talking_points": [
            (
                "Check your contract's no-strike clause before pledging a job action.",
                "Revisen la cláusula de no huelga de su contrato antes de comprometer una acción en el trabajo.",
            ),
        ],
        "sources": [],
    },
    {
        "slug": ("stand-with-detained-coworkers", "solidaridad-con-companeros-detenidos"),
        "number": "R-2027-04",
        "tags": (["Immigration", "Solidarity"], ["Inmigración", "Solidaridad"]),
        "title": (
            "Resolution to stand with coworkers who are detained or deported",
            "Resolución de solidaridad con los compañeros detenidos o deportados",
        ),
        "summary": (
            "Protects the jobs, pay and seniority of coworkers who are detained, and supports "
            "their families through a hardship fund.",
            "Protege el empleo, el salario y la antigüedad de los compañeros detenidos, y apoya "
            "a sus familias con un fondo solidario.",
        ),
        "variables": [
            LOCAL,
            EMPLOYER,
            (
                "fund_amount",
                "number",
                ("Hardship fund, in dollars", "Fondo solidario, en dólares"),
                ("", ""),
                False,
            ),
            MEETING,
        ],
        "body": [
            (
                "whereas",
                "WHEREAS coworkers at {{ employer }} have been detained on their way to work and held far from their families;",
                "CONSIDERANDO que compañeros de {{ employer }} han sido detenidos camino al trabajo y retenidos lejos de sus familias;",
            ),
            (
                "whereas",
                "WHEREAS losing a job while detained punishes a family twice;",
                "CONSIDERANDO que perder el empleo durante una detención castiga dos veces a una familia;",
            ),
            (
                "alternatives",
                "Job protection",
                "Protección del empleo",
                [
                    (
                        "Leave of absence",
                        "Permiso de ausencia",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} demands that {{ employer }} treat detention as an unpaid leave of absence, with the job and seniority kept;",
                                "SE RESUELVE que {{ local_name }} exige a {{ employer }} que trate la detención como un permiso sin goce de sueldo, conservando el puesto y la antigüedad;",
                            ),
                        ],
                    ),
                    (
                        "Grievance on every discharge",
                        "Queja por cada despido",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} will file a grievance over any discharge of a coworker for absence caused by detention;",
                                "SE RESUELVE que {{ local_name }} presentará una queja por cualquier despido de un compañero por ausencias causadas por una detención;",
                            ),
                        ],
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that final pay and any benefits owed are paid to a person the worker names;",
                "SE RESUELVE que el último pago y las prestaciones adeudadas se entreguen a la persona que el trabajador designe;",
            ),
            (
                "optional",
                "Hardship fund",
                "Fondo solidario",
                True,
                [
                    (
                        "resolved",
                        "RESOLVED that {{ local_name }} sets up a hardship fund of {{ fund_amount }} dollars for the families of detained members;",
                        "SE RESUELVE que {{ local_name }} crea un fondo solidario de {{ fund_amount }} dólares para las familias de los miembros detenidos;",
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that this resolution was adopted on {{ meeting_date }}.",
                "SE RESUELVE que esta resolución se aprobó el {{ meeting_date }}.",
            ),
        ],
        "talking_points": [
            (
                "Name a contact person in advance: the union can then act on a worker's behalf.",
                "Designen con anticipación a una persona de contacto: así el sindicato puede actuar en nombre del trabajador.",
            ),
        ],
        "sources": [],
    },
    {
        "slug": ("oppose-police-cooperation-with-ice", "no-a-la-cooperacion-policial-con-ice"),
        "number": "R-2027-05",
        "tags": (["Immigration", "Police"], ["Inmigración", "Policía"]),
        "title": (
            "Resolution opposing local police cooperation with ICE",
            "Resolución contra la cooperación de la policía local con ICE",
        ),
        "summary": (
            "Calls on the city and the sheriff to stop holding people for immigration agents and "
            "to keep local police out of immigration enforcement.",
            "Pide a la ciudad y al alguacil que dejen de retener personas para los agentes de "
            "inmigración y que mantengan a la policía local fuera de los operativos migratorios.",
        ),
        "variables": [
            LOCAL,
            ("city", "text", ("City or county", "Ciudad o condado"), ("", ""), True),
            (
                "police_agency",
                "text",
                ("Police or sheriff's department", "Departamento de policía o del alguacil"),
                ("", ""),
                True,
            ),
            MEETING,
        ],
        "body": [
            (
                "whereas",
                "WHEREAS members of {{ local_name }} live and raise their families in {{ city }};",
                "CONSIDERANDO que los miembros de {{ local_name }} viven y crían a sus familias en {{ city }};",
            ),
            (
                "whereas",
                "WHEREAS when {{ police_agency }} holds people for immigration agents, workers stop reporting crimes, wage theft and unsafe conditions;",
                "CONSIDERANDO que cuando {{ police_agency }} retiene personas para los agentes de inmigración, los trabajadores dejan de denunciar delitos, robo de salarios y condiciones inseguras;",
            ),
            (
                "alternatives",
                "What we ask for",
                "Qué pedimos",
                [
                    (
                        "A city ordinance",
                        "Una ordenanza municipal",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} calls on {{ city }} to pass an ordinance barring the use of local resources for immigration enforcement;",
                                "SE RESUELVE que {{ local_name }} pide a {{ city }} aprobar una ordenanza que prohíba usar recursos locales para operativos de inmigración;",
                            ),
                        ],
                    ),
                    (
                        "End the agreement with ICE",
                        "Terminar el acuerdo con ICE",
                        [
                            (
                                "resolved",
                                "RESOLVED that {{ local_name }} calls on {{ police_agency }} to end any agreement that lets its officers act as immigration agents or hold people past their release;",
                                "SE RESUELVE que {{ local_name }} pide a {{ police_agency }} terminar cualquier acuerdo que permita a sus agentes actuar como agentes de inmigración o retener personas después de su liberación;",
                            ),
                        ],
                    ),
                ],
            ),
            (
                "optional",
                "Testify at the council",
                "Declarar ante el concejo",
                True,
                [
                    (
                        "resolved",
                        "RESOLVED that {{ local_name }} will send members to testify when the council takes up the question;",
                        "SE RESUELVE que {{ local_name }} enviará miembros a declarar cuando el concejo trate el tema;",
                    ),
                ],
            ),
            (
                "resolved",
                "RESOLVED that this resolution was adopted on {{ meeting_date }}.",
                "SE RESUELVE que esta resolución se aprobó el {{ meeting_date }}.",
            ),
        ],
        "talking_points": [
            (
                "Public safety depends on trust: people call for help when they are not afraid.",
                "La seguridad pública depende de la confianza: la gente pide ayuda cuando no tiene miedo.",
            ),
        ],
        "sources": [],
    },
]
