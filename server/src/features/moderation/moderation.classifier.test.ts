import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyComment } from './index.js';

// The rule-level cases below check the rules alone (the learned booster may send a `keep` look-alike to
// `review`, never to `remove` without a rule cue — see moderation.booster.test.ts); the labelled-set
// targets at the end run the full system (rules + booster).
const act = (t: string): string => classifyComment(t, { booster: false }).action;
const cats = (t: string): string[] => classifyComment(t, { booster: false }).categories;

describe('insult — aimed at a person, in each language', () => {
  it.each([
    ['en', 'Judge Halim Rexha, you pathetic moron, read the file.'],
    ['en', 'That clerk is a lazy useless cow.'],
    ['sq', 'Gjyqtari Burim Leka është një budalla i madh.'],
    ['sq', 'o matufë, ku e keni mendjen'],
    ['sr', 'Sudija Stefan Lukić je obična budala.'],
    ['sr', 'Вы сте олош, а не судије.'.replace('Вы', 'Ви')],
  ])('%s: %s', (_l, text) => {
    expect(cats(text)).toContain('insult');
    expect(act(text)).toBe('remove');
  });
});

describe('the target decides: harsh words about a ruling are criticism', () => {
  it.each([
    'This verdict is a disgrace and frankly stupid.',
    'Ky vendim është budallallëk i pastër.',
    'Presuda je glupa i sramotna.',
    'Sistemi gjyqësor është i korruptuar deri në palcë.',
    'The justice system is broken and corrupt.',
  ])('keeps %s', (text) => expect(act(text)).toBe('keep'));
  it('the same word aimed at a person is an insult', () => {
    expect(act('Sudija je glup i bahat.')).toBe('remove');
    expect(act('Presuda je glupa.')).toBe('keep');
  });
});

describe('interjections, quoting to condemn, asking the admin', () => {
  it.each([
    'Jebote, opet odloženo ročište.',
    'Damn, the hearing got postponed again.',
    'Në dreq, prapë nuk punon sistemi.',
    "Please stop calling people 'gypsies', it's a slur.",
    "Mos përdorni fjalë si 'shkije' këtu, kjo është gjuhë e urrejtjes.",
    'Someone posted the judge’s home address above. Admins, please remove it.',
  ])('keeps %s', (text) => expect(act(text)).toBe('keep'));
});

describe('slurs', () => {
  it.each(['Šiptari su preuzeli sudove.', 'Shkijet s’kanë vend në gjykatë.', 'Send the shiptar judges home.', 'Цигани опет краду.'])(
    '%s',
    (text) => {
      expect(cats(text)).toEqual(['slur']);
    },
  );
  it('neutral ethnonyms are not slurs', () => {
    expect(act('Nije bitno da li je sudija Srbin ili Albanac.')).toBe('keep');
    expect(act('Gjyqtarët shqiptarë dhe serbë punojnë bashkë.')).toBe('keep');
  });
});

describe('threats', () => {
  it.each([
    'Judge Berisha, we know where you live.',
    'Gjyqtar, e ke ditën, mos harro.',
    'Sudijo, doći će i tvoj dan.',
    'These judges should be hanged.',
    'Ovakve sudije treba poklati.',
    'Kryetarit i duhet derë e blinduar. Do i duhet.',
  ])('%s', (text) => {
    expect(cats(text)).toContain('threat');
    expect(act(text)).toBe('remove');
  });
  it('reporting a violent crime is not a threat', () => {
    expect(act('The defendant was convicted of trying to kill his neighbour.')).toBe('keep');
    expect(act('I akuzuari u dënua për vrasje me 15 vjet burg.')).toBe('keep');
  });
});

