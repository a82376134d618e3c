"""Write ../events.yaml from the grouping below.

Each claim is given as (source, context): the context is a unique piece of that source's visible
text with the claimed spelling in [brackets]; whitespace in the context matches any whitespace.
The occurrence number is computed from the position (dates masked, convention A of
check_story.py), so it does not have to be counted by hand. Run check_story.py afterwards.
"""
import re, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_story as cs

HEADER = """\
# Gold grouping for story albania-kapinova-dam-2026-03 (invented Kapinova dam failure at Berat,
# Albania, 8 March 2026, and the protests after it). Written blind: no code or output of the tool
# was looked at. Occurrence numbers count the same spelling across all of a source's pages in the
# order listed in sources.yaml (adriatic-wire: 8 March page, then 14 March page; osum-courier:
# 10 March page, then 13 March page), in the visible page body (navigation, headline, standfirst,
# captions, infobox and table cells included; <head>/<title> excluded), with dates skipped.
# A number inside a range would count as an occurrence of its own spelling ("140-150" holds one
# "140"), but no claim below depends on that, nor on clock times being skipped, nor on upper or
# lower case ("Dozens" / "dozens"), nor on dates being skipped: tools/check_story.py checks all
# four. Omitted occurrence = 1. Claims are listed per event in sources.yaml order of sources.
events:
"""

# (section title, [events]); event = dict(label, claim_type, counted_group, scope, comment, claims)
SPEC = []


def section(title):
    SPEC.append((title, []))


def event(label, claim_type, counted_group, scope, claims, comment=None):
    SPEC[-1][1].append(dict(label=label, claim_type=claim_type, counted_group=counted_group,
                            scope=scope, claims=claims, comment=comment))


# ------------------------------------------------------------------------------------------------
section('Deaths')
event('People killed by the flood (total, all places)', 'killed', 'people', None, [
    ('adriatic-wire', 'at least [nine] dead as floodwater'),
    ('adriatic-wire', 'killing at least [nine] people'),
    ('adriatic-wire', 'death toll stands at [28]'),
    ('adriatic-wire', 'The flood has killed [28] people'),
    ('tirana-live', '"over [a hundred]" people have died'),
    ('tirana-live', 'confirmed toll is [16].'),
    ('tirana-live', '[sixteen] people are now confirmed dead'),
    ('tirana-live', 'confirms [nine] deaths'),
    ('tirana-live', 'recovered at least [four] bodies'),
    ('govpress', '[21] people had lost their lives'),
    ('akl', 'of the flood reached [24], the search'),
    ('akl', 'lost life has reached [24].'),
    ('meridian', 'dam toll reaches [24]'),
    ('meridian', 'dead numbered [24]'),
    ('meridian', 'up from [nine] on the day'),
    ('osum-courier', '[Sixteen] dead and hundreds'),
    ('osum-courier', 'on Monday was [16] dead'),
    ('osum-courier', 'death toll had risen to [24]'),
    ('citadel-notes', 'official toll is at least [24].'),
    ('adriatic-markets', 'which stood at [28] on Friday'),
    ('faktlab', 'No, more than [a hundred] people did not die'),
    ('faktlab', 'The official toll is [31].'),
    ('faktlab', '"Over [a hundred] people have died'),
    ('faktlab', 'count stood at [31] dead'),
    ('faktlab', 'up from [28] three days'),
    ('faktlab', 'from [nine] on the first evening'),
    ('faktlab', 'to [sixteen] the next day'),
    ('faktlab', 'anywhere near [100].'),
    ('faktlab', 'have received [31] bodies'),
    ('cora', '[33] people are confirmed dead'),
    ('cora', 'Total | [33] | 5'),
    ('panopedia', 'Deaths | [33] |'),
    ('panopedia', 'killing [33] people'),
    ('panopedia', 'was [nine] dead'),
    ('panopedia', 'it rose to [16] on'),
    ('panopedia', ', [24] on'),
    ('panopedia', ', [28] on'),
    ('panopedia', 'and [31] on'),
    ('panopedia', 'bringing the toll to [33]'),
    ('panopedia', '"over [a hundred]" deaths'),
], comment="""\
Cumulative death toll of the whole disaster (Berat, villages, Ura Vajgurore, Kucove). Official
values over time: "at least four" bodies (8 March morning), nine (8 March evening), 16 (9 March),
21 (10 March), 24 (11 March), 28 (13 March), 31 (16 March), 33 (21 March). Lagging sources keep
older values (citadel-notes "at least 24" on 15 March; adriatic-markets 28 on 16 March). The
opposition MP's denied "over a hundred" (quoted by the live blog, the fact-check headline and
claim box, the encyclopedia) and the fact-check's "anywhere near 100" are claims about this same
quantity and stay in the event, as do the morgues' "31 bodies" and the NGO table's Total row.""")

