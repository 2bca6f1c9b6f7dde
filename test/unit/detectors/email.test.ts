import { vectors } from './helpers';

const person = ['jane.q', 'public'].join('.') + '@' + 'mail.example.org';

describe('detectors/email', () => {
  vectors([
    { label: 'an address in a comment', text: `sent results to ${person} yesterday`, value: person, category: 'email' },
    { label: 'an address in a string literal', text: person, value: person, category: 'email', region: 'code' },
    { label: 'a mailto address', text: `mailto:${person}`, value: person, category: 'email', region: 'markdown' },
    { label: 'an address in angle brackets', text: `Contact <${person}>.`, value: person, category: 'email', region: 'output' },
    { label: 'an address after a User label', text: `User: ${person}`, value: person, category: 'email', region: 'code' },
    { label: 'a local part of a surname that is also a word', text: 'wrote to baker@mail.example.org', value: 'baker@mail.example.org', category: 'email' },
    { label: 'a local part of a given name and a word', text: 'wrote to grace.benefit@mail.example.org', value: 'grace.benefit@mail.example.org', category: 'email' },
  ], [
    { label: 'a department list of plain words', text: 'Contact for CHNA questions: community-benefit@example.org, revenue.integrity@example.org' },
    { label: 'a no-reply address', text: 'from noreply@hospital.org' },
    { label: 'a support address', text: 'email support@vendor.com for help' },
    { label: "a team's help desk at an example domain", text: 'Contact the RDW help desk at rdw-help@example.org or the EDW desk at edw-desk@example.org.' },
    { label: 'a team list', text: 'notify data-team@hospital.org and dl-analytics@hospital.org' },
    { label: 'a workspace path', text: '/Workspace/Users/jane.q.public@hospital.org/etl/notebook' },
    { label: 'a Databricks address', text: 'someone.person@databricks.com' },
    { label: 'git over ssh', text: 'git@github.com:org/repo.git' },
    { label: 'a decorator', text: '@udf("string")\n@pytest.mark.parametrize' },
    { label: 'a retina image name', text: 'logo@2x.png' },
    { label: 'a package pin', text: 'numpy@1.26.4' },
    { label: 'URL user info', text: 'https://token@host.example.org/api' },
    { label: 'a service principal', text: '0a1b2c3d-1111-2222-3333-444455556666@tenant.example.org' },
    { label: 'a placeholder address', text: 'user@example.com or your.name@company.com' },
    { label: 'a run of at signs', text: '@@@@ a@@b .@. @.com' },
    { label: 'a contributor credit', text: `# IMAP4 support contributed by Ann Example <${person}> in 2002` },
    { label: 'a copyright line', text: `# Copyright (C) 2005 Ann Example <${person}>` },
    { label: 'cloud IAM members', text: `members: ["user:${person}", "group:${person}", "serviceAccount:${person}"]` },
  ]);
});

/** Organisations' mailboxes are staff's; patients write from mailbox providers and invented ones from example domains. */
describe('detectors/email: staff at an organisation', () => {
  const staff = (local: string, domain: string): string => `${local}@${domain}`;
  vectors([
    { label: 'a mailbox provider address in brackets', text: `the son wrote from (${staff('hz1957', 'gmail.com')}) today`, value: staff('hz1957', 'gmail.com'), category: 'email' },
    { label: 'an address at an invented mail domain after a contact word', text: `contact: ${staff('a.zorblatt', 'examplemail.com')}`, value: staff('a.zorblatt', 'examplemail.com'), category: 'email' },
    { label: 'an address at a company after a patient cue', text: `pt email ${staff('hzorblatt', 'acmewidgets.com')} for letters`, value: staff('hzorblatt', 'acmewidgets.com'), category: 'email' },
    { label: "an address at a company after a relative's cue", text: `daughter (${staff('hzorblatt', 'acmewidgets.example.com')}) to get the letters`, value: staff('hzorblatt', 'acmewidgets.example.com'), category: 'email' },
    { label: 'an address at an example domain itself', text: `prefers ${staff('hzorblatt', 'example.net')} for letters`, value: staff('hzorblatt', 'example.net'), category: 'email' },
    { label: 'an address at an internet provider', text: `prefers ${staff('hzorblatt', 'frontiernet.net')} for letters`, value: staff('hzorblatt', 'frontiernet.net'), category: 'email' },
  ], [
    { label: 'an address at a company with no cue', text: `send ${staff('hzorblatt', 'acmewidgets.com')} the extract`, region: 'markdown' },
    { label: "an address at an invented company's example domain with no cue", text: `vendor SME ${staff('hzorblatt', 'acmewidgets.example.com')}`, region: 'markdown' },
    { label: 'a list of staff addresses at a domain with no care word', text: `| Ravi Zorblatt, MLS | ${staff('rzorblatt', 'blueheronmg.com')} |`, region: 'output' },
    { label: "an address at a care organisation's domain", text: `ED Operations Analytics · ${staff('jzorblatt', 'lakeshorehealth.org')}`, region: 'markdown' },
    { label: 'a pharmacy benefit domain', text: `Formulary Analytics (${staff('dzorblatt', 'keystonerx.com')})`, region: 'markdown' },
    { label: 'a byline at a company domain', text: `Actuarial Analytics · Gavin Zorblatt, FCAS (${staff('gzorblatt', 'greatplainsmutual.com')})`, region: 'markdown' },
    { label: 'a maintainer at a company domain', text: `Maintainers: Beatrix Zorblatt-Lowe (${staff('bzorblatt', 'tidewaterpp.com')})`, region: 'markdown' },
    { label: 'a row of a table of staff', text: `| Sponsor data manager | Theo Zorblatt | ${staff('tzorblatt', 'helixartx.com')} |`, region: 'markdown' },
    { label: 'a university address', text: `ask ${staff('zorblatt', 'stats.univ.edu')}`, region: 'comment' },
    { label: "a team's mailbox of words and a team abbreviation", text: `4. mailbox for corrections: ${staff('provider-data', 'zzyzxhp.com')} (option 4)`, region: 'markdown' },
    { label: "a rep's address after the name inside brackets", text: `Stryker trauma rep (Kent Zorblatt, ${staff('kent.zorblatt', 'stryker.example.com')}) hadn't submitted`, region: 'markdown' },
    { label: "a health plan's invented domain under an example one", text: `Questions -> #stars or ${staff('kzorblatt', 'northstarhp.example.com')}`, region: 'markdown' },
    { label: "an EMS agency's domain", text: `after me: Hannah Zorblatt, ${staff('hzorblatt', 'northcountyems.org')})`, region: 'markdown' },
    { label: 'a LIKE pattern of test accounts', text: 'EXCLUDE_LIKE = ["%@example.com", "zztest%@example.org"]', region: 'code' },
    { label: 'an address at a company after a time in Pacific time', text: `# refreshed 2024-10-15 16:20 PT by ${staff('hzorblatt', 'zzyzxrmc.org')} (cluster x)`, region: 'comment' },
    { label: 'a byline whose address follows its team on the next line', text: `nobody could reproduce. — Marcus Zorblatt, Perioperative Analytics\n(${staff('marcus.zorblatt', 'stzzyzxmc.org')}, Teams: @mzorblatt)`, region: 'markdown' },
    { label: "a mail header's message ids", text: `Message-ID: <CAF9x+0qT1pZ8mWc=Ryd7q2KQ@mail.zzyzx.example.gov>\nReferences: <a1@zzyzx.example.gov> <${staff('b2', 'gmail.com')}>`, region: 'output' },
  ]);
});