describe('defamation: named person + crime stated as fact', () => {
  it.each([
    'Judge Arben Hasani took 10,000 euros from the defendant. I saw it.',
    'Gjyqtari Fatos Berisha ka marrë ryshfet për këtë vendim.',
    'Sudija Goran Savić je primio mito od investitora.',
  ])('%s', (text) => expect(cats(text)).toContain('defamation'));
  it.each([
    'I suspect Judge Hasani had a conflict of interest; it should be investigated.',
    'Ndoshta gjyqtari Berisha ka marrë ryshfet, duhet hetuar.',
    'Konkurs za sudije je namešten.',
    'The defendant was convicted of taking bribes.',
  ])('keeps hedged/general/procedural: %s', (text) => expect(act(text)).toBe('keep'));
});

describe('doxxing', () => {
  it('address + family workplace of a judge', () => {
    const r = classifyComment('Judge Vesa Ahmeti lives on Rruga B 12, next to the mosque. Her husband drives a red Golf.');
    expect(r.categories).toContain('doxxing');
  });
  it('routine with an invitation is also a threat', () => {
    const r = classifyComment('Sudija Petar Rakić svako jutro u 7 pije kafu u kafiću pored pošte. Ko ima interes.');
    expect(r.categories).toEqual(expect.arrayContaining(['doxxing', 'threat']));
  });
  it('a question about an address is fine', () => {
    expect(act('Who do I contact if the bailiff goes to the wrong address?')).toBe('keep');
  });
});

describe('spam', () => {
  it.each([
    'Bonus 200% 🎰 kazino 👉 spin-balkan.club',
    'Porosit tani me transport falas: krem-magjik.shop',
    'Verify your account within 24h or your page will be disabled: meta-help.co',
    'Earn money from home with crypto, DM me on WhatsApp +44 7700 900123',
  ])('%s', (text) => expect(cats(text)).toEqual(['spam']));
  it('free legal aid with a phone number is not spam', () => {
    expect(act('Free legal aid every Tuesday, call 038 200 18 000.')).toBe('keep');
  });
});

describe('obfuscation: masking, leetspeak, spacing, repeats, zero-width, caps, Cyrillic', () => {
  it.each([
    'k**va jedna sudska',
    'p*dhi i nanes tuaj',
    'you are an idi0t, judge',
    'SUD PUN KRETENAAAA 🤬',
    'Q E N E T   E   K G J K 🐕',
    'i d i o t judge',
    'judge, you are an id\u200Biot',
    'Sudija je IDIOT',
    'Судија је кретен.',
    'judge, you are an іdiot', // Cyrillic і homoglyph
  ])('%s', (text) => expect(act(text)).toBe('remove'));
});

describe('result shape and reasons', () => {
  it('reasons say which words, which category, art. 3.7, with offsets into the original', () => {
    const text = 'Ju jeni kretenë, gjyqtarë!';
    const r = classifyComment(text, { uiLang: 'sq' });
    expect(r.action).toBe('remove');
    const reason = r.reasons[0]!;
    expect(reason.article).toBe('3.7');
    expect(reason.category).toBe('insult');
    expect(text.slice(reason.start, reason.end)).toBe(reason.match);
    expect(reason.match.toLowerCase()).toContain('kreten');
    expect(reason.explanation).toMatch(/^Neni 3\.7 — fyerje/);
    expect(r.lang).toBe('sq');
    expect(r.score).toBeGreaterThanOrEqual(0.8);
  });
  it('explains in the requested UI language', () => {
    expect(classifyComment('You moron.', { uiLang: 'sr' }).reasons[0]!.explanation).toMatch(/^Član 3\.7/);
    expect(classifyComment('You moron.').reasons[0]!.explanation).toMatch(/^Art\. 3\.7/);
  });
  it('detects the language', () => {
    expect(classifyComment('Да ли суд у Грачаници ради поподне?').lang).toBe('sr');
    expect(classifyComment('Kur hapet konkursi për praktikantë në gjykatë?').lang).toBe('sq');
    expect(classifyComment('Is mediation mandatory before filing a dispute?').lang).toBe('en');
  });
});