event('Children among the dead', 'killed', 'children', None, [
    ('cora', '[Seven] of the dead were children'),
    ('panopedia', 'of whom [seven] were children'),
])
event('Dead aged over 65', 'killed', 'people aged over 65', None, [
    ('cora', 'and [14] were over the age'),
])
event('Bodies found near Kucove on 21 March', 'killed', 'bodies', 'Kucove, 21 March', [
    ('panopedia', 'Another [two] bodies were found'),
], comment='An increment of the toll on one day (31 -> 33), not the toll itself.')
event('People killed in Berat municipality', 'killed', 'people', 'Berat municipality', [
    ('cora', 'Berat | [21] | 3'),
    ('cora', 'Berat accounts for [21] of the deaths'),
])
event('People killed in Ura Vajgurore municipality', 'killed', 'people', 'Ura Vajgurore municipality', [
    ('cora', 'Ura Vajgurore | [8] | 1'),
])
event('People killed in Kucove municipality', 'killed', 'people', 'Kucove municipality', [
    ('cora', 'Kuçovë | [4] | 1'),
])
event('Share of the deaths in Berat municipality', 'other', 'share of deaths (Berat)', 'Berat municipality', [
    ('cora', '[63,6 %]'),
], comment='Derived in the NGO report (21 of 33).')

# ------------------------------------------------------------------------------------------------
section('Injuries')
event('People injured by the flood (total)', 'injured', 'people', None, [
    ('adriatic-wire', '[Thirty-seven] people were being treated'),
    ('tirana-live', '[37] people are in hospital'),
    ('govpress', 'injured stands at [74]'),
    ('akl', 'are treated [74] wounded'),
    ('panopedia', 'Non-fatal injuries | [96]'),
    ('panopedia', 'In all, [96] people were injured'),
], comment='Cumulative: 37 (8 March), 74 (10 March), 96 (final). "being treated in hospital" = injured.')
event('Injured in grave condition', 'injured', 'people in grave condition', 'as of 11 March', [
    ('akl', 'of whom [9] in grave condition'),
])
event('Injured treated at Berat Regional Hospital', 'injured', 'people', 'Berat Regional Hospital', [
    ('govpress', 'of whom [61] are being treated'),
], comment='One hospital, part of the 74; not the Tirana detentions (61) of other sources.')

# ------------------------------------------------------------------------------------------------
section('Missing')
event('People missing (total)', 'missing', 'people', None, [
    ('adriatic-wire', 'and [dozens] unaccounted for'),
    ('adriatic-wire', 'police said [dozens] of residents'),
    ('adriatic-wire', 'and [12] remain missing'),
    ('tirana-live', 'a list of [212] people they have not'),
    ('tirana-live', 'a list of [212] people who are unaccounted'),
    ('govpress', 'and [41] were still missing'),
    ('akl', 'search continues for [41] missing'),
    ('akl', 'search for [41] persons'),
    ('akl', 'a list with [212] names'),
    ('meridian', 'Another [41] people are still missing'),
    ('osum-courier', 'with [41] people still unaccounted'),
    ('faktlab', 'a police list of [212] "missing"'),
    ('faktlab', '[Seven] people remain missing'),
    ('faktlab', 'Where did the [212] come from'),
    ('faktlab', 'published a list of [212] people'),
    ('faktlab', 'a figure of [41].'),
    ('faktlab', 'quoting the [212] two days'),
    ('cora', 'and [5] are still missing'),
    ('cora', 'Total | 33 | [5] |'),
    ('panopedia', 'Missing | [5] |'),
    ('panopedia', 'a list of [212] missing'),
    ('panopedia', 'fell from [41] ('),
    ('panopedia', 'to [5].'),
], comment="""\
Cumulative count of people unaccounted for: "dozens" (8 March), 212 (police list of 9 March,
withdrawn on 10 March as containing duplicates and people found alive; still this quantity),
41 (10-13 March), 12 (13 March), seven (16 March), 5 (final). osum-courier's 41 on 13 March
lags the official 12 of the same day.""")
event('Missing people in Berat municipality', 'missing', 'people', 'Berat municipality', [
    ('cora', 'Berat | 21 | [3]'),
])
event('Missing people in Ura Vajgurore municipality', 'missing', 'people', 'Ura Vajgurore municipality', [
    ('cora', 'Ura Vajgurore | 8 | [1]'),
])
event('Missing people in Kucove municipality', 'missing', 'people', 'Kucove municipality', [
    ('cora', 'Kuçovë | 4 | [1]'),
])
event('People on the withdrawn police list who had turned up safe', 'other', 'people found safe', None, [
    ('faktlab', '[dozens] of people who had since turned up safe'),
])

