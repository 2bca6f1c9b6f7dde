#!/usr/bin/env node
/**
 * Writes server/src/engine/detectors/data/names.ts: compact lists of common US given names and surnames for
 * the name detector. Sources: @faker-js/faker's en locale (a devDependency; the runtime never imports it) and
 * a short list of the most common US surnames and given names that faker's list lacks. Names that are also
 * common English words (faker's en word lists plus notebook vocabulary) go to AMBIGUOUS_NAMES, which the
 * detector reports only with a strong cue.
 *
 * Run: node scripts/gen-names.mjs   (commit the generated file)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '@faker-js/faker';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'server/src/engine/detectors/data/names.ts');

/** Most common US surnames (decennial census ranking) that complete faker's invented-sounding list. */
const COMMON_SURNAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis
Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera
Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris
Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward
Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel
Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales
Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole
Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson
Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson
Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver
Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley
Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins
Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman Rios
Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin
Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey
Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang Weber Welch
Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh Bowman Schultz Luna Fowler Mejia Davidson
Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez Douglas Schneider Joseph Barrett Navarro Figueroa
Keller Avila Wade Molina Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig
Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz Norris Jennings
Watts Duran Walters Cohen McDaniel Moran Parks Steele Vaughn Becker Holt Deleon Barker Terry Hale Leon Hail Benson
Haynes Horton Miles Lyons Pham Graves Bush Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara
Fletcher Page McCarthy Love Robles Cervantes Solis Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel
Simon Velasquez Hardy Higgins Aguirre Lin Cummings Chandler Sharp Barber Bowen Ochoa Dennis Robbins Liu Ramsey
Francis Griffith Paul Blair Oconnor Cardenas Pacheco Cross Calderon Quinn Moss Swanson Chan Rivas Khan Rodgers
Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin Harmon McGee Gross Doyle Garner
Newton Burgess Reese Walton Blake Trujillo Adkins Brady Goodman Roman Webster Goodwin Fischer Huang Potter
Delacruz Montoya Todd Wu Hines Mullins Castaneda Malone Cannon Tate Mack Sherman Hubbard Hodges Zhang Guerra Wolf
Valencia Saunders Franco Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton
Schroeder Maxwell Waters Logan Camacho Strickland Norman Person Colon Parsons Frank Harrington Glover Osborne
Buchanan Casey Floyd Patton Ibarra Ball Tyler Suarez Bowers Orozco Salas Cobb Gibbs Andrade Bauer Conner Moody
Escobar McGuire Lloyd Mueller Hartman French Kramer McBride Pope Lindsey Velazquez Norton McCormick Sparks
Flynn Yates Hogan Marsh Macias Villanueva Zamora Pratt Stokes Owen Ballard Lang Brock Villarreal Charles Drake
Barrera Cain Patrick Pineda Burnett Mercado Santana Shepherd Bautista Ali Shaffer Lamb Trevino McKenzie Hess
Beil Olsen Cochran Morton Nash Wilkins Petersen Briggs Shah Roth Nicholson Holloway Lozano Rangel Flowers Hoover
Short Arias Mora Valenzuela Bryan Meyers Weiss Underwood Bass Greer Summers Houston Carson Morrow Clayton Whitaker
Decker Yoder Collier Zuniga Carey Wilcox Melendez Poole Roberson Larsen Conley Davenport Copeland Massey Lam Huff
Rocha Cameron Jefferson Hood Monroe Anthony Pittman Huynh Randall Singleton Kirk Combs Mathis Christian Skinner
Bradford Richard Galvan Wall Boone Kirby Wilkinson Bridges Bruce Atkinson Velez Meza Roy Vincent York Hodge
Villa Abbott Allison Tapia Gates Chase Sosa Sweeney Farrell Wyatt Dalton Horn Barron Phelps Yu Dickerson Heath
Foley Atkins Mathews Bonilla Acevedo Benitez Zavala Hensley Glenn Cisneros Harrell Shields Rubio Huber Choi`;

/** Common given names missing from faker's en lists (US births across recent decades, diverse origins). */
const COMMON_GIVEN = `Wei Priya Ananya Arjun Rohan Aisha Fatima Omar Ahmed Mohammed Muhammad Ali Hassan Yusuf Mei Ling Jin Hiroshi
Yuki Kenji Sakura Minh Linh Thao Huong Duc Nguyen Jose Juan Luis Carlos Miguel Jorge Pedro Alejandro Diego
Javier Ramon Rafael Sofia Valentina Camila Lucia Guadalupe Ximena Mariana Ana Rosa Carmen Dolores Esperanza
Jamal Darnell Tyrone DeShawn Latoya Keisha Tamika Aaliyah Imani Jada Nia Malik Andre Xavier Raj Sanjay Deepak
Anil Sunita Lakshmi Kavya Neha Pooja Vikram Sean Siobhan Niamh Declan Bjorn Ingrid Olga Svetlana Dmitri Ivan
Natasha Katarzyna Piotr Giovanni Giuseppe Francesca Chiara Matteo`;

/** Words common in notebooks and English that are also names: reported only with a strong cue. */
const NOTEBOOK_WORDS = `Name Will Mark Bill Grant Rose Hope Joy Faith Summer Dawn Chase Lane Price Young Long Case Page Hall Bell Green
Brown White Black Gray Grey King Rich Rule Key Ward May June April August Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March July September October November December Spring Autumn Winter Fall
Delta Lake Spark Python Scala Java Ruby Crystal Pearl Jade Amber Ivory Violet Iris Lily Daisy Holly Ginger Honey
Sky Storm River Brook Forest Stone Rock Cliff Glen Dale Heath Moss Reed Wood Woods Field Fields Hill Hills Park
Parks Banks Bush Ford Price Cash Money Sterling Major General Miles Mason Carter Hunter Fisher Baker Cook Cooper
Turner Walker Porter Taylor Tucker Gardner Weaver Parker Potter Miller Dean Earl Duke Prince Royal Bishop Pope
Sage Star Angel Destiny Harmony Liberty Justice Trinity Genesis Unique Precious Royal Serenity Journey Legend
Max Ray Gene Guy Pat Sue Kim Lee Jean Ned Ted Don Jack Frank Art Drew Wade Wolf Fox Hart Lamb Love Day Knight
Noble Sharp Short Little Strong Swift Wise Best Gross Hardy Moody Moss Nash Rice Salt Sweet Small Tall Bright
Cross Power Powers Street Marsh Ash Oak Elm Pine Chance Hunt Stephens Worth Temple Church Chapel Gay Merry Bliss
Charity Grace Mercy Patience Prudence Constance Verity Honor Unity Ocean Lincoln Washington Jefferson Madison
Jordan Austin Dallas Houston Phoenix Denver Aurora Savannah Georgia Carolina Virginia Dakota Cheyenne Sierra
Nevada Florence Victoria Alexandria Orlando Eugene Troy Lorraine Helena Paris London Sydney Chelsea Kent Devon
Cambridge Oxford Wells Mills Holmes Lyons Brooks Rivers Ponds Waters Meadows Vale Crane Finch Swan Robin Wren
Jay Hawk Drake Sparrow Dove Raven Lark Cruz Paz Luz Cielo Alpha Beta Gamma Sigma Omega Neo Matrix Apex Atlas
Titan Zeus Apollo Athena Nova Luna Stella Sol Orion Vega Leo Aries Gemini Cancer Libra Virgo Juno Mercury
Venus Mars Saturn Jupiter Pluto Echo Bravo Charlie Foxtrot Golf Hotel Juliet Kilo Lima Mike Oscar Papa Quebec
Romeo Sierra Tango Uniform Victor Whiskey Yankee Zulu Patient Doctor Nurse Member Admin User Test Sample Data
Table Model Query Job Task Run Stage Batch Stream Event Status Record Claim Policy Plan Cohort Feature Label
Target Source Output Input Result Report Summary Total Count Mean Median Average Value Number Rate Ratio Score
Parkinson Alzheimer Crohn Hodgkin Down Graves Addison Cushing Hashimoto Bell Tourette Asperger Kaposi Wilms
Ewing Huntington Lou Gehrig Guillain Barre Epstein Barr Marfan Raynaud Sjogren Reiter Paget Bright Apgar
Glasgow Wilson Turner Klinefelter Hopkins Mayo Kaiser Permanente Cleveland Sinai Cedars Mercy Providence Baptist
Methodist Presbyterian Kaplan Meier Cox Fisher Pearson Spearman Kendall Wilcoxon Mann Whitney Kruskal Wallis
Tukey Bonferroni Chi Student Welch Bayes Markov Monte Carlo Gauss Poisson Bernoulli Weibull Gompertz Cohen
Kappa Jaccard Levenshtein Hamming Euclid Euler Newton Laplace Fourier Pareto Gini Lorenz Shapley Hopper
Lovelace Turing Babbage Boole Codd Hadoop Hive Kafka Airflow Jupyter Pandas Polars Arrow Parquet Avro Iceberg
Hudi Unity Catalog Photon Mosaic Genie Lakehouse Lakeview Azure Amazon Google Oracle Snowflake Tableau Looker
Power Excel Word Outlook Teams Slack Jira Confluence Github Gitlab Docker Kubernetes Terraform Ansible Jenkins
Sonar Grafana Prometheus Kibana Elastic Redis Mongo Postgres Maria Sequel Ada Julia Rust Go Dart Swift Kotlin
Perl Haskell Erlang Elixir Clojure Lisp Pascal Fortran Cobol Basic Logo Shiny Dash Streamlit Flask Django`;

function words(block) {
  return block.split(/\s+/).filter(Boolean);
}

function capitalised(name) {
  return /^[A-Z][a-z]{1,19}$/.test(name);
}

const english = new Set();
for (const list of Object.values(en.word)) for (const w of list) english.add(w.toLowerCase());
const notebook = new Set(words(NOTEBOOK_WORDS).map((w) => w.toLowerCase()));

const given = new Set([...en.person.first_name.generic, ...en.person.first_name.female, ...en.person.first_name.male, ...words(COMMON_GIVEN)].filter(capitalised));
const surnames = new Set([...en.person.last_name.generic, ...words(COMMON_SURNAMES)].filter(capitalised));

const isAmbiguous = (n) => english.has(n.toLowerCase()) || notebook.has(n.toLowerCase()) || n.length < 3;
const ambiguous = new Set([...given, ...surnames].filter(isAmbiguous));
for (const w of words(NOTEBOOK_WORDS)) if (capitalised(w)) ambiguous.add(w);

const sorted = (set) => [...set].filter((n) => !ambiguous.has(n)).sort();
const first = sorted(given);
const last = sorted(surnames);
const amb = [...ambiguous].sort();
// Which of the ambiguous names the name lists hold as given names and as surnames: a word that is both a name
// and a word pairs with a clear name of the other kind (`Maria Gonzalez`, `Keisha Brown`).
const ambGiven = amb.filter((n) => given.has(n));
const ambSurnames = amb.filter((n) => surnames.has(n));
const words_ = [...english].filter((w) => /^[a-z]{2,}$/.test(w) && !given.has(w[0].toUpperCase() + w.slice(1)) && !surnames.has(w[0].toUpperCase() + w.slice(1))).sort();

function chunked(list) {
  const lines = [];
  let line = '';
  for (const n of list) {
    if (line.length + n.length + 1 > 110) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + n;
  }
  if (line) lines.push(line);
  return lines.map((l) => `  '${l} ' +`).join('\n').replace(/ ' \+$/, "'");
}

/** One exported set of the generated file: its doc comment, its name and its words. */
function nameSet(doc, name, words) {
  return `/** ${doc} */\nexport const ${name}: ReadonlySet<string> = new Set((\n${chunked(words)}\n).split(' '));\n`;
}

const body = [
  `// Generated by scripts/gen-names.mjs from @faker-js/faker (en) and US census name lists. Do not edit.\n`,
  nameSet('Given names that are not also common English or notebook words.', 'GIVEN_NAMES', first),
  nameSet('Surnames that are not also common English or notebook words.', 'SURNAMES', last),
  nameSet('Names that are also words (Will, Grace, Brown, March, Parkinson): reported only with a strong cue.', 'AMBIGUOUS_NAMES', amb),
  nameSet('The ambiguous names that are given names in the lists (Maria, Grace, Frank).', 'AMBIGUOUS_GIVEN_NAMES', ambGiven),
  nameSet('The ambiguous names that are surnames in the lists (Brown, Park, Washington).', 'AMBIGUOUS_SURNAMES', ambSurnames),
  nameSet('Common English words, lower case: a capitalised one after `Mr.` is a brand or a joke, not a surname.', 'ENGLISH_WORDS', words_),
].join('\n');
writeFileSync(out, body);
console.log(`wrote ${out}: ${first.length} given, ${last.length} surnames, ${amb.length} ambiguous, ${words_.length} words`);
