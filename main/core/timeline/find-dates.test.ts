import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates';

const dates = (text: string, published: string | null = null) => findDates(text, published).map((found) => found.date);

/**
 * Real sentences: from the bundled article (../shared/corpus) and the readability test pages
 * (../shared/testdata/readability: lwn-1, wikipedia, ebb-org, lemonde-1, bbc-1, ietf-1, quanta-1),
 * copied as they are written, with the dates a reader would take from them.
 */
const REAL: Array<[sentence: string, published: string | null, expected: string[]]> = [
  // corpus/aqim-state-sanctuary.txt
  [
    'Indeed in January 2012 the National Movement for the Liberation of Azawad (MNLA[1]) – helped by AQMI and its related Islamic groups (Ansar Dine and MUJWA[2]) – ousted the Malian army out of northern Mali.',
    null,
    ['2012-01'],
  ],
  ['Throughout 2012, Islamist groups controlled the main cities of northern Mali.', null, ['2012']],
  ['As Al-Qaeda did in Afghanistan some 20 years ago, AQIM established sanctuaries in several countries.', '2013-02', ['1993']],
  ['As Al-Qaeda did in Afghanistan some 20 years ago, AQIM established sanctuaries in several countries.', null, []],
  ['A sanctuary – as described above – was established for years in Mali before the Tuareg rebellion.', '2013', []],
  // lwn-1
  ['Arduino LLC was incorporated in 2008 by Banzi, Cuartielles, Mellis, Igoe, and Martino.', null, ['2008']],
  ['Arduino LLC filed to register the US trademark in April 2009, and it was granted in 2011.', null, ['2009-04', '2011']],
  [
    'Unsurprisingly, Arduino LLC did not care for the petition to the USPTO and, in January 2015, the company filed a trademark-infringement lawsuit against Arduino SRL.',
    null,
    ['2015-01'],
  ],
  ['Comments (3 posted) Development activity in LibreOffice and OpenOffice By Jonathan Corbet March 25, 2015', null, ['2015-03-25']],
  [
    'Apache OpenOffice has made two releases in the past year: 4.1 in April 2014 and 4.1.1 (described as "a micro update" in the release announcement) in August.',
    '2015-03-25',
    ['2014-04', '2014-08'],
  ],
  ['In the one-year period since late March 2014, there have been 381 changesets committed to the OpenOffice Subversion repository.', null, ['2014-03']],
  [
    'The picture for LibreOffice is just a little bit different; in the same one-year period, the project has committed 22,134 changesets from 268 developers.',
    '2015-03-25',
    [],
  ],
  ['The Arduino project grew out of 2005-era course work taught at the Interaction Design Institute Ivrea (IDII) in Ivrea, Italy.', null, ['2005']],
  // wikipedia
  [
    'In a report released in November 2012, Mozilla reported that their total revenue for 2011 was $163 million, which was up 33% from $123 million in 2010.',
    null,
    ['2012-11', '2011', '2010'],
  ],
  ['On March 24, 2014, Mozilla promoted Brendan Eich to the role of CEO.', null, ['2014-03-24']],
  ['The current name, Firefox, was chosen on February 9, 2004.', null, ['2004-02-09']],
  ['Over 2,000 people representing 90 countries and 114 languages gathered in Santa Clara, Toronto and Brussels in 2013.', null, ['2013']],
  ['Retrieved 2012-08-21 .', null, ['2012-08-21']],
  ['Retrieved 1 May 2016 .', null, ['2016-05-01']],
  ['ISBN 9781404207196 .', null, []],
  // ebb-org, ietf-1, quanta-1, bbc-1
  ['I also thank those at the FSF who outlined clear protocols (ahead of time, back in March 2019) in case a situation like this ever came up.', null, ['2019-03']],
  ['Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.', null, ['2019-10-15']],
  ['Expires: 18 June 2015', null, ['2015-06-18']],
  ['But in November 1960, Lorenz described it during the discussion session.', null, ['1960-11']],
  ['Protest in McPhearson Square in Washington DC - 25 April 2013', null, ['2013-04-25']],
  // lemonde-1: a weekday and a day with no year, read in the year of publication.
  [
    'Les députés ont, sans surprise, adopté à une large majorité (438 contre 86 et 42 abstentions) le projet de loi sur le renseignement défendu par le gouvernement lors d’un vote solennel, mardi 5 mai.',
    '2015-05-05',
    ['2015-05-05'],
  ],
  ['Ont voté contre : 10 députés socialistes (sur 288), 35 UMP (sur 198), 11 écologistes (sur 18).', '2015-05-05', []],
];

