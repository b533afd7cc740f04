/**
 * The words every generated text draws from, shared by the blog pages and the prose of the larger
 * benchmarks, so every corpus reads like the same field of study.
 */
export const COMMON = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an
they you were her she there been one all we their has would when who will more no if out so said what up its about into
than them can only other new some could time these two may then do first any my now such like our over man me even most
made after also did many before must through back years where much your way well down should because each just those
people how too little state good very make world still own see men work long get here between both life being under never
day same another know while last might us great old year off come since against go came right used take three`.split(/\s+/);

export const SUBJECT = `sanctuary border militia population government ministry province region army intelligence network
frontier security sovereignty tribe council coalition rebellion insurgency mediation ceasefire negotiation refugee
settlement trafficking corridor smuggling garrison patrol envoy delegation treaty agreement election campaign parliament
opposition faction movement alliance doctrine strategy logistics supply convoy checkpoint desert oasis caravan river
valley plateau highland capital district municipality governor commander militant recruit leadership succession
legitimacy grievance reform constitution tribunal court justice ransom hostage kidnapping surveillance informant archive
document testimony interview census survey drought harvest livestock pasture market trade currency remittance smuggler
diaspora pilgrimage scholar preacher mosque school clinic well road airstrip satellite radio broadcast propaganda
pamphlet communique manifesto ideology jurisprudence authority accountability transparency corruption patronage clan
lineage elder chieftain mediator observer mission peacekeeper mandate resolution sanction embargo aid donor budget
revenue tax customs tariff pipeline concession mine uranium gold salt phosphate`.split(/\s+/);

export const DESCRIPTIVE = `porous fragile contested remote local regional national foreign armed radical moderate rural urban northern
southern eastern western central recent ambitious violent peaceful informal formal secret public domestic external
strategic tactical political economic religious ethnic tribal historical colonial modern long-standing fragmented
decentralised centralised weak powerful legitimate illegitimate durable temporary seasonal nomadic sedentary
clandestine official unofficial provisional transitional cautious reluctant`.split(/\s+/);

export const CONNECTIVES = ['However,', 'Indeed,', 'Moreover,', 'In consequence,', 'Meanwhile,', 'By contrast,', 'Thereby,', 'Finally,', 'Firstly,', 'Secondly,'];
export const PLACES = ['Timbuktu', 'Gao', 'Kidal', 'Agadez', 'Tamanrasset', 'Niamey', 'Bamako', 'Nouakchott', 'Tripoli', 'Sebha', 'Ouargla', 'Mopti'];
export const PEOPLE = ['Amadou Koné', 'Fatima Benali', 'Youssef Haddad', 'Mariam Traoré', 'Omar Cissé', 'Leila Mansour', 'Ibrahim Diallo', 'Nadia Ferhat'];
