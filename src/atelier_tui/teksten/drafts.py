"""Dutch sentences for the draft answers to the five questions (domain/drafts.py).

A draft reports what came up in the room. The evenings are beeldvormend: the council decides
later, so no sentence here says that the council chose, decided or wants something.
"""

EN = "en"
NIVEAU = "Als richting kwam de trede {trede} naar voren."
EEN_LIJN = "De voorkeur ging uit naar één lijn voor alle opgaven."
PER_OPGAVE = "De voorkeur ging uit naar een trede per opgave."
REGEL = "Genoemd als regel voor die keuze: {regel}."
FRACTIES = "De fracties legden de trede op verschillende plaatsen: {treden}."
PROCES_INTRO = "Per opgave de trede nu en de trede die men straks passend vindt:"
OPGAVE_STAP = "{opgave}: van {nu} naar {straks}"
OPGAVE_BLIJFT = "{opgave}: blijft {nu}"
ROLLEN = "Als rol van de gemeente bij initiatieven werden vooral genoemd: {rollen}."
NIET_BEREIKT = "Nu niet bereikt: {groepen}."
DEELS_BEREIKT = "Deels bereikt: {groepen}."
ACTIES = "Genoemde ideeën om hen te bereiken:"
CRITERIA = "Genoemde criteria om draagvlak te beoordelen: {criteria}."
MEEGENOMEN = "Meegenomen uit de eerste avond: {kaarten}."