describe('never crashes', () => {
  it('empty, whitespace, emoji-only, control characters', () => {
    for (const t of ['', '   ', '🙂🙂🙂', '🔥', '\u0000\u0001\u0007\u001b[31m', '\uD800', '***', '!!!???']) {
      const r = classifyComment(t);
      expect(['keep', 'review']).toContain(r.action);
      expect(r.reasons).toEqual([]);
    }
  });
  it('a 100 KB comment is classified in bounded time', () => {
    const chunk = 'The hearing was postponed again and nobody explained why. ';
    const big = chunk.repeat(Math.ceil(100_000 / chunk.length)) + ' Judge, you are a moron.';
    const t0 = performance.now();
    const r = classifyComment(big);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.action).toBe('remove');
  });
  it('100 KB of repeated abusive tokens stays bounded', () => {
    const big = 'idiot kreten budalla '.repeat(5000);
    const t0 = performance.now();
    expect(classifyComment(big).action).toBe('remove');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('gaps found by the blind runs (roles, implicit threats, addresses, invitations)', () => {
  it.each([
    ['threat', 'We know where the prosecutor parks his car. He should be careful.'],
    ['doxxing', 'Prokurorja Kelmendi banon ne rrugen Agim Ramadani nr 5, shkoni e vizitojeni'],
    ['threat', 'Prokurorja Kelmendi banon ne rrugen Agim Ramadani nr 5, shkoni e vizitojeni'],
    ['defamation', 'Тужилац Марковић је узео мито од оптуженог, то је чињеница.'],
    ['threat', 'Ki kujdes, përmbarues, po të shikojmë.'],
    ['threat', 'Neka se čuva izvršitelj.'],
    ['doxxing', 'Advokat Zoran Ilić živi u Ulici Vojvode Mišića 7, posetite ga.'],
    ['defamation', 'Judge Ana Lekaj acquitted him after the family bought her a new car.'],
  ])('%s: %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
    expect(act(text)).toBe('remove');
  });
  it.each([
    'Be careful with fake pages asking for court fees.',
    'Kujdes nga mashtruesit që thonë se janë nga gjykata.',
    'Čuvajte se lažnih poruka koje traže da platite taksu.',
    'Posetite sajt suda za raspored ročišta.',
    'I know where the judge is coming from, but the ruling is wrong.',
    'Jebem ti ovakav sistem, pet godina čekam.',
    'The defendant was found guilty of taking bribes from contractors.',
  ])('keeps %s', (text) => expect(act(text)).toBe('keep'));
});

/** The judge's scoring of a labelled JSONL set: shares caught (remove → remove|review), wrongly removed, sent to review. */
function scoreLabelled(jsonl: string): { caught: number; wrong: number; review: number } {
  const rows = jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; expect: string });
  let rem = 0;
  let caught = 0;
  let wrong = 0;
  let review = 0;
  for (const r of rows) {
    const a = classifyComment(r.text).action;
    if (a === 'review') review++;
    if (r.expect === 'remove') {
      rem++;
      if (a !== 'keep') caught++;
    } else if (a === 'remove') wrong++;
  }
  return { caught: caught / rem, wrong: wrong / (rows.length - rem), review: review / rows.length };
}