# ------------------------------------------------------------------------------------------------
section('Evacuation and shelter')
event('People evacuated (total)', 'evacuated', 'people / residents', None, [
    ('adriatic-wire', 'More than [3,000] people evacuated'),
    ('adriatic-wire', 'More than [3,000] people were evacuated'),
    ('adriatic-wire', 'More than [5,000] residents'),
    ('tirana-live', 'more than [4,700] have been evacuated'),
    ('tirana-live', 'Police say [hundreds] of people are being moved'),
    ('govpress', 'More than [4,700] residents'),
    ('akl', 'in total [5 350] citizens'),
    ('meridian', 'more than [5,000] evacuated'),
    ('cora', 'Of the [5.350] people evacuated'),
    ('panopedia', 'Evacuated | [5,350]'),
    ('panopedia', 'evacuation of [5,350]'),
], comment="""\
People moved out of danger by the authorities, cumulative: "hundreds" being moved by boat and
truck (8 March morning), more than 3,000 (8 March), more than 4,700 (9-10 March), 5,350
(11 March, final).""")
event('People airlifted by helicopter', 'evacuated', 'people', 'by helicopter', [
    ('tirana-live', 'lifted [52] people'),
    ('akl', 'of whom [86] with helicopters'),
], comment='Cumulative: 52 on 8 March, 86 by 11 March; a part of the evacuated total.')
event('People who could not return home (displaced)', 'displaced', 'people', None, [
    ('cora', 'some [2.900] could not return'),
    ('panopedia', 'Displaced | [2,900]'),
])
event('People staying in collective shelters', 'displaced', 'people', 'collective shelters', [
    ('govpress', 'and [1,240] are staying in the shelters'),
    ('akl', 'are accommodated [1 240] persons'),
    ('osum-courier', 'where about [1,100] people'),
    ('cora', '[1.065] were still living'),
], comment='Same quantity over time: about 1,100 (9 March night), 1,240 (10-11 March), 1,065 (24 March).')
event('Collective shelters opened', 'other', 'shelters', 'Berat', [
    ('govpress', 'in the [14] temporary shelters'),
    ('akl', 'In [14] collective centres'),
    ('osum-courier', 'had opened [14] shelters'),
])
event('Households without drinking water', 'other', 'households', 'lower town of Berat, 9 March', [
    ('osum-courier', '[2,300] households'),
])
event('Volunteer students who came from Tirana', 'other', 'students (volunteers)', 'Berat, 9 March', [
    ('osum-courier', '[dozens] of students'),
])

# ------------------------------------------------------------------------------------------------
section('Houses')
event('Houses flooded (total)', 'damage', 'houses / homes / dwellings', None, [
    ('adriatic-wire', '[Hundreds] of homes were flooded'),
    ('akl', '[1 480] dwellings were flooded'),
    ('meridian', 'almost [1,500] were flooded'),
    ('osum-courier', 'and [hundreds] of homes flooded'),
    ('cora', 'Total | 33 | 5 | [1.512]'),
    ('cora', 'flooded houses, [1.512], is higher'),
    ('cora', 'first figure of [1.480]'),
    ('panopedia', 'At least [1,480] houses'),
], comment="""\
Same quantity over time: "hundreds" (8-10 March), 1,480 (prefecture, 11 March; "almost 1,500"),
1,512 (final, with houses in Kucove added).""")
event('Houses flooded in the Gorica quarter', 'damage', 'houses', 'Gorica quarter of Berat', [
    ('osum-courier', 'listed [340] flooded houses'),
])
event('Houses flooded in Berat municipality', 'damage', 'houses', 'Berat municipality', [
    ('cora', '| [1.096] |'),
])
event('Houses flooded in Ura Vajgurore municipality', 'damage', 'houses', 'Ura Vajgurore municipality', [
    ('cora', '| [318] |'),
])
event('Houses flooded in Kucove municipality', 'damage', 'houses', 'Kucove municipality', [
    ('cora', '| [98] |'),
])
event('Houses destroyed or uninhabitable', 'damage', 'houses / dwellings', None, [
    ('akl', 'of which [187] are destroyed'),
    ('meridian', '; [187] houses fall into that category'),
    ('panopedia', '[187] of them destroyed'),
])

