"""What the printed plan shows, as plain data: the templates only lay it out.

Everything that needs thought (who is whose contact, which agreement answers which condition,
what a person's own page holds) is decided here, so templates stay simple and the same view
can be tested without rendering anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ..case import CheckedPlan
from ..models import Casus, Plan, Voorziening
from ..models.casus import KRINGEN
from .circle import Circle, CircleMember, draw_circle
from .formatting import date_in_words, join_names, phone_display, phone_link
from .review import Review, build_review
from .sheets import SheetText, density
from .templates import Catalogue


@dataclass(frozen=True)
class Person:
    id: str
    naam: str
    relatie: str = ""
    kring: str = ""
    organisatie: str = ""
    telefoon: str = ""
    tel_link: str = ""
    email: str = ""
    is_child: bool = False


@dataclass(frozen=True)
class Service:
    naam: str
    telefoon: str = ""
    tel_link: str = ""
    email: str = ""
    website: str = ""
    adressen: tuple[tuple[str, str, str], ...] = ()  # (naam, adres, openingstijden)
    status: str = "actief"


@dataclass(frozen=True)
class Agreement:
    nummer: int
    label: str
    onderwerp: str
    wat: str
    wie: tuple[Person, ...]
    wie_tekst: str
    wanneer: str
    controle: Person | None
    voorwaarden: tuple[str, ...]
    hulp: Service | None


@dataclass(frozen=True)
class Condition:
    id: str
    tekst: str
    gesteld_door: Person | None
    antwoorden: tuple[Agreement, ...]


@dataclass(frozen=True)
class PersonalPage:
    person: Person
    taken: tuple[Agreement, ...]
    controles: tuple[Agreement, ...]
    dichtheid: int = 0  # 0 roomy … 2 dense: the setting at which the sheet fits one page


@dataclass(frozen=True)
class PlanView:
    t: Catalogue
    casus_id: str
    soort_titel: str
    namen: str
    meerdere: bool
    vraag: str
    datum: str
    datum_iso: str
    versie: int
    concept: bool
    coordinator: Person
    deelnemers: tuple[tuple[str, tuple[Person, ...]], ...]
    kring: Circle | None  # None: too many people for a readable picture
    zorgen: tuple[str, ...]
    wat_gaat_goed: tuple[str, ...]
    stem_van_het_kind: str
    themas: tuple[tuple[str, tuple[Agreement, ...]], ...]
    voorwaarden: tuple[Condition, ...]
    aanspreekpunt: Person
    als_het_anders_loopt: str
    evaluatie_datum: str
    bijeenroeper: Person
    besluit: str
    toon_besluit: bool
    toelichting: str
    verspreid_datum: str
    verspreid_aan: tuple[Person, ...]
    contacten: tuple[Person, ...]
    paginas: tuple[PersonalPage, ...]
    kaart_gebruikt: bool = field(default=False)
    #: a later version opens with the review of the one before it (contract §3)
    terugblik: Review | None = None

    @property
    def title(self) -> str:
        return f"{self.soort_titel}: {self.namen}"


def build_view(checked: CheckedPlan, t: Catalogue, *, concept: bool = False) -> PlanView:
    """The view of a plan that passed its checks (with `concept`, the concept checks may fail)."""
    plan, casus, services = checked.plan, checked.casus, checked.services
    people = _people(casus)
    centre = _centre(casus, people)
    names = join_names([p.naam for p in centre], t("en"))
    agreements = _agreements(plan, people, services, t)
    lead = people[plan.aanspreekpunt]
    return PlanView(
        t=t,
        casus_id=casus.casus,
        soort_titel=t(
            "titel_persoonlijk_plan"
            if casus.soort == "persoonlijk-plan"
            else "titel_familiegroepsplan"
        ),
        namen=names,
        meerdere=len(centre) > 1,
        vraag=plan.vraag,
        datum=date_in_words(plan.datum, t.locale),
        datum_iso=plan.datum.isoformat(),
        versie=plan.versie,
        concept=concept,
        coordinator=Person(
            id="coordinator",
            naam=casus.coordinator.naam,
            relatie=t("coordinator"),
            telefoon=_phone(casus.coordinator.telefoon),
            tel_link=_tel(casus.coordinator.telefoon),
            email=casus.coordinator.email or "",
        ),
        deelnemers=_participants(casus, people, centre),
        kring=draw_circle(
            [p.naam for p in centre],
            [
                CircleMember(p.naam, p.relatie, p.kring)
                for p in people.values()
                if not p.is_child and p not in centre
            ],
            {k: t(f"kring_{k}") for k in KRINGEN},
            title=t("kring_plaatje", namen=names),
        ),
        zorgen=tuple(plan.zorgen),
        wat_gaat_goed=tuple(plan.wat_gaat_goed),
        stem_van_het_kind=plan.stem_van_het_kind or "",
        themas=_themes(agreements, t),
        voorwaarden=tuple(
            Condition(
                c.id,
                c.tekst,
                people.get(c.gesteld_door),
                tuple(a for a in agreements if c.id in a.voorwaarden),
            )
            for c in casus.voorwaarden
        ),
        aanspreekpunt=lead,
        als_het_anders_loopt=plan.als_het_anders_loopt,
        evaluatie_datum=date_in_words(plan.evaluatie.datum, t.locale),
        bijeenroeper=people[plan.evaluatie.bijeenroeper or plan.aanspreekpunt],
        besluit=_decision(plan, people, t),
        toon_besluit=plan.akkoord is not None or bool(casus.voorwaarden),
        toelichting=plan.akkoord.toelichting or "" if plan.akkoord else "",
        verspreid_datum=date_in_words(plan.verspreid.datum, t.locale) if plan.verspreid else "",
        verspreid_aan=tuple(people[i] for i in plan.verspreid.aan) if plan.verspreid else (),
        contacten=_contacts(casus, people, lead),
        paginas=_personal_pages(agreements, people, lead, plan.evaluatie.datum, t),
        kaart_gebruikt=any(a.hulp for a in agreements),
        terugblik=build_review(
            plan,
            checked.previous,
            {i: p.naam for i, p in people.items()},
            {i: s.naam for i, s in services.items()},
            t,
        ),
    )


def _phone(number: str | None) -> str:
    return phone_display(number) if number else ""


def _tel(number: str | None) -> str:
    return phone_link(number) if number else ""


def _people(casus: Casus) -> dict[str, Person]:
    people = {k.id: Person(id=k.id, naam=k.naam, is_child=True) for k in casus.kinderen}
    for p in casus.personen:
        people[p.id] = Person(
            id=p.id,
            naam=p.naam,
            relatie=p.relatie,
            kring=p.kring,
            organisatie=p.organisatie or "",
            telefoon=_phone(p.telefoon),
            tel_link=_tel(p.telefoon),
            email=p.email or "",
        )
    return people


def _centre(casus: Casus, people: dict[str, Person]) -> list[Person]:
    """Who stands in the middle: the children, or the hoofdpersoon of a persoonlijk plan."""
    if casus.soort == "persoonlijk-plan" and casus.hoofdpersoon:
        return [people[casus.hoofdpersoon]]
    return [people[k.id] for k in casus.kinderen]


def _participants(
    casus: Casus, people: dict[str, Person], centre: list[Person]
) -> tuple[tuple[str, tuple[Person, ...]], ...]:
    groups = []
    middle = {p.id for p in centre}
    for kring in KRINGEN:
        members = tuple(
            people[p.id] for p in casus.personen if p.kring == kring and p.id not in middle
        )
        if members:
            groups.append((kring, members))
    return tuple(groups)


def service_view(service: Voorziening) -> Service:
    """A kaart service as the printed plan and the site show it."""
    addresses = tuple(
        (
            loc.naam or "",
            f"{loc.adres.straat}, {loc.adres.postcode} {loc.adres.plaats}" if loc.adres else "",
            loc.openingstijden or "",
        )
        for loc in service.locaties
    )
    return Service(
        naam=service.naam,
        telefoon=_phone(service.telefoon),
        tel_link=_tel(service.telefoon),
        email=service.email or "",
        website=service.website or "",
        adressen=addresses,
        status=service.status,
    )


def _agreements(
    plan: Plan, people: dict[str, Person], services: Mapping[str, Voorziening], t: Catalogue
) -> list[Agreement]:
    result = []
    for number, a in enumerate(plan.afspraken, start=1):
        who = tuple(people[i] for i in a.wie)
        result.append(
            Agreement(
                nummer=number,
                label=t("afspraak_nummer", nummer=number),
                onderwerp=a.onderwerp or "",
                wat=a.wat,
                wie=who,
                wie_tekst=join_names([p.naam for p in who], t("en")),
                wanneer=a.wanneer,
                controle=people.get(a.controle) if a.controle else None,
                voorwaarden=tuple(a.voorwaarden or ()),
                hulp=service_view(services[a.hulp]) if a.hulp and a.hulp in services else None,
            )
        )
    return result


def _themes(
    agreements: list[Agreement], t: Catalogue
) -> tuple[tuple[str, tuple[Agreement, ...]], ...]:
    """Grouped by `onderwerp` in order of first appearance; agreements without one come last."""
    order: dict[str, list[Agreement]] = {}
    for a in agreements:
        order.setdefault(a.onderwerp, []).append(a)
    rest = order.pop("", [])
    themes = [(name, tuple(items)) for name, items in order.items()]
    if rest:
        themes.append((t("overige_afspraken") if themes else t("afspraken"), tuple(rest)))
    return tuple(themes)


def _decision(plan: Plan, people: dict[str, Person], t: Catalogue) -> str:
    if plan.akkoord is None:
        return t("geen_besluit")
    key = {
        "akkoord": "besluit_akkoord",
        "aanvullen": "besluit_aanvullen",
        "niet-akkoord": "besluit_niet_akkoord",
    }[plan.akkoord.besluit]
    who = people[plan.akkoord.door]
    return t(key, naam=who.naam, datum=date_in_words(plan.akkoord.datum, t.locale))


def _contacts(casus: Casus, people: dict[str, Person], lead: Person) -> tuple[Person, ...]:
    """Everyone with a phone number or e-mail: the contact person first, the coordinator last."""
    listed = [p for p in people.values() if (p.telefoon or p.email) and p.id != lead.id]
    first = [lead] if (lead.telefoon or lead.email) else []
    return tuple(first + listed)


def _personal_pages(
    agreements: list[Agreement],
    people: dict[str, Person],
    lead: Person,
    review: date,
    t: Catalogue,
) -> tuple[PersonalPage, ...]:
    """One page per person with tasks, in the order people first appear in the agreements."""
    order: dict[str, None] = {}
    for a in agreements:
        for p in a.wie:
            order.setdefault(p.id, None)
    pages = []
    for person_id in order:
        tasks = tuple(a for a in agreements if any(p.id == person_id for p in a.wie))
        checks = tuple(a for a in agreements if a.controle and a.controle.id == person_id)
        page = PersonalPage(people[person_id], tasks, checks)
        text = _sheet_text(page, lead, date_in_words(review, t.locale), t)
        pages.append(replace(page, dichtheid=density(text)))
    return tuple(pages)


def _sheet_text(page: PersonalPage, lead: Person, review: str, t: Catalogue) -> SheetText:
    """The sheet's texts as mijn-afspraken.html.j2 prints them, for its height."""
    tasks = []
    for a in page.taken:
        lines = [a.wat, f"{t('wanneer')}: {a.wanneer}"]
        others = [p.naam for p in a.wie if p.id != page.person.id]
        if others:
            lines.append(t("samen_met", namen=join_names(others, t("en"))))
        if a.hulp and a.hulp.telefoon:
            lines.append(f"{a.hulp.naam}: {a.hulp.telefoon}")
        tasks.append(lines)
    if page.person.id == lead.id:
        call = [t("jij_bent_aanspreekpunt")]
    else:
        call = [t("bel", naam=lead.naam), *(["", ""] if lead.telefoon else [])]
    return SheetText(
        t("mijn_afspraken_voor", naam=page.person.naam),
        t("mijn_afspraken_uitleg"),
        tasks,
        [f"{a.wat} ({a.wie_tekst}; {a.wanneer})" for a in page.controles],
        call,
        t("volgende_keer", datum=review),
    )