const ENGLISH: Array<[string, string[]]> = [
  ['It happened on 12 January 2012.', ['2012-01-12']],
  ['It happened on the 12th of January, 2012.', ['2012-01-12']],
  ['It happened on January 12, 2012.', ['2012-01-12']],
  ['It happened in Jan. 2012.', ['2012-01']],
  ['It happened in Sept. 2012.', ['2012-09']],
  ['It happened in 2012.', ['2012']],
  ['Fighting went on between 2008 and 2012.', ['2008/2012']],
  ['Fighting went on from March 2011 to May 2012.', ['2011-03/2012-05']],
  ['Fighting went on from January to March 2012.', ['2012-01/2012-03']],
  ['The 2008–2012 campaign.', ['2008/2012']],
  ['The 2011–12 season.', ['2011/2012']],
  ['Smuggling grew in the 1990s.', ['1990/1999']],
  // A day that does not exist is not read as a day; the month it names still stands.
  ['31 February 2012 is not a day.', ['2012-02']],
];

const FRENCH: Array<[string, string[]]> = [
  ['La ville est tombée le 6 avril 2012.', ['2012-04-06']],
  ['La ville est tombée le 1er avril 2012.', ['2012-04-01']],
  ['La ville est tombée en avril 2012.', ['2012-04']],
  ['La ville est tombée en 2012.', ['2012']],
  ['Le 17 février 2012, les rebelles attaquent.', ['2012-02-17']],
  ['Août 2012 : les islamistes contrôlent Gao.', ['2012-08']],
  ['Les combats ont duré de 2008 à 2012.', ['2008/2012']],
  ['Les combats ont duré de janvier à mars 2013.', ['2013-01/2013-03']],
  ['Le trafic a grandi dans les années 1990.', ['1990/1999']],
];

/** Relative to a document published on 14 March 2013. */
const RELATIVE: Array<[string, string[]]> = [
  ['Last year the rebels took the north.', ['2012']],
  ['This year the French army intervened.', ['2013']],
  ['Elections are planned for next year.', ['2014']],
  ['The group split two years ago.', ['2011']],
  ['In January the French intervened.', ['2013-01']],
  ['In June the group split.', ['2012-06']],
  ['Last month the army came back to Timbuktu.', ['2013-02']],
  ['Yesterday a convoy was attacked.', ['2013-03-13']],
  ['On 2 March the army entered the valley.', ['2013-03-02']],
  ["L'année dernière, les rebelles ont pris le nord.", ['2012']],
  ['Il y a deux ans, le groupe s’est scindé.', ['2011']],
  ['En janvier, l’armée française est intervenue.', ['2013-01']],
  ['Hier, un convoi a été attaqué.', ['2013-03-13']],
  ['Le mois dernier, l’armée est revenue.', ['2013-02']],
];

const NOT_DATES: string[] = [
  'The group had 300 fighters.',
  'The group had 1500 fighters.',
  'Some 2000 people fled.',
  'See page 2012 of the report.',
  'See p. 1999.',
  'Ransoms reached $2012 million.',
  'It rose by 2012% in a year.',
  'It cost 2,012 euros.',
  'Flight 2012 was delayed.',
  'Version 2010 of the tool.',
  'The rebels may attack.',
  'They march on the capital.',
  'Tel: 455499.',
  'Le groupe comptait 1500 combattants.',
  'Mars is a planet.',
];

describe('findDates', () => {
  it.each(REAL)('reads %j (published %s) as %j', (sentence, published, expected) => {
    expect(dates(sentence, published)).toEqual(expected);
  });
  it.each(ENGLISH)('reads %j as %j', (sentence, expected) => expect(dates(sentence)).toEqual(expected));
  it.each(FRENCH)('reads %j as %j', (sentence, expected) => expect(dates(sentence)).toEqual(expected));
  it.each(RELATIVE)('reads %j against 2013-03-14 as %j', (sentence, expected) => expect(dates(sentence, '2013-03-14')).toEqual(expected));
  it.each(RELATIVE)('leaves %j alone without a publication date', (sentence) => expect(dates(sentence)).toEqual([]));
  it.each(NOT_DATES)('finds no date in %j', (sentence) => expect(dates(sentence, '2013-03-14')).toEqual([]));

  it('says which words it read, where, and whether against the publication date', () => {
    const text = 'Indeed in January 2012 the MNLA, last year, rose.';
    expect(findDates(text, '2013')).toEqual([
      { date: '2012-01', text: 'January 2012', index: 10, relative: false },
      { date: '2012', text: 'last year', index: 33, relative: true },
    ]);
  });

  it('needs a month of publication for "last month" and a day for "yesterday"', () => {
    expect(dates('Last month and yesterday.', '2013')).toEqual([]);
    expect(dates('Last month and yesterday.', '2013-01')).toEqual(['2012-12']);
  });

  it('reads every dated paragraph of the bundled article', () => {
    const article = fs.readFileSync(path.join(__dirname, '../../../../shared/corpus/aqim-state-sanctuary.txt'), 'utf8');
    expect(dates(article, '2013-02')).toEqual(['1993', '2012-01', '2012']);
  });
});