# ------------------------------------------------------------------------------------------------
section('Rescue forces')
event('Soldiers deployed for the flood', 'deployed', 'soldiers / troops (Albanian Armed Forces)', None, [
    ('adriatic-wire', 'sent [450] soldiers'),
    ('tirana-live', 'Some [450] soldiers'),
    ('govpress', 'raised from [450] to'),
    ('govpress', 'to [1,000], alongside'),
    ('akl', 'engaged [1 000] effectives'),
    ('meridian', 'About [1,000] troops'),
    ('panopedia', 'Up to [1,000] soldiers'),
], comment='450 on 8 March, raised to 1,000 on 10 March: one quantity over time ("effectives" = soldiers).')
event('Police officers deployed for the flood', 'deployed', 'police officers', None, [
    ('adriatic-wire', 'and [800] police officers'),
    ('govpress', 'alongside [800] officers'),
    ('akl', '[800] employees of the State Police'),
    ('panopedia', '[800] police officers'),
])
event('Firefighters deployed', 'deployed', 'firefighters', None, [
    ('govpress', '[120] firefighters'),
    ('akl', '[120] firefighters'),
    ('panopedia', '[120] firefighters'),
])
event('Italian rescuers sent through the EU Civil Protection Mechanism', 'deployed', 'rescuers (Italian civil protection)', None, [
    ('akl', 'as well as [38] rescuers'),
    ('panopedia', 'team of [38] rescuers'),
])
event('Police officers deployed in Tirana for the protest of 14 March', 'deployed', 'police officers (riot gear)', 'Tirana, 14 March', [
    ('adriatic-wire', 'Some [1,800] officers'),
], comment='Protest policing in Tirana, not the 800 police of the flood rescue.')

# ------------------------------------------------------------------------------------------------
section('Measures (durations)')
event('Duration of the state of natural disaster in Berat county', 'other', 'day', None, [
    ('adriatic-wire', 'declared a [30]-day state'),
    ('tirana-live', 'Berat county for [30] days'),
    ('govpress', 'remains in force for [30] days'),
    ('akl', 'is in force for [30] days'),
    ('panopedia', 'declared a [30]-day state'),
], comment='Duration of a measure (README convention): type other, head "day".')
event('Days of national mourning', 'other', 'day', None, [
    ('govpress', '[two] days of national mourning'),
    ('akl', 'declared [two] days of national mourning'),
    ('panopedia', 'and [two] days of national mourning'),
], comment='Duration of a measure (two days, 11-12 March): type other, head "day".')

# ------------------------------------------------------------------------------------------------
section('The dam and the flood')
event('Volume of water in the reservoir', 'other', 'cubic metres (metre)', None, [
    ('adriatic-wire', 'about [4.2 million] cubic metres'),
    ('meridian', 'an estimated [4.2m] cubic metres'),
    ('citadel-notes', '"about [2.6 million] cubic metres"'),
    ('citadel-notes', 'figure of [4.2 million] is'),
    ('panopedia', 'held about [4.2 million] cubic metres'),
], comment="""\
The operator's 2.6 million, called "simply wrong" by the blogger (a figure denied), is a claim
about the same quantity as the ministry's 4.2 million.""")
event('Height of the dam', 'other', 'metre', None, [
    ('panopedia', 'The [28]-metre'),
])
event('Rainfall on the catchment before the failure', 'other', 'millimetre', None, [
    ('citadel-notes', 'recorded [176] millimetres'),
    ('panopedia', 'After [176] mm'),
])
event('Time the reservoir took to empty', 'other', 'minute', None, [
    ('citadel-notes', 'says under [40] minutes'),
    ('panopedia', 'in under [40] minutes'),
], comment='How long the draining lasted (duration convention), head "minute".')
event('Average outflow during the breach', 'other', 'cubic metres a second (metre)', None, [
    ('citadel-notes', 'roughly [1,750] cubic metres'),
])
event('Ordinary March flow of the Osum at Berat', 'other', 'cubic metres a second (metre)', 'ordinary March', [
    ('citadel-notes', 'carries about [30] in'),
])
event('Defects listed by the 2023 inspection', 'other', 'defects', None, [
    ('citadel-notes', 'listed [14] defects'),
    ('panopedia', 'listed [14] defects'),
])
event('State funds paid to the operator in 2021 for repairs', 'other', 'euro / lek', '2021', [
    ('citadel-notes', '€[1.2 million] in'),
    ('citadel-notes', 'roughly [118 million] lek'),
    ('panopedia', '€[1.2 million] in state funds'),
], comment='Same amount in euros and converted into lek.')
event('Population of Berat', 'other', 'people (population)', 'Berat', [
    ('adriatic-wire', 'about [33,000] people'),
    ('meridian', 'about [33,000] people'),
])
event('Dams in Albania', 'other', 'dams', 'Albania', [
    ('meridian', 'about [300] dams'),
])
event('Share of dams with a working early-warning system', 'other', 'share of dams', 'Albania', [
    ('meridian', 'fewer than [a third]'),
])