describe('labelled sets meet the targets (caught ≥ 95%, wrongly removed ≤ 2%, review ≤ 10%)', () => {
  const sets = {
    dev: fileURLToPath(new URL('../../../../../shared/eval/comments-dev.jsonl', import.meta.url)),
    holdout: fileURLToPath(new URL('./fixtures/holdout.jsonl', import.meta.url)),
    'holdout-blind2': fileURLToPath(new URL('./fixtures/holdout-blind2.jsonl', import.meta.url)),
    'holdout-2': fileURLToPath(new URL('./fixtures/holdout-2.jsonl', import.meta.url)),
    'holdout-3': fileURLToPath(new URL('./fixtures/holdout-3.jsonl', import.meta.url)),
    // round 10: blind 120-comment batch in the dev mix (83.3% / 1.4% / 9.2% before the round-10 changes)
    'holdout-10': fileURLToPath(new URL('./fixtures/holdout-10.jsonl', import.meta.url)),
    // round 11: 150 comments by a writer who never saw the engine (85.0% / 2.2% / 10.7% before round 11)
    'holdout-11': fileURLToPath(new URL('./fixtures/holdout-11.jsonl', import.meta.url)),
    // round 12: a second separate writer's batch, measured after round 11 (90.0% / 2.2% / 14.0% before round 12)
    'holdout-12': fileURLToPath(new URL('./fixtures/holdout-12.jsonl', import.meta.url)),
    // round 13: a third separate writer's batch, measured after round 12 (86.7% / 0.0% / 15.3% before round 13)
    'holdout-13': fileURLToPath(new URL('./fixtures/holdout-13.jsonl', import.meta.url)),
    // round 14: a fourth separate writer's batch, measured after round 13 (88.3% / 1.1% / 8.0% before round 14)
    'holdout-14': fileURLToPath(new URL('./fixtures/holdout-14.jsonl', import.meta.url)),
    // round 15: a fifth separate writer's batch, measured after round 14 (88.3% / 0.0% / 8.7% before round 15)
    'holdout-15': fileURLToPath(new URL('./fixtures/holdout-15.jsonl', import.meta.url)),
    // round 16: a sixth separate writer's batch, measured after round 15 (95.0% / 0.0% / 4.7% before round 16)
    'holdout-16': fileURLToPath(new URL('./fixtures/holdout-16.jsonl', import.meta.url)),
    // round 17: a seventh separate writer's batch, measured after round 16 (85.0% / 1.1% / 8.0% before round 17)
    'holdout-17': fileURLToPath(new URL('./fixtures/holdout-17.jsonl', import.meta.url)),
    // round 18: three more separate writers' batches, measured after round 17 (90.0/1.1/8.7, 91.7/4.4/14.7, 95.0/1.1/4.0
    // before; 90.0/1.1/8.0, 93.3/4.4/14.0, 95.0/1.1/4.0 after a blind vocabulary round; round 18 then fixed them by concept)
    'holdout-18': fileURLToPath(new URL('./fixtures/holdout-18.jsonl', import.meta.url)),
    'holdout-19': fileURLToPath(new URL('./fixtures/holdout-19.jsonl', import.meta.url)),
    'holdout-20': fileURLToPath(new URL('./fixtures/holdout-20.jsonl', import.meta.url)),
    // round 19: writer c21's batch, measured after round 18 (95.0% / 0.0% / 11.3% before round 19)
    'holdout-21': fileURLToPath(new URL('./fixtures/holdout-21.jsonl', import.meta.url)),
    // round 20: two more writers' batches, measured after round 19 (93.3/2.2/10.0 and 93.3/2.2/14.0 before round 20)
    'holdout-24': fileURLToPath(new URL('./fixtures/holdout-24.jsonl', import.meta.url)),
    'holdout-25': fileURLToPath(new URL('./fixtures/holdout-25.jsonl', import.meta.url)),
    // round 21: writer c26's batch, measured after round 20 (91.7% / 0.0% / 10.0% before round 21)
    'holdout-26': fileURLToPath(new URL('./fixtures/holdout-26.jsonl', import.meta.url)),
  };
  for (const [name, file] of Object.entries(sets)) {
    it(name, () => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return; // the shared dev set is not in every checkout
      }
      const s = scoreLabelled(text);
      expect(s.caught).toBeGreaterThanOrEqual(0.95);
      expect(s.wrong).toBeLessThanOrEqual(0.02);
      expect(s.review).toBeLessThanOrEqual(0.1);
    });
  }
});

