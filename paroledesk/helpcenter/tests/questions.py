"""Questions as people really ask them, each with the topics of an article that answers it.

Long, worried, misspelled, about one family; about a fifth in Spanish. They were
written from the situations the program sees, not from the articles' words, and
the help center must put an article of an expected topic first for at least 90%
of them (test_questions.py reports the figure).
"""

from __future__ import annotations

from typing import NamedTuple


class Question(NamedTuple):
    text: str
    topics: frozenset[str]
    language: str = "en"


def q(text: str, *topics: str, language: str = "en") -> Question:
    return Question(text, frozenset(topics), language)


QUESTIONS: tuple[Question, ...] = (
    # -- what parole is, the law ---------------------------------------------------------
    q("what exactly is humanitarian parole? is it like a visa or a green card?", "what-is-parole"),
    q(
        "My friend told me about 'parole' for my sister but I thought parole was for prisoners?? "
        "what does it mean for immigration",
        "what-is-parole",
    ),
    q(
        "what law allows humanitarian parole, I need to cite the statute in my letter",
        "legal-basis",
    ),
    q(
        "is parole a right or does the officer just decide whatever they want",
        "legal-basis",
        "what-is-parole",
    ),
    # -- who can file, outside the U.S. --------------------------------------------------
    q("Can I file for my cousin? I'm not a citizen, I only have a green card", "who-can-file"),
    q(
        "my brother is already here in the US on a tourist visa that expired, can I ask parole "
        "for him so he can stay",
        "outside-us-requirement",
    ),
    q(
        "does the person have to be outside the united states when we apply or can they be "
        "here already",
        "outside-us-requirement",
    ),
    q(
        "I am undocumented and living in Texas, can I apply for humanitarian parole for myself?",
        "outside-us-requirement",
    ),
    q(
        "My nephew is being threatened by gangs in San Pedro Sula and they already killed his "
        "friend, can we ask for him?",
        "who-can-file",
        "evidence",
    ),
    q(
        "we are a hospital and need a liver donor from abroad for our patient, is there a "
        "public benefit parole",
        "legal-basis",
        "who-can-file",
    ),
    # -- how to file, fees ---------------------------------------------------------------
    q("how do I apply? what forms do I fill and where do I send them", "how-to-file"),
    q(
        "is it better to file online or mail the paper forms? which one is cheaper",
        "how-to-file",
        "fees",
    ),
    q("how much does it cost to file the I131 for parole", "fees"),
    q(
        "we have no money at all, my husband lost his job, is there any way to not pay the fee",
        "fees",
    ),
    q("I was told there is another $1000 fee after they approve it?? is that true", "fees"),
    q(
        "I want to bring my wife and our three kids, do I need a separate application for each "
        "one and pay 4 times?",
        "how-to-file",
        "fees",
    ),
    q("what is the adress to mail the paper application", "how-to-file"),
    # -- evidence, sponsor ---------------------------------------------------------------
    q(
        "what documents do I need to send with the application, passport, birth certificate?",
        "evidence",
    ),
    q("do the documents in spanish need to be translated to english", "evidence"),
    q("who can be the sponsor and what is the I-134 form", "financial-support"),
    q(
        "I only make $28,000 a year and have 3 kids, is that enough income to sponsor my mom",
        "financial-support",
    ),
    q("can two people sponsor together because my income alone is low", "financial-support"),
    # -- medical, dying, funeral, expedite -----------------------------------------------
    q(
        "My mother has stage 4 cancer and can't get a visa in time: can she come?",
        "medical-emergency",
    ),
    q(
        "my dad had a stroke in guatemala and the doctors there cant do the surgery he needs, "
        "a hospital in houston accepted him what do we do",
        "medical-emergency",
    ),
    q(
        "what should the doctors letter say for a medical parole case, diagnosis? prognosis?",
        "medical-emergency",
        "evidence",
    ),
    q(
        "My grandmother is dying in hospice here in Chicago and my uncle in Nigeria wants to say "
        "goodbye, visa interview is in 8 months",
        "medical-emergency",
    ),
    q(
        "my father passed away yesterday and my brother in Haiti wants to come to the funeral "
        "next week, is it possible",
        "medical-emergency",
        "expedite",
    ),
    q("can I ask them to decide faster? it is life or death, she has weeks to live", "expedite"),
    q(
        "how to make the case urgent, we filed already but the surgery date is in 3 weeks",
        "expedite",
    ),
    # -- processing time, status, receipt, RFE -------------------------------------------
    q(
        "How long does it take to get an answer? we filed 2 months ago and nothing",
        "processing-time",
    ),
    q("Our sponsored patient in Kyiv is waiting: what is happening with the case?", "case-status"),
    q("how can I check my case status online, I have the receipt number", "case-status"),
    q("I lost the receipt notice and dont know the case number, what can I do", "case-status"),
    q(
        "they sent a letter asking for more evidence with a deadline, what do I do now",
        "evidence",
        "case-status",
    ),
    # -- decision, after approval --------------------------------------------------------
    q(
        "we got a letter that says conditionally approved, what does that mean??",
        "decision-notice",
        "fees",
    ),
    q(
        "parole got approved!! what happens next, does she go to the embassy? how does she fly",
        "decision-notice",
        "parole-duration",
    ),
    # -- duration, end, re-parole --------------------------------------------------------
    q("how long can my son stay in the US with humanitarian parole? one year?", "parole-duration"),
    q(
        "my mom's parole expires in March but her chemo is not finished, can she extend it?",
        "reparole",
    ),
    q("when should we file for re-parole, how many days before it expires", "reparole"),
    q(
        "my parole already expired last month, am I illegal now? can I still renew",
        "expiry-and-departure",
        "reparole",
    ),
    q(
        "what happens if I leave the US before my parole ends, can I come back",
        "expiry-and-departure",
    ),
    q(
        "I moved to another apartment, do I need to tell immigration my new address",
        "expiry-and-departure",
        "case-status",
    ),
    # -- work ----------------------------------------------------------------------------
    q(
        "can my sister work while she is here on parole? how does she get a work permit",
        "work-authorization",
    ),
    q("how much is the EAD for parolees and how do I renew it", "work-authorization"),
    q(
        "my employer says my work permit is expired because my parole ended, what now",
        "work-authorization",
    ),
    # -- denial, refiling, withdrawal ----------------------------------------------------
    q("They denied my request, can I appeal???", "denial-and-refiling"),
    q(
        "can we apply again after the denial? her condition got much worse since then",
        "denial-and-refiling",
    ),
    q(
        "the denial said a visa route was available but the embassy refused her visa twice",
        "denial-and-refiling",
    ),
    q(
        "my mom got her tourist visa so we dont need the parole anymore, how do I cancel it",
        "case-status",
        "denial-and-refiling",
    ),
    # -- removal, crime ------------------------------------------------------------------
    q("I was deported years ago and my children are citizens: can I ask?", "criminal-history"),
    q(
        "my husband was deported in 2015 and has a 10 year bar, can he get humanitarian parole "
        "to see our sick daughter",
        "criminal-history",
        "medical-emergency",
    ),
    q("he has a DUI conviction from 2012 will that disqualify him", "criminal-history"),
    # -- representation ------------------------------------------------------------------
    q("Do I really need an attorney, and is anyone free?", "representation"),
    q("we cant afford a lawyer, where can I find free legal help near me", "representation"),
    q(
        "a notario charged me $3000 and promised approval, now nothing, was I scammed?",
        "representation",
    ),
    q("my lawyer is filing for us, what is the G-28 form", "representation"),
    q("what is an accredited representative? is it the same as a lawyer", "representation"),
    # -- misspelled ----------------------------------------------------------------------
    q("how much is the fe for humanitaran parol aplication", "fees"),
    q(
        "my mother is verry sick with cancr in el salvador, can she come for tretment",
        "medical-emergency",
    ),
    q("can i get a wrk permit on parole", "work-authorization"),
    q("what hapens if they deny my aplication, can i apel", "denial-and-refiling"),
    # -- Spanish -------------------------------------------------------------------------
    q(
        "mi hijo esta enfermo en honduras y no le dan visa que hago",
        "medical-emergency",
        language="es",
    ),
    q(
        "mi mamá tiene cáncer y necesita tratamiento en Estados Unidos, ¿puedo pedir el permiso "
        "humanitario para ella?",
        "medical-emergency",
        language="es",
    ),
    q("cuanto cuesta la solicitud de parole humanitario", "fees", language="es"),
    q(
        "me deportaron hace 8 años y mis hijos son ciudadanos, puedo pedir parole?",
        "criminal-history",
        language="es",
    ),
    q("necesito un abogado? no tengo dinero para pagar uno", "representation", language="es"),
    q(
        "cuanto tiempo tarda la decision? ya llevamos 4 meses esperando",
        "processing-time",
        language="es",
    ),
    q(
        "como puedo saber el estado de mi caso, tengo el numero de recibo",
        "case-status",
        language="es",
    ),
    q(
        "me negaron el parole, puedo apelar o volver a aplicar?",
        "denial-and-refiling",
        language="es",
    ),
    q(
        "mi permiso de parole se vence en dos meses y todavia sigo en tratamiento, como lo "
        "extiendo",
        "reparole",
        language="es",
    ),
    q(
        "puedo trabajar con el parole? como saco el permiso de trabajo",
        "work-authorization",
        language="es",
    ),
    q(
        "quien puede ser patrocinador y cuanto dinero necesita ganar",
        "financial-support",
        language="es",
    ),
    q(
        "un notario me cobro mucho dinero y me prometio la aprobacion, es una estafa?",
        "representation",
        language="es",
    ),
    q(
        "mi papa se esta muriendo en el hospital y mi hermana esta en mexico, puede venir a "
        "despedirse?",
        "medical-emergency",
        language="es",
    ),
    q("que documentos tengo que mandar con la solicitud", "evidence", language="es"),
    q(
        "ya estoy en estados unidos sin papeles, puedo pedir el parole humanitario?",
        "outside-us-requirement",
        language="es",
    ),
    q(
        "mi esposo es ciudadano y quiere patrocinar a su hermano que vive en venezuela, que "
        "formulario tiene que llenar",
        "financial-support",
        "how-to-file",
        language="es",
    ),
    q(
        "¿cuánto tiempo puede quedarse mi mamá en EE.UU. con el parole? ¿un año?",
        "parole-duration",
        language="es",
    ),
    q(
        "me llego una carta pidiendo mas pruebas y tiene fecha limite, que hago",
        "evidence",
        "case-status",
        language="es",
    ),
)