# ------------------------------------------------------------------------------------------------
section('Protest crowds')
event('Vigil in Berat (10 March)', 'protesters', 'residents', 'Berat, 10 March', [
    ('meridian', '[hundreds] of residents held'),
])
event('Protest march in Berat (12 March)', 'protesters', 'people / protesters', 'Berat, 12 March', [
    ('adriatic-wire', 'about [3,000] people gathered'),
    ('osum-courier', '[Thousands] marched'),
    ('osum-courier', 'crowd at about [3,000]'),
    ('osum-courier', 'more than [10,000] people'),
    ('panopedia', 'by police at [3,000]'),
    ('panopedia', 'more than [10,000], ended'),
], comment='Police estimate (about 3,000) and organisers\' (more than 10,000) of one crowd: one event.')
event('Protest in Tirana (14 March)', 'protesters', 'people / protesters', 'Tirana, 14 March', [
    ('adriatic-wire', 'Organisers say [25,000]'),
    ('adriatic-wire', 'put the crowd at [6,500]'),
    ('adriatic-wire', 'boulevard at [6,500]'),
    ('adriatic-wire', 'said [25,000] had taken part'),
    ('panopedia', 'between [6,500] (police'),
    ('panopedia', 'and [25,000] (organisers'),
])

# ------------------------------------------------------------------------------------------------
section('Detentions and charges')
event('People detained in Berat after the protest of 12 March', 'detained', 'people / protesters', 'Berat, night of 12-13 March', [
    ('adriatic-wire', 'ended with [38] arrests'),
    ('osum-courier', 'clashes; [38] detained overnight'),
    ('osum-courier', 'Police detained [38] people'),
    ('faktlab', 'for Berat is [38]'),
    ('cora', 'Berat, 12–13 March | [38]'),
    ('panopedia', 'clashes and [38] arrests'),
])
event('People detained in Tirana on 14 March', 'detained', 'people / protesters', 'Tirana, 14 March', [
    ('adriatic-wire', 'police detain [61] as'),
    ('adriatic-wire', 'police detained [61] people'),
    ('faktlab', 'said [61] people had been detained'),
    ('cora', 'Tirana, 14 March | [61]'),
    ('panopedia', '; [61] were detained'),
], comment="""\
One city, one day. FaktLab's correction box repeats 61 while saying it was wrongly given for
Berat and is the Tirana figure, so that spelling belongs here (as the correction says).""")
event('People detained over the protests (all places, cumulative)', 'detained', 'people / protesters', None, [
    ('adriatic-wire', 'bringing to [99] the number'),
    ('cora', 'police detained [125] people'),
    ('cora', 'Total | [125] | 44'),
    ('cora', 'reported [117] detentions'),
    ('cora', 'rose to [125] by'),
    ('panopedia', '; [125] protesters'),
    ('panopedia', 'in which [125] people were detained'),
    ('panopedia', 'In total [125] people were detained'),
], comment='National total over time: 99 (14 March), 117 (16 March), 125 (19 March, final).')
event('People detained in Fier (14 March)', 'detained', 'people', 'Fier, 14 March', [
    ('cora', 'Fier, 14 March | [11]'),
])
event('People detained in Kucove (15 March)', 'detained', 'people', 'Kucove, 15 March', [
    ('cora', 'Kuçovë, 15 March | [7]'),
])
event('Further arrests, 16-19 March', 'detained', 'people', '16-19 March', [
    ('cora', 'Further arrests, 16–19 March | [8]'),
])
event('Journalists among those detained in Tirana', 'detained', 'journalists', 'Tirana, 14 March', [
    ('cora', '[Three] journalists'),
])
event('People charged over the protests (total)', 'other', 'people charged', None, [
    ('cora', '; [44] of them'),
    ('cora', 'Total | 125 | [44]'),
    ('panopedia', '[44] of whom were charged'),
])
event('Share of the detained who were charged', 'other', 'share of detainees', None, [
    ('cora', '[35,2 %]'),
])
event('People charged after the Berat protest', 'other', 'people charged', 'Berat, 12-13 March', [
    ('osum-courier', 'that [17] of those detained'),
    ('cora', '| 38 | [17]'),
])
event('People charged after the Tirana protest', 'other', 'people charged', 'Tirana, 14 March', [
    ('cora', '| 61 | [21]'),
])
event('People charged after the Fier protest', 'other', 'people charged', 'Fier, 14 March', [
    ('cora', '| 11 | [3]'),
])
event('People charged after the Kucove protest', 'other', 'people charged', 'Kucove, 15 March', [
    ('cora', '| 7 | [0]'),
])
event('People charged after the further arrests of 16-19 March', 'other', 'people charged', '16-19 March', [
    ('cora', '| 8 | [3]'),
])
event('People arrested over the dam failure (officials, company managers)', 'detained', 'officials / company managers', None, [
    ('adriatic-wire', 'arrested [three] people over the collapse'),
    ('akl', 'known that [three] persons are arrested'),
    ('meridian', '[Three] arrested over collapse'),
    ('panopedia', 'Arrests | [4] officials'),
    ('panopedia', 'arrested [three] people on'),
], comment='Cumulative: three (11 March), four (16 March). Panopedia\'s "a fourth" is an ordinal, not listed.')