describe('round 7 families (paraphrases, not the lead’s sentences)', () => {
  it.each([
    ['threat', "Prokuror, do të të gjejmë, s'ke ku fshihesh."],
    ['threat', 'Naći ćemo te, tužioče, nemaš gde da se sakriješ.'],
    ['threat', "Judge, you'll pay for this, I promise you."],
    ['threat', 'Gjyqtar, ke me e pagu kete vendim.'],
    ['threat', 'Tužioče, platićete vi za sve ovo.'],
    ['insult', 'You are a useless corrupt judge and everyone knows it.'],
    ['insult', 'Vi ste jedna pokvarena tužiteljka.'],
    ['insult', 'Svinje u togama sude narodu.'],
    ['insult', 'Derrat me toga në gjykatë na gjykojnë.'],
    ['insult', 'pigs in robes, all of them'],
    ['threat', 'Ki kujdes kur del natën nga zyra, prokuror, rrugët janë të vetmuara.'],
  ])('%s: %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
    expect(act(text)).toBe('remove');
  });
  it.each([
    'Do ta gjejmë zgjidhjen bashkë me gjykatën.',
    'Corrupt judges have nowhere to hide once the vetting law passes.',
    "Ljudi koji pišu 'treba ih povešati' treba da budu blokirani.",
    "Ata që shkruajnë 't'i varim gjyqtarët' duhet të bllokohen.",
    'Naći ćemo rešenje za ovaj problem.',
    'Platićete taksu za ovo u sudu, 20 evra.',
    'The justice system in this country is a rotten mess.',
    "Somebody here called the prosecutor a 'snake'; that kind of language is out of place.",
  ])('keep: %s', (text) => {
    expect(act(text)).toBe('keep');
  });
});

describe('round 8 families (probes, not holdout-8 sentences)', () => {
  it.each([
    "Lawyer said on TV the judge was a 'clown'. Not acceptable.",
    "Ai e ka quajtur gjyqtarin 'idiot' dhe tani po gjykohet.",
    "Nazvaće ga 'lopov' opet, ali to nije u redu.",
    "She kept saying the prosecutor was a 'liar' but the court disagreed.",
    'Justice here is a rotten clown show.',
    'Pravda je kurva politike u ovoj zemlji.',
    'Vendimi është idiotësi, gjykata është e pacipë.',
    'Be careful on the way home, the roads are icy tonight.',
    'Pazite kad idete kući, putevi su zaleđeni.',
  ])('keep: %s', (text) => expect(act(text)).toBe('keep'));
  it.each([
    'Careful when you walk to your car tonight, prosecutor. No cameras there.',
    "Kujdes kur kthehesh ne shtepi, gjyqtare, s'ka kamera ne ate rruge.",
    'Pazi se kad ideš kući, tužioče, svetla su ugašena.',
    'Ti si kreten, sudijo, i to ti kažem otvoreno.',
    "Prokurorin Shala e quajta 'qen' dhe do ta quaj prape, qen je!",
  ])('remove: %s', (text) => expect(act(text)).toBe('remove'));
});

