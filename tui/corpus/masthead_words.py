"""The words the masthead reader (`tui.corpus.masthead`) tells a publication's name by: rules
of shape need to know which words name a publication ("Times", "Zeitung", "вестник"), which
join a name, which make it a credit and which name a date.
"""

from __future__ import annotations

from tui.support.wordsets import wordset

# The last word of a publication's name (before a corporate suffix), in the languages news
# is most often read in here. Written in lower case: "вестник" and "gazeta" stay lower case
# inside a name ("Балтийский вестник", "Nowa gazeta").
PUBLICATION_WORDS = wordset(
    "media group news times post press herald tribune journal gazette daily weekly network "
    "networks broadcasting broadcaster radio television tv agency publishing publications "
    "publishers publisher magazine chronicle telegraph observer courier mail express star "
    "globe standard review today wire dispatch bulletin record inquirer independent guardian "
    "monitor examiner sentinel register report insider newspaper newspapers newsroom channel "
    "service "
    # French, German, Dutch, Nordic
    "quotidien hebdo hebdomadaire presse dépêche courrier matin soir infos actu télévision "
    "zeitung nachrichten rundschau anzeiger kurier tagblatt tageblatt allgemeine rundfunk "
    "krant dagblad nieuws courant tidning tidende posten nyheter avis "
    # Spanish, Italian, Portuguese
    "diario periódico noticias prensa heraldo correo gaceta crónica televisión radiotelevisión "
    "corriere giornale gazzetta notizie stampa messaggero jornal notícias folha gazeta "
    # Russian, Ukrainian, Polish
    "вестник газета новости известия ведомости радио телевидение агентство журнал вісник "
    "новини газети радіо телебачення агентство тиждень wiadomości dziennik gazeta"
)
# A publication's name may open with these: "Radio Veldmoor", "Le Quotidien du Nord",
# "Corriere della Sera", "Agence France-Presse". Only in a byline or next to a date: a
# title-case subheading may open with any word.
LEADING_PUBLICATION_WORDS = wordset(
    "radio television tv channel radiotelevisión radiotelevisione rádio télé télévision "
    "quotidien journal diario periódico corriere giornale gazzetta gazeta jornal folha "
    "agence agencia agenzia agência agentur rundfunk kanal canal радио радіо телеканал"
)
# Articles a name may open with: "The Times", "Le Quotidien", "Il Giornale", "El Diario".
ARTICLES = wordset("the le la les l' il lo el los las der die das de het o a os as")
CORPORATE = wordset("ltd ltd. inc inc. llc corp corp. co co. plc gmbh ag limited company")
# Words a publication's name may hold in lower case: "Jornal do Norte", "News of the World".
JOINERS = wordset("of the and & de da do dos das del della di du la le van von al el")
# Trailing words that make an outlet's name a credit: "Harbour Times staff", "Daily Mail
# Reporter".
STAFF = wordset(
    "staff newsroom desk team reporter reporters correspondent writer editor host presenter "
    "producer anchor columnist contributor analyst"
)
# A desk or a rank before a role: "Business News Editor" names a job, not an outlet.
DESKS = wordset(
    "business political politics sports sport foreign health science technology tech economics "
    "economy world home city metro features culture arts environment education senior chief "
    "deputy associate managing executive investigative national international"
)
CALENDAR = wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today yesterday updated"
)