# ------------------------------------------------------------------------------------------------
section('Protest injuries and use of force')
event('Police officers injured in Berat (12 March)', 'injured', 'police officers', 'Berat, 12 March', [
    ('osum-courier', 'police say [14] officers'),
    ('osum-courier', '[Fourteen] police officers were injured'),
    ('cora', '[14] in Berat'),
])
event('Police officers injured in Tirana (14 March)', 'injured', 'police officers', 'Tirana, 14 March', [
    ('adriatic-wire', '[Nineteen] officers were hurt'),
    ('cora', 'and [19] in Tirana'),
    ('panopedia', 'and [19] police officers injured'),
])
event('Police officers seriously injured in Tirana (14 March)', 'injured', 'police officers (seriously injured)', 'Tirana, 14 March', [
    ('adriatic-wire', '[two] of them seriously'),
])
event('Police officers injured in the protests (total)', 'injured', 'police officers', None, [
    ('cora', 'reported [33] officers injured'),
])
event('Protesters injured in Tirana (14 March)', 'injured', 'protesters', 'Tirana, 14 March', [
    ('adriatic-wire', 'said [dozens] of protesters'),
    ('cora', '[27] protesters were treated'),
], comment='"dozens" treated by medics at the scene and 27 in hospital records: one quantity.')
event('Protesters injured in Berat (12 March)', 'injured', 'protesters', 'Berat, 12 March', [
    ('osum-courier', 'at least [20] protesters'),
    ('cora', 'and [20] in Berat'),
])
event('Cases of excessive force documented by the NGO', 'other', 'cases', None, [
    ('cora', 'documented [23] cases of apparently'),
    ('cora', 'documented [23] cases in which'),
])
event('Cases of excessive force documented in Tirana', 'other', 'cases', 'Tirana', [
    ('cora', '[16] of them in Tirana'),
])

# ------------------------------------------------------------------------------------------------
section('Damage')
event('Damage caused by the flood (total)', 'damage', 'money (lek / euro)', None, [
    ('adriatic-wire', 'damage at [7.8 billion] lek'),
    ('adriatic-wire', 'about [80 million] euros'),
    ('meridian', 'run into [billions] of lek'),
    ('adriatic-markets', 'bill put at [7.8 billion] lek'),
    ('adriatic-markets', 'equals about €[80 million]'),
    ('adriatic-markets', 'flood at [7.8 billion] lek'),
    ('adriatic-markets', 'or about €[80 million] at'),
    ('cora', 'put at [12,2 billion] lekë'),
    ('cora', '(€[124 million])'),
    ('panopedia', '€[124 million] (L'),
    ('panopedia', '(L [12.2 billion])'),
    ('panopedia', 'damage at €[124 million], well'),
    ('panopedia', 'estimate of [7.8 billion] lekë'),
    ('panopedia', 'about €[80 million])'),
], comment="""\
Total damage estimate over time: the Meridian's forecast "billions of lek" (12 March), the
preliminary 7.8 billion lek (about EUR 80 million, 13 March), the joint government-EU assessment
of EUR 124 million (12.2 billion lek, 20 March). Lek and euro values of one amount are one
event.""")
event('Damage to agriculture', 'damage', 'money (lek / euro)', 'agriculture', [
    ('adriatic-markets', 'including [1.9 billion] lek'),
    ('adriatic-markets', '(€[19.4 million])'),
])
event('Farmland flooded', 'damage', 'hectare', None, [
    ('adriatic-markets', 'Some [2,650] hectares'),
])
event('Damage estimate as a multiple of the reconstruction fund', 'other', 'ratio', None, [
    ('adriatic-markets', 'more than [twice] the'),
])
event('Share of flooded homes that were insured', 'other', 'share of flooded homes', None, [
    ('adriatic-markets', 'around [6%] of the flooded homes'),
    ('adriatic-markets', 'around [6%] of the houses'),
])
event('Insurance claims notified', 'damage', 'lek (insurance claims)', None, [
    ('adriatic-markets', 'total [212 million] lek'),
], comment='Money claimed from insurers (a loss figure); not the 212 missing of other sources.')
event('Flour lost at the Mulliri i Osumit mill', 'damage', 'tonnes of flour', 'Berat', [
    ('adriatic-markets', 'lost [1,200] tonnes'),
])
event('Industrial bakeries still closed', 'other', 'bakeries', 'Berat', [
    ('adriatic-markets', "town's [two] largest"),
])
event('Share of April hotel bookings cancelled', 'other', 'share of bookings', 'old town of Berat, April', [
    ('adriatic-markets', 'say [80%] of April'),
])