describe('round 10 families (probes, not holdout-10 sentences)', () => {
  it.each([
    ['insult', 'Zyra e përmbaruesit plot me hajvana që s’dinë asgjë'],
    ['insult', 'The registry office is full of pigs who only care about their coffee breaks.'],
    ['insult', 'Prokurori Mehmeti, i paturpshëm dhe gënjeshtar, largohu nga posti'],
    ['insult', 'You people at the KJC have shit for brains'],
    ['insult', 'Vi u Sudskom savetu imate govna u glavi umesto mozga'],
    ['threat', 'Prokurori do ta paguajë me kokë, ta dini'],
    ['threat', 'Sudija će to platiti glavom, zapamtite'],
    ['threat', 'Judges like that end up in a ditch eventually. Only a matter of time.'],
    ['threat', 'Someone will make sure the prosecutor never works in this town again.'],
    ['threat', 'Këta prokurorët kanë me u varë një ditë'],
    ['threat', 'We know where your weekend house is, Judge Morina. Enjoy it while you can.'],
    ['slur', 'Ti Ciganštino jedna, šta tražiš u sudu'],
    ['spam', 'Punë nga shtëpia, pa përvojë, 50€ në ditë. Na shkruani në WhatsApp'],
    ['doxxing', 'Dëshmitari është Luani nga Gjilani, punon ndërrimin e natës te pompa, ka një Golf të zi. Bëni çka të doni me këtë.'],
    ['defamation', 'Registry clerk Ana Kovač sold the case files to the defence for 1,000 euros.'],
  ])('%s: %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
    expect(act(text)).toBe('remove');
  });
  it.each([
    'Is it true that the bonus for judges was cut this year? Asking honestly.',
    'Da li sudije dobijaju bonus za rešene predmete? Ako da, to objašnjava mnogo.',
    'Gjykata e Prizrenit plot me njerëz sot, pritëm 3 orë në korridor.',
    'The field behind the courthouse is full of stray dogs, someone please call the municipality.',
    'Gjyqtari Berisha, me respekt, vendimi juaj është i padrejtë.',
    'Vendimi duket sikur eshte shkruar me kembe ne vend te trurit, lexojeni paragrafin 5.',
    'Viktima e pagoi me jetë neglizhencën e policisë.',
    'It’s only a matter of time before the backlog doubles again.',
    'The car ended up in a ditch after the crash, and the trial took 6 years.',
    'We will make sure the judge never hears our case again: we filed for recusal today.',
    'Kanë me u vonu prap seancat, si gjithmonë.',
    'I work the night shift at the hospital and can’t attend morning hearings, can I request an afternoon slot?',
    'Pse prokuroria hesht kur bëhet fjalë për zyrtarët e lartë? Kjo është frikacake.',
    'Vendimi u publikua pas dy vitesh. Kjo është qesharake.',
    'Presuda je doneta bez dokaza. Ovo je kretenski.',
    'Sudija je donela kretensku odluku.',
    'Prokuroria e Prishtinës ka hapur hetim për rastin, lexova sot.',
  ])('keep: %s', (text) => expect(act(text)).toBe('keep'));
  it.each([
    'Gjyqtarja Krasniqi e liroi vrasësin. Kjo është frikacake dhe e shitur.',
    'Prokurorja e Prishtinës është një lopë e trashë.',
    'Sudija je kretenski glup.',
    'Sudijo, paziću na tebe kad budeš izlazio iz suda. Vidimo se.',
    'Shkaët në gjykatë duhen përzënë, s’kanë punë këtu.',
    'Hope someone torches that judge’s car tonight.',
    'I hope somebody shoots that prosecutor.',
  ])('remove: %s', (text) => expect(act(text)).toBe('remove'));
  it.each([
    'The arsonist who torched the courthouse archive in 2019 was finally convicted.',
    'Hope someone blows up the myth that the courts are independent.',
    'I wish the judges would finally publish their asset declarations.',
  ])('not removed: %s', (text) => expect(act(text)).not.toBe('remove'));
  it.each([
    'This is idiotic, the hearing was postponed again.',
    'It is a disgrace that Judge Hoti is still in office.',
    'It’s pathetic that nobody answers the phone at the registry.',
    'The judges in robes walked in at 10, the hearing started late.',
    'Neko je zapalio kontejner ispred suda, policija istražuje.',
    'Brojim dane do presude, toliko je dugo čekanje.',
    'Romët kanë të drejtë për përkthyes në gjykatë, si çdo komunitet.',
  ])('keep (round 10b): %s', (text) => expect(act(text)).toBe('keep'));
  it.each([
    'Judge Hoti, this is pathetic of you.',
    'It is obvious that Judge Hoti is a moron.',
    'Those donkeys in robes at the Supreme Court ruled again.',
    'Sudiji će neko zapaliti auto, videćete.',
    'Tužioče, brojiš dane.',
    'Prokleti Albanci opet sude po svom.',
  ])('remove (round 10b): %s', (text) => expect(act(text)).toBe('remove'));
  it.each([
    'Jebem ti sve, opet odlaganje.',
    'Ta qifsha këtë burokraci, tri herë më kthyen.',
    'Ku ta qifsha, harrova letërnjoftimin në shtëpi.',
    'Le ta vendosë gjykata, jo komentuesit në Facebook.',
    'The judge accepted a request from the defence lawyer to postpone the hearing.',
  ])('keep (round 10c): %s', (text) => expect(act(text)).toBe('keep'));
  it.each([
    'Jebem ti sve, sudijo Periću.',
    'Ta qifsha nënën, gjyqtar i shitur.',
    'Sudija Perić je primio sat od brata optuženog pred ročište, to je činjenica.',
    'Prokurori Zeka ka pranuar një Rolex nga vëllai i të akuzuarit, e di me siguri.',
  ])('remove (round 10c): %s', (text) => expect(act(text)).toBe('remove'));
});

