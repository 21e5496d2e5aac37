"""The demo's model clauses, in English and Spanish. Original writing about fictional
employers; every ("en", "es") pair is the same text in both languages."""

# Blanks used by several clauses: a proposal asks each of them once.
EMPLOYER = ("employer_name", "employer", ("Employer's name", "Nombre de la empresa"), "", True)
UNION = (
    "union_name",
    "local",
    ("The union (local name and number)", "El sindicato (nombre y número del local)"),
    "",
    True,
)
NOTICE_HOURS = (
    "notice_hours",
    "number",
    (
        "Hours the employer has to tell the union",
        "Horas que tiene la empresa para avisar al sindicato",
    ),
    "2",
    True,
)
LEAVE_DAYS = (
    "leave_days",
    "number",
    ("Days of leave per year", "Días de permiso por año"),
    "10",
    True,
)

CLAUSES = [
    {
        "slug": ("no-entry-without-judicial-warrant", "sin-entrada-sin-orden-judicial"),
        "number": "C-101",
        "category": "immigration-enforcement",
        "strength": "strong",
        "title": (
            "No entry for immigration agents without a judicial warrant",
            "Ningún agente de inmigración entra sin orden judicial",
        ),
        "summary": (
            "Keeps immigration agents out of non-public areas unless a judge signed a warrant, "
            "gets the union told at once, and protects employee records.",
            "Mantiene a los agentes de inmigración fuera de las áreas no públicas salvo que "
            "traigan una orden firmada por un juez, obliga a avisar al sindicato de inmediato "
            "y protege los expedientes del personal.",
        ),
        "variables": [EMPLOYER, UNION, NOTICE_HOURS],
        "body": [
            (
                "section",
                (
                    "{{ employer_name }} shall not allow agents of Immigration and Customs "
                    "Enforcement, or of any other immigration authority, into non-public areas "
                    "of the workplace unless they present a warrant signed by a federal judge "
                    "or magistrate. An administrative warrant or a form signed by an agency "
                    "officer is not enough.",
                    "{{ employer_name }} no permitirá que agentes del Servicio de Inmigración y "
                    "Control de Aduanas, ni de ninguna otra autoridad migratoria, entren a las "
                    "áreas no públicas del lugar de trabajo, a menos que presenten una orden "
                    "firmada por un juez o magistrado federal. Una orden administrativa o un "
                    "formulario firmado por un funcionario de la agencia no es suficiente.",
                ),
            ),
            (
                "section",
                (
                    "When an immigration agent asks to enter, to inspect records or to question "
                    "employees, the Employer shall tell {{ union_name }} immediately, and in "
                    "any case within {{ notice_hours }} hours, and shall give the Union a copy "
                    "of any warrant or subpoena.",
                    "Cuando un agente de inmigración pida entrar, revisar expedientes o "
                    "interrogar al personal, la empresa avisará a {{ union_name }} de "
                    "inmediato y, en todo caso, dentro de {{ notice_hours }} horas, y le "
                    "entregará al sindicato una copia de cualquier orden o citación.",
                ),
            ),
            (
                "optional",
                ("A union representative present", "Presencia de un representante sindical"),
                True,
                [
                    (
                        "section",
                        (
                            "A union representative may be present during any inspection or "
                            "questioning. Employees shall be paid for all time spent waiting "
                            "or being questioned.",
                            "Un representante del sindicato podrá estar presente durante "
                            "cualquier inspección o interrogatorio. Se pagará al personal todo "
                            "el tiempo que pase esperando o siendo interrogado.",
                        ),
                    )
                ],
            ),
            (
                "alternatives",
                ("Employee records", "Expedientes del personal"),
                [
                    (
                        ("Released only under a judicial warrant", "Solo con orden judicial"),
                        [
                            (
                                "section",
                                (
                                    "The Employer shall not share employees' names, addresses, "
                                    "schedules or photographs with any immigration authority "
                                    "except under a judicial warrant or a court order.",
                                    "La empresa no compartirá nombres, domicilios, horarios ni "
                                    "fotografías del personal con ninguna autoridad migratoria, "
                                    "salvo por orden judicial o mandato de un tribunal.",
                                ),
                            )
                        ],
                    ),
                    (
                        ("Released with notice to the union", "Con aviso previo al sindicato"),
                        [
                            (
                                "section",
                                (
                                    "Before releasing employee records to any immigration "
                                    "authority, the Employer shall notify the Union and give it "
                                    "the chance to object, unless the law forbids the notice.",
                                    "Antes de entregar expedientes del personal a cualquier "
                                    "autoridad migratoria, la empresa avisará al sindicato y le "
                                    "dará la oportunidad de oponerse, salvo que la ley prohíba "
                                    "el aviso.",
                                ),
                            )
                        ],
                    ),
                ],
            ),
        ],
        "notes": [
            (
                "Employers often answer that they must obey any agent. They need not: a judicial "
                "warrant is the line. If they won't move, fall back to C-102 (notice only), but "
                "keep the paid waiting time.",
                "Es común que la empresa diga que tiene que obedecer a cualquier agente. No es "
                "así: la línea es la orden judicial. Si no ceden, retrocedan a la C-102 (solo "
                "aviso), pero defiendan el pago del tiempo de espera.",
            )
        ],
        "wins": [
            ("private", ("Warehousing and logistics", "Almacenes y logística"), 2025),
            ("public", ("Public hospitals", "Hospitales públicos"), 2024),
        ],
    },
    {
        "slug": ("notice-of-inspections", "aviso-de-inspecciones"),
        "number": "C-102",
        "category": "immigration-enforcement",
        "strength": "minimal",
        "title": (
            "Notice to the union of immigration inspections",
            "Aviso al sindicato de las inspecciones migratorias",
        ),
        "summary": (
            "The least a contract should say: the union and the workers hear about an "
            "inspection of I-9 forms before it happens.",
            "Lo mínimo que debe decir un contrato: el sindicato y el personal se enteran de una "
            "inspección de formularios I-9 antes de que ocurra.",
        ),
        "variables": [EMPLOYER, UNION, NOTICE_HOURS],
        "body": [
            (
                "section",
                (
                    "When {{ employer_name }} receives a notice of inspection of employment "
                    "eligibility forms, it shall give a copy to {{ union_name }} within "
                    "{{ notice_hours }} hours.",
                    "Cuando {{ employer_name }} reciba un aviso de inspección de los "
                    "formularios de elegibilidad de empleo, entregará una copia a "
                    "{{ union_name }} dentro de {{ notice_hours }} horas.",
                ),
            ),
            (
                "section",
                (
                    "The Employer shall post the notice where employees can read it, in English "
                    "and in Spanish, within three working days.",
                    "La empresa colocará el aviso donde el personal pueda leerlo, en inglés y en "
                    "español, dentro de tres días hábiles.",
                ),
            ),
        ],
        "notes": [
            (
                "Easy to win and worth having even with a stronger clause. Ask for the posting in "
                "every language spoken on the floor, not only Spanish.",
                "Es fácil de ganar y vale la pena aun con una cláusula más fuerte. Pidan el aviso "
                "en todos los idiomas que se hablan en el piso, no solo en español.",
            )
        ],
        "wins": [("private", ("Grocery retail", "Supermercados"), 2023)],
    },
    {
        "slug": ("no-action-on-no-match-letters", "sin-sanciones-por-cartas-de-discrepancia"),
        "number": "C-201",
        "category": "no-match-reverification",
        "strength": "standard",
        "title": (
            "No discipline over no-match letters",
            "Ninguna sanción por cartas de discrepancia",
        ),
        "summary": (
            "A letter saying a name and number do not match a government record is not a "
            "reason to fire anyone; workers get time and help to sort it out.",
            "Una carta que dice que un nombre y un número no coinciden con un registro del "
            "gobierno no es motivo para despedir a nadie; el trabajador tiene tiempo y apoyo "
            "para aclararlo.",
        ),
        "variables": [
            EMPLOYER,
            (
                "correction_days",
                "number",
                ("Days to look into a letter", "Días para aclarar una carta"),
                "120",
                True,
            ),
            (
                "paid_hours",
                "number",
                ("Paid hours to visit the agency", "Horas pagadas para ir a la oficina"),
                "8",
                True,
            ),
        ],
        "body": [
            (
                "section",
                (
                    "A letter from the Social Security Administration, or from any other agency, "
                    "saying that an employee's name and number do not match its records is not, "
                    "by itself, a reason for {{ employer_name }} to discipline, suspend, fire or "
                    "re-verify that employee.",
                    "Una carta de la Administración del Seguro Social, o de cualquier otra "
                    "agencia, que diga que el nombre y el número de un trabajador no coinciden "
                    "con sus registros no es, por sí sola, motivo para que {{ employer_name }} "
                    "sancione, suspenda, despida o vuelva a verificar a ese trabajador.",
                ),
            ),
            (
                "section",
                (
                    "The Employer shall give the employee a copy of the letter, explain it in a "
                    "language the employee understands, and allow at least "
                    "{{ correction_days }} days to look into it with the Union's help.",
                    "La empresa entregará al trabajador una copia de la carta, se la explicará "
                    "en un idioma que entienda y le dará al menos {{ correction_days }} días "
                    "para aclararla con el apoyo del sindicato.",
                ),
            ),
            (
                "optional",
                ("Paid time to visit the agency", "Tiempo pagado para ir a la oficina"),
                False,
                [
                    (
                        "section",
                        (
                            "The employee shall have up to {{ paid_hours }} hours of paid time "
                            "to visit the agency or a lawyer about the letter.",
                            "El trabajador tendrá hasta {{ paid_hours }} horas pagadas para ir "
                            "a la oficina de la agencia o consultar a un abogado sobre la carta.",
                        ),
                    )
                ],
            ),
        ],
        "notes": [
            (
                "Bring a copy of a real no-match letter (names removed) to the table: it says "
                "itself that it is no basis for action against the worker.",
                "Lleven a la mesa una copia de una carta real (sin nombres): la misma carta dice "
                "que no es base para tomar medidas contra el trabajador.",
            )
        ],
        "wins": [
            ("private", ("Food processing", "Procesamiento de alimentos"), 2022),
            ("contractor", ("Janitorial services", "Servicios de limpieza"), 2024),
        ],
    },
    {
        "slug": ("no-reverification", "sin-reverificacion"),
        "number": "C-202",
        "category": "no-match-reverification",
        "strength": "strong",
        "title": (
            "No re-verification of current employees",
            "Ninguna reverificación del personal actual",
        ),
        "summary": (
            "Current workers are not asked for their papers again, not even when the company is "
            "sold, unless federal law requires it.",
            "No se le vuelven a pedir papeles al personal actual, ni siquiera cuando la empresa "
            "se vende, salvo que la ley federal lo exija.",
        ),
        "variables": [EMPLOYER],
        "body": [
            (
                "section",
                (
                    "{{ employer_name }} shall not re-verify the employment eligibility of any "
                    "current employee except where federal law requires it, such as when a "
                    "work permit with an end date expires.",
                    "{{ employer_name }} no volverá a verificar la elegibilidad de empleo de "
                    "ningún trabajador actual, salvo cuando la ley federal lo exija, por ejemplo "
                    "cuando vence un permiso de trabajo con fecha de vencimiento.",
                ),
            ),
            (
                "section",
                (
                    "A sale, merger or change of contractor is not a reason to re-verify. A "
                    "successor employer shall keep the existing forms wherever the law allows.",
                    "Una venta, fusión o cambio de contratista no es motivo para reverificar. La "
                    "empresa sucesora conservará los formularios existentes siempre que la ley "
                    "lo permita.",
                ),
            ),
        ],
        "notes": [
            (
                "Successorship is where mass re-verification happens. Tie this to the "
                "successorship article of the agreement.",
                "Las reverificaciones masivas suelen ocurrir con el cambio de dueño. Vinculen "
                "esta cláusula con el artículo de sucesión del contrato.",
            )
        ],
        "wins": [("multi_employer", ("Building services", "Servicios de edificios"), 2023)],
    },
    {
        "slug": ("leave-for-immigration-proceedings", "permiso-para-tramites-migratorios"),
        "number": "C-301",
        "category": "immigration-leave",
        "strength": "standard",
        "title": (
            "Leave for immigration proceedings",
            "Permiso para trámites migratorios",
        ),
        "summary": (
            "Time off for hearings, appointments and naturalization ceremonies, for the worker "
            "or to help a family member, with no loss of seniority.",
            "Tiempo libre para audiencias, citas y ceremonias de naturalización, para el "
            "trabajador o para acompañar a un familiar, sin perder antigüedad.",
        ),
        "variables": [
            EMPLOYER,
            LEAVE_DAYS,
            (
                "paid_days",
                "number",
                ("Of which paid days", "De ellos, días pagados"),
                "3",
                True,
            ),
        ],
        "body": [
            (
                "section",
                (
                    "An employee may take up to {{ leave_days }} days of leave each year to "
                    "attend immigration hearings, appointments or a naturalization ceremony, or "
                    "to help an immediate family member with them. {{ employer_name }} shall not "
                    "ask for more than a notice of the date.",
                    "Cada trabajador podrá tomar hasta {{ leave_days }} días de permiso al año "
                    "para asistir a audiencias, citas o a una ceremonia de naturalización, o "
                    "para acompañar a un familiar directo. {{ employer_name }} no pedirá más que "
                    "un aviso de la fecha.",
                ),
            ),
            (
                "alternatives",
                ("Pay during the leave", "Pago durante el permiso"),
                [
                    (
                        ("Partly paid", "Parcialmente pagado"),
                        [
                            (
                                "section",
                                (
                                    "The first {{ paid_days }} days of this leave each year "
                                    "shall be paid at the employee's regular rate.",
                                    "Los primeros {{ paid_days }} días de este permiso cada año "
                                    "se pagarán con el salario regular del trabajador.",
                                ),
                            )
                        ],
                    ),
                    (
                        ("Unpaid, with vacation allowed", "Sin goce de sueldo, con vacaciones"),
                        [
                            (
                                "section",
                                (
                                    "The leave is unpaid, but the employee may use accrued "
                                    "vacation or personal days for it.",
                                    "El permiso es sin goce de sueldo, pero el trabajador podrá "
                                    "usar vacaciones o días personales acumulados.",
                                ),
                            )
                        ],
                    ),
                ],
            ),
            (
                "section",
                (
                    "The leave does not break seniority, and the employee returns to the same "
                    "job, shift and pay.",
                    "El permiso no interrumpe la antigüedad, y el trabajador regresa al mismo "
                    "puesto, turno y salario.",
                ),
            ),
        ],
        "notes": [
            (
                "Hearings are set by the court with little warning: resist any advance-notice "
                "period longer than the worker gets from the court.",
                "Las audiencias las fija el tribunal con poco aviso: no acepten un plazo de aviso "
                "más largo que el que el tribunal le da al trabajador.",
            )
        ],
        "wins": [
            ("nonprofit", ("Home care", "Cuidado en el hogar"), 2024),
            ("private", ("Hotels", "Hotelería"), 2021),
        ],
    },
    {
        "slug": ("reinstatement-with-seniority", "reinstalacion-con-antiguedad"),
        "number": "C-401",
        "category": "seniority-reinstatement",
        "strength": "strong",
        "title": (
            "Reinstatement with seniority after an immigration-related absence",
            "Reinstalación con antigüedad después de una ausencia por motivos migratorios",
        ),
        "summary": (
            "A worker who loses work authorization, or is detained, gets the job back with full "
            "seniority once able to work again.",
            "Quien pierde su permiso de trabajo, o es detenido, recupera su puesto con toda su "
            "antigüedad cuando vuelve a poder trabajar.",
        ),
        "variables": [
            EMPLOYER,
            (
                "recall_months",
                "number",
                ("Months the job is held", "Meses que se reserva el puesto"),
                "12",
                True,
            ),
        ],
        "body": [
            (
                "section",
                (
                    "An employee who is detained by immigration authorities, or whose work "
                    "authorization lapses, shall be placed on unpaid leave instead of being "
                    "fired.",
                    "El trabajador que sea detenido por las autoridades migratorias, o cuyo "
                    "permiso de trabajo venza, pasará a un permiso sin goce de sueldo en lugar "
                    "de ser despedido.",
                ),
            ),
            (
                "section",
                (
                    "If the employee is able to work again within {{ recall_months }} months, "
                    "{{ employer_name }} shall reinstate the employee to the same or an "
                    "equivalent job, with seniority that kept accruing during the leave.",
                    "Si el trabajador vuelve a poder trabajar dentro de {{ recall_months }} "
                    "meses, {{ employer_name }} lo reinstalará en el mismo puesto o en uno "
                    "equivalente, con la antigüedad que siguió acumulándose durante el permiso.",
                ),
            ),
        ],
        "notes": [
            (
                "Twelve months is common; renewals of work permits often take longer. Try for "
                "eighteen and settle at twelve.",
                "Doce meses es lo común; la renovación de un permiso de trabajo a menudo tarda "
                "más. Pidan dieciocho y cierren en doce.",
            )
        ],
        "wins": [("public", ("School districts", "Distritos escolares"), 2023)],
    },
    {
        "slug": ("name-and-ssn-changes", "cambios-de-nombre-y-numero"),
        "number": "C-501",
        "category": "name-ssn-changes",
        "strength": "standard",
        "title": (
            "Name and Social Security number changes without penalty",
            "Cambios de nombre y de número de Seguro Social sin sanción",
        ),
        "summary": (
            "A worker who brings a new name or a new number keeps job, seniority and benefits, "
            "and the change stays confidential.",
            "Quien presenta un nombre nuevo o un número nuevo conserva su empleo, antigüedad y "
            "prestaciones, y el cambio se mantiene confidencial.",
        ),
        "variables": [EMPLOYER],
        "body": [
            (
                "section",
                (
                    "When an employee presents a new legal name or a new Social Security number, "
                    "{{ employer_name }} shall update its records without loss of seniority, "
                    "wages or benefits.",
                    "Cuando un trabajador presente un nuevo nombre legal o un nuevo número de "
                    "Seguro Social, {{ employer_name }} actualizará sus registros sin pérdida de "
                    "antigüedad, salario ni prestaciones.",
                ),
            ),
            (
                "section",
                (
                    "No employee shall be disciplined or fired because earlier records showed a "
                    "different name or number. The Employer shall tell only the people who need "
                    "to know to update payroll.",
                    "Ningún trabajador será sancionado ni despedido porque registros anteriores "
                    "mostraran otro nombre u otro número. La empresa solo informará a las "
                    "personas que necesiten saberlo para actualizar la nómina.",
                ),
            ),
        ],
        "notes": [
            (
                "Never let the union keep copies of anyone's documents: the clause is about what "
                "the employer may not do, not about what the union collects.",
                "Nunca permitan que el sindicato guarde copias de los documentos de nadie: la "
                "cláusula trata de lo que la empresa no puede hacer, no de lo que el sindicato "
                "recopila.",
            )
        ],
        "wins": [("private", ("Meatpacking", "Empacadoras de carne"), 2020)],
    },
    {
        "slug": ("know-your-rights-training", "capacitacion-sobre-sus-derechos"),
        "number": "C-601",
        "category": "know-your-rights-training",
        "strength": "standard",
        "title": (
            "Know-your-rights training on paid time",
            "Capacitación sobre sus derechos en horario pagado",
        ),
        "summary": (
            "The union trains workers on their rights during an immigration raid, on the clock, "
            "in the languages spoken at work.",
            "El sindicato capacita al personal sobre sus derechos durante un operativo "
            "migratorio, en horario pagado y en los idiomas que se hablan en el trabajo.",
        ),
        "variables": [
            EMPLOYER,
            UNION,
            (
                "training_hours",
                "number",
                ("Training hours per year", "Horas de capacitación por año"),
                "2",
                True,
            ),
        ],
        "body": [
            (
                "section",
                (
                    "{{ union_name }} may hold up to {{ training_hours }} hours of "
                    "know-your-rights training each year during working hours, on paid time, "
                    "in the languages the employees speak. {{ employer_name }} shall provide a "
                    "suitable room.",
                    "{{ union_name }} podrá dar hasta {{ training_hours }} horas de capacitación "
                    "sobre derechos cada año durante la jornada, en horario pagado, en los "
                    "idiomas que habla el personal. {{ employer_name }} proporcionará un lugar "
                    "adecuado.",
                ),
            ),
            (
                "optional",
                ("New hires", "Personal de nuevo ingreso"),
                True,
                [
                    (
                        "section",
                        (
                            "New employees shall be released, on paid time, to a union "
                            "orientation within their first thirty days, which may include "
                            "know-your-rights information.",
                            "El personal de nuevo ingreso podrá asistir, en horario pagado, a "
                            "una orientación del sindicato dentro de sus primeros treinta días, "
                            "que podrá incluir información sobre sus derechos.",
                        ),
                    )
                ],
            ),
        ],
        "notes": [
            (
                "Supervisors stay out of the room. Offer the employer its own briefing for "
                "managers on what to do when agents arrive.",
                "Los supervisores no entran a la sala. Ofrezcan a la empresa una sesión aparte "
                "para gerentes sobre qué hacer cuando llegan agentes.",
            )
        ],
        "wins": [
            ("public", ("City services", "Servicios municipales"), 2025),
            ("private", ("Warehousing and logistics", "Almacenes y logística"), 2024),
        ],
    },
    {
        "slug": ("non-discrimination-status", "no-discriminacion-por-estatus"),
        "number": "C-701",
        "category": "non-discrimination",
        "strength": "standard",
        "title": (
            "No discrimination over citizenship, national origin or accent",
            "Ninguna discriminación por ciudadanía, origen nacional o acento",
        ),
        "summary": (
            "Adds citizenship, national origin, accent and language to the contract's "
            "non-discrimination article, with the grievance procedure behind it.",
            "Agrega la ciudadanía, el origen nacional, el acento y el idioma al artículo de no "
            "discriminación del contrato, con el procedimiento de quejas como respaldo.",
        ),
        "variables": [EMPLOYER],
        "body": [
            (
                "section",
                (
                    "{{ employer_name }} shall not discriminate against any employee because of "
                    "national origin, citizenship, immigration status, accent or the language "
                    "the employee speaks, in hiring, assignments, discipline, promotion or any "
                    "other term of employment.",
                    "{{ employer_name }} no discriminará a ningún trabajador por su origen "
                    "nacional, ciudadanía, estatus migratorio, acento o el idioma que habla, en "
                    "la contratación, las asignaciones, la disciplina, los ascensos ni en "
                    "ninguna otra condición de empleo.",
                ),
            ),
            (
                "section",
                (
                    "A complaint under this article may go through the grievance and arbitration "
                    "procedure.",
                    "Una queja conforme a este artículo podrá tramitarse por el procedimiento de "
                    "quejas y arbitraje.",
                ),
            ),
            (
                "optional",
                ("Language access", "Acceso en su idioma"),
                False,
                [
                    (
                        "section",
                        (
                            "Workplace policies, safety rules and this Agreement shall be "
                            "provided in the languages spoken by at least one in ten employees.",
                            "Las políticas de la empresa, las reglas de seguridad y este "
                            "Contrato se entregarán en los idiomas que habla al menos uno de "
                            "cada diez trabajadores.",
                        ),
                    )
                ],
            ),
        ],
        "notes": [
            (
                "An English-only rule is the usual fight here; the language-access part answers "
                "it.",
                "Aquí la pelea típica es la regla de «solo inglés»; la parte de acceso en su "
                "idioma le responde.",
            )
        ],
        "wins": [
            ("nonprofit", ("Community clinics", "Clínicas comunitarias"), 2022),
            ("private", ("Grocery retail", "Supermercados"), 2025),
        ],
    },
]