# ------------------------------------------------------------------------------------------------
section('Compensation and funds')
event('Compensation for the family of each person killed', 'other', 'lek (per bereaved family)', None, [
    ('adriatic-wire', 'promised [1 million] lek'),
    ('govpress', 'approves [1 million] lek'),
    ('govpress', 'assistance of [1,000,000] lek'),
    ('akl', 'help of [1 000 000] lekë'),
    ('meridian', 'offered [1m] lek'),
    ('meridian', 'lek, about £[8,600]'),
    ('meridian', 'promised [1m] lek'),
    ('meridian', '(about £[8,600]) to each'),
    ('cora', 'the [1.000.000] lekë'),
    ('cora', '(about €[10.200])'),
    ('panopedia', 'granted [1,000,000] lekë'),
    ('adriatic-markets', '– [1 million] lek each'),
    ('adriatic-markets', 'about €[10,200]'),
], comment='Compensation is typed other (money, not damage); lek, pound and euro values of one amount.')
event('Compensation for each family whose home was destroyed', 'other', 'lek (per family)', None, [
    ('govpress', 'assistance of [600,000] lek'),
    ('akl', 'and [600 000] lekë'),
    ('meridian', 'and [600,000] lek'),
    ('meridian', '(£[5,200])'),
    ('cora', 'received [600.000] lekë'),
    ('cora', '(€[6.100])'),
    ('panopedia', 'and [600,000] lekë'),
])
event('Reconstruction fund', 'other', 'lek (fund)', None, [
    ('govpress', 'a [3 billion] lek reconstruction fund'),
    ('govpress', 'fund of [3 billion] lek, to be'),
    ('akl', 'the fund of [3 billion] lekë'),
    ('adriatic-markets', 'twice the [3 billion] lek'),
    ('cora', 'fund of [3 billion] lekë covers'),
    ('panopedia', 'fund of [3 billion] lekë.'),
])
event('Reconstruction fund as a share of the damage', 'other', 'share of damage', None, [
    ('cora', 'less than [a quarter]'),
])
event('Bereaved families paid by 24 March', 'other', 'families', 'as of 24 March', [
    ('cora', '[27] bereaved families'),
])
event('Families with destroyed homes paid by 24 March', 'other', 'families', 'as of 24 March', [
    ('cora', '[112] families whose homes'),
])