describe("round 11 families (a separate writer's blind batch)", () => {
  it.each([
    'Ky prokuror nuk do të flejë rehat më, ta keni të qartë.',
    'Sudija Marić neće više mirno spavati, to mu garantujem.',
    'We never forget a face. Remember that, judge.',
    'If the courts will not act, people will take justice into their own hands, starting with that judge.',
    'I d 1 o t e  qe e shkruat kete vendim',
    'Urime! Keni fituar një kartë dhuratë 200€, klikoni këtu bit.ly/dhurata',
  ])('catches %s', (text) => expect(classifyComment(text).action).not.toBe('keep'));
  it.each([
    'Ja qifsha, prap na lanë pa energji në sallë, këtë javë të dytën herë.',
    "I'm not saying the judge is corrupt, but this ruling raises questions. Someone should look into it.",
    'We built this association with our own hands and we will keep fighting for justice in the courts.',
    'Kad izađem iz zatvora želim da radim pošteno, hvala sudu na drugoj šansi.',
    '1 2 3 4 5 — radni dani suda su od ponedeljka do petka.',
  ])('does not remove %s', (text) => expect(classifyComment(text).action).not.toBe('remove'));
});

describe('round 13: praise and lawful remedies are not held back for a named judge alone', () => {
  it('combine: a benign marker with no rule cue needs a near-remove score to go to review', async () => {
    const { combine } = await import('./moderation.classifier.js');
    const t = { review: 0.6, remove: 0.95 };
    const view = (hits: string[]) => ({ hits, flags: ['named', 'title'], findings: [] });
    expect(combine('keep', 0.8, view(['context.benign', 'context.title']), t).action).toBe('keep');
    expect(combine('keep', 0.8, view(['context.benign', 'context.title', 'defamation.hedge']), t).action).toBe('keep');
    expect(combine('keep', 0.8, view(['context.benign', 'insult.evaluative']), t).action).toBe('review');
    expect(combine('keep', 0.8, view(['context.title']), t).action).toBe('review');
  });
  it.each([
    'Браво за судију Јелену Милосављевић, поштено и стрпљиво водила рочиште, свака част.',
    'Credit where it is due: Judge Lirije Gashi explained every step to my elderly father. Rare and appreciated.',
    'Mislim da sudija Miloš Jovanović nije razumeo veštačenje i zato smo izgubili. Idemo na Vrhovni.',
  ])('keeps %s', (text) => expect(classifyComment(text).action).toBe('keep'));
});

describe('round 14: an exclamation about a situation is not profanity at a person', () => {
  it.each([
    "Ç'mut o kjo, prap ra sistemi online, tash e 3 ditë.",
    'What the hell is this, the site is down again.',
    'Kakvo sranje, opet ne radi sajt suda.',
  ])('does not remove %s', (text) => expect(classifyComment(text).action).not.toBe('remove'));
  it.each(['Ti je sranje od čoveka, sudijo.', 'Judge, you are a piece of shit.'])('still removes %s', (text) =>
    expect(classifyComment(text).action).not.toBe('keep'),
  );
});

describe('round 18: interjections, negated cues, own homes and institutions (probes, not the writers’ sentences)', () => {
  it.each([
    // a curse with its tail and up to two exclamation words, then a complaint about no one
    "Pidhi nanës, prap s'punon faqja e gjykatës, e treta ditë.",
    'Ajde bre, jebo te, opet su pomerili ročište.',
    // a negated revenge cue
    'Babai im u vra para 5 vjetësh. Nuk kërkoj hakmarrje, vetëm drejtësi.',
    'Ne tražimo osvetu nego pravdu za moju ćerku.',
    // the writer's own home
    'Dvadeset godina ne mogu da uđem u svoju kuću u Prizrenu, a sud ćuti. Sudija mi kaže da čekam.',
    // a harsh adjective on an institution (Albanian adjective after its noun)
    'Gjykata Themelore është institucioni më i pavlerë në qytet.',
  ])('does not remove %s', (text) => expect(classifyComment(text).action).not.toBe('remove'));
  it.each([
    'Ajde bre, jebo te sudijo, opet si odložio.',
    'Do të ketë hakmarrje për gjyqtarin Berisha, ai e di mirë.',
    'Gjyqtari Berisha është njeriu më i pavlerë në këtë vend.',
    'Judge Rama has the legal mind of a wet potato.',
    'Sudijo Petroviću, Gračanica je mali grad.',
  ])('does not keep %s', (text) => expect(classifyComment(text).action).not.toBe('keep'));
});

// Round 19's other two blind batches (c22 86.7/2.2/11.3 and c23 88.3/2.2/8.0 before round 19) still miss one target each
// after it (c22: 12% to review; c23: 2 of 90 keeps removed — warnings about scammers and a staff parking complaint).
// Guard what round 19 reached, honestly short of the targets, so that it cannot slip back unnoticed.
describe('blind batches still short of one target after their round (guarded at their reached level)', () => {
  it.each([
    ['holdout-22', 0.95, 0.02, 0.125],
    ['holdout-23', 0.95, 0.025, 0.1],
    // round 21: writer c27 (91.7 / 0.0 / 12.7 before); caught and wrongly removed meet the targets, review is 12%
    ['holdout-27', 0.95, 0.02, 0.125],
    // round 22: writer c28 (88.3 / 1.1 / 13.3 before); review stays at 12.7%
    ['holdout-28', 0.95, 0.02, 0.13],
    // round 22: writer c29 (93.3 / 1.1 / 12.0 before); review stays at 12%
    ['holdout-29', 0.95, 0.02, 0.125],
  ] as const)('%s', (name, minCaught, maxWrong, maxReview) => {
    const s = scoreLabelled(readFileSync(fileURLToPath(new URL(`./fixtures/${name}.jsonl`, import.meta.url)), 'utf8'));
    expect(s.caught).toBeGreaterThanOrEqual(minCaught);
    expect(s.wrong).toBeLessThanOrEqual(maxWrong);
    expect(s.review).toBeLessThanOrEqual(maxReview);
  });
});

describe('round 19: a request to remove a post about an official’s family is not a threat', () => {
  it('keeps the request', () =>
    expect(
      classifyComment("Admin, please remove the post about Judge Morina's children and where they study. You have no right.").action,
    ).not.toBe('remove'));
});

describe('round 20: the court’s own address is public', () => {
  it.each([
    "The court's official address is on its website: the new building next to the bus station, not the old one.",
    'Adresa e gjykatës në faqe është e vjetër, tani është në ndërtesën e re pranë spitalit.',
  ])('does not remove %s', (text) => expect(classifyComment(text).action).not.toBe('remove'));
  it('still removes a judge’s home address with a house number and a routine', () =>
    expect(classifyComment('Judge Morina lives at 14 Dardania Street, leaves every day at 7:30.').action).toBe('remove'));
});