# ------------------------------------------------------------------------------------------------
section('Bread prices in Berat')
event('Price of a loaf before the flood', 'price', 'lek (per loaf of bread)', 'Berat, before 8 March', [
    ('meridian', 'cost [90] lek'),
    ('meridian', 'about [78] pence'),
    ('osum-courier', 'it was [90],'),
    ('citadel-notes', 'cost [90] before'),
    ('adriatic-markets', 'cost [90] lek before'),
    ('faktlab', 'against [90] before'),
    ('panopedia', 'rose from [90] to'),
], comment='90 lek = about 78 pence (Meridian): one event.')
event('Price of a loaf after the flood (before the ceiling)', 'price', 'lek (per loaf of bread)', 'Berat, 9-12 March', [
    ('meridian', 'sells for [140] lek'),
    ('meridian', '(£[1.20])'),
    ('osum-courier', 'bread sold for [140] lek'),
    ('osum-courier', 'charging [140 to 150] lek'),
    ('citadel-notes', 'paying [140] lek'),
    ('adriatic-markets', 'sold for [140–150] lek'),
    ('faktlab', 'bread cost [300] lek'),
    ('faktlab', 'a loaf costs [300] lek'),
    ('faktlab', 'reached [140–150] lek'),
    ('panopedia', 'to [140–150] lekë'),
], comment="""\
140 or 140-150 lek (GBP 1.20). The viral "300 lek" that FaktLab rates false (h2 and body) is a
claim about the same price and stays here. citadel-notes' 140 on 15 March is what its
neighbours pay in the lower town, where the ceiling is not respected.""")
event('Price ceiling for a loaf (from 12 March)', 'price', 'lek (per loaf of bread)', 'Berat, from 12 March', [
    ('osum-courier', 'no more than [100] lek'),
    ('citadel-notes', 'ceiling of [100] lek'),
    ('adriatic-markets', 'ceiling of [100] lek'),
    ('faktlab', 'charging [100] lek'),
    ('panopedia', 'price at [100] lekë'),
], comment='FaktLab\'s observed price at six bakeries equals the ceiling and is grouped with it.')
event('Price of a loaf in 2022', 'price', 'lek (per loaf of bread)', '2022', [
    ('citadel-notes', '[60] in 2022'),
    ('adriatic-markets', 'cost [60] lek.'),
    ('panopedia', 'about [60] lekë'),
])
event('Bakeries checked by the fact-checkers', 'other', 'bakeries', 'Berat, 16 March', [
    ('faktlab', 'checked [six] bakeries'),
])
event('Shares of the viral bread-price post', 'other', 'shares (times)', None, [
    ('faktlab', 'more than [4,000] times'),
])


# ------------------------------------------------------------------------------------------------
def ctx_regex(ctx):
    m = re.fullmatch(r'(.*)\[(.+?)\](.*)', ctx, re.S)
    if not m:
        raise SystemExit(f'no [claim] in context {ctx!r}')
    pre, claim, post = m.groups()
    def part(s):
        return r'\s+'.join(re.escape(w) for w in s.split(' ')) if s else ''
    p = part(pre.rstrip(' ')) + (r'\s+' if pre.endswith(' ') else '')
    q = (r'\s+' if post.startswith(' ') else '') + part(post.lstrip(' '))
    p = p.replace(r'\|', r'\|')
    return claim, re.compile(p + '(' + re.escape(claim) + ')' + q)


def q(v):
    import yaml, json
    try:
        ok = yaml.safe_load(v) == v and not v.startswith(('"', "'"))
    except Exception:
        ok = False
    return v if ok else json.dumps(v, ensure_ascii=False)


def main():
    src, texts, _ = cs.load()
    A, B, C, D = cs.views(texts)
    order = [s['id'] for s in src]
    out = [HEADER]
    problems = 0
    for title, evs in SPEC:
        out.append(f'  # --- {title} ' + '-' * max(3, 92 - len(title)) + '\n')
        for e in evs:
            claims = []
            for s, ctx in e['claims']:
                claim, rx = ctx_regex(ctx)
                ms = list(rx.finditer(D[s]))
                if len(ms) != 1:
                    print(f'CONTEXT {s} {ctx!r}: {len(ms)} matches'); problems += 1; continue
                pos = ms[0].start(1)
                fa = cs.finds(A[s], claim, 'A')
                if pos not in fa:
                    print(f'NOT COUNTABLE {s} {ctx!r} (inside a date or a longer number?)'); problems += 1; continue
                claims.append((order.index(s), pos, s, claim, fa.index(pos) + 1))
            claims.sort()
            if e['comment']:
                for line in e['comment'].splitlines():
                    out.append(f'  # {line}\n')
            out.append(f'  - label: {q(e["label"])}\n')
            out.append(f'    claim_type: {e["claim_type"]}\n')
            out.append(f'    counted_group: {q(e["counted_group"])}\n')
            out.append(f'    scope: {q(e["scope"]) if e["scope"] else "null"}\n')
            out.append('    claims:\n')
            for _, _, s, claim, n in claims:
                occ = f', occurrence: {n}' if n > 1 else ''
                out.append(f'      - {{source: {s}, text: "{claim}"{occ}}}\n')
            out.append('\n')
    text = ''.join(out).rstrip('\n') + '\n'
    (cs.SET / 'events.yaml').write_text(text, encoding='utf-8')
    print('written', cs.SET / 'events.yaml', 'problems:', problems)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
