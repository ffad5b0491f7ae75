/**
 * Messages and suggestions for findings, in the three UI languages. Rules in a pack refer to
 * these by key; a pack naming an unknown key is refused at load time.
 * Albanian and Serbian wording follows docs/glossary; to be confirmed by the language service.
 */
import type { UiLang } from './policy.types.js';

/** One message: what is wrong and what to do, per UI language. */
export interface MessageEntry {
  message: Record<UiLang, string>;
  suggestion: Record<UiLang, string>;
}

export const MESSAGES: Record<string, MessageEntry> = {
  'opinion.personal': {
    message: {
      en: 'Personal opinion or feeling in the first person (art. 4.1): official accounts cannot present personal attitudes.',
      sq: 'Mendim ose ndjenjë personale në vetën e parë (neni 4.1): llogaritë zyrtare nuk mund të paraqesin qëndrime personale.',
      sr: 'Lično mišljenje ili osećanje u prvom licu (član 4.1): zvanični nalozi ne mogu da iznose lične stavove.',
    },
    suggestion: {
      en: 'Rewrite as neutral institutional information, without "I", personal views or feelings.',
      sq: 'Rishkruajeni si informacion institucional neutral, pa "unë", pa mendime apo ndjenja personale.',
      sr: 'Preformulišite kao neutralnu institucionalnu informaciju, bez "ja", ličnih stavova ili osećanja.',
    },
  },
  'independence.deference': {
    message: {
      en: 'May raise doubt about judicial independence (art. 4.2): thanks, praise or deference to a government, minister, party or other political actor.',
      sq: 'Mund të ngjallë dyshim për pavarësinë e gjyqësorit (neni 4.2): falënderim, lavdërim ose nënshtrim ndaj qeverisë, ministrit, partisë apo aktorit politik.',
      sr: 'Može izazvati sumnju u nezavisnost sudstva (član 4.2): zahvalnost, pohvala ili povinovanje vladi, ministru, stranci ili drugom političkom akteru.',
    },
    suggestion: {
      en: 'Report the meeting or cooperation factually; do not thank political actors for guidance or submit judicial matters to them.',
      sq: 'Raportoni takimin ose bashkëpunimin në mënyrë faktike; mos falënderoni aktorë politikë për udhëzime dhe mos u nënshtroni çështje gjyqësore.',
      sr: 'Izvestite o sastanku ili saradnji činjenično; ne zahvaljujte političkim akterima na smernicama i ne podnosite im sudska pitanja.',
    },
  },
  'pending.comment': {
    message: {
      en: 'Comment on a pending case (art. 4.3): guilt, credibility of parties or witnesses, or a prediction of the outcome.',
      sq: 'Koment për një lëndë në procedurë (neni 4.3): fajësia, besueshmëria e palëve ose dëshmitarëve, ose parashikim i rezultatit.',
      sr: 'Komentar o predmetu u toku (član 4.3): krivica, verodostojnost stranaka ili svedoka, ili predviđanje ishoda.',
    },
    suggestion: {
      en: 'Keep to neutral procedural facts: case number, hearing date, what happened in court.',
      sq: 'Kufizohuni në fakte procedurale neutrale: numri i lëndës, data e seancës, çfarë ndodhi në gjykatë.',
      sr: 'Ograničite se na neutralne procesne činjenice: broj predmeta, datum ročišta, šta se desilo na sudu.',
    },
  },
  'party.support': {
    message: {
      en: 'Link to or support for a political party (art. 4.4a).',
      sq: 'Lidhje ose mbështetje për një parti politike (neni 4.4a).',
      sr: 'Link ka političkoj stranci ili podrška stranci (član 4.4a).',
    },
    suggestion: {
      en: 'Remove the party link, slogan or call to vote. Mention a party only as a litigant, neutrally.',
      sq: 'Hiqni lidhjen, sloganin ose thirrjen për votim. Përmendni partinë vetëm si palë në procedurë, në mënyrë neutrale.',
      sr: 'Uklonite link, slogan ili poziv na glasanje. Stranku pominjite samo neutralno, kao stranku u postupku.',
    },
  },
  'petition.support': {
    message: {
      en: 'Initiates, supports or links to a petition (art. 4.4b).',
      sq: 'Nis, mbështet ose lidh me një peticion (neni 4.4b).',
      sr: 'Pokreće, podržava ili upućuje na peticiju (član 4.4b).',
    },
    suggestion: {
      en: 'Remove the petition and the call to sign. Public consultations and complaint procedures may be announced.',
      sq: 'Hiqni peticionin dhe thirrjen për nënshkrim. Konsultimet publike dhe procedurat e ankesave mund të njoftohen.',
      sr: 'Uklonite peticiju i poziv na potpisivanje. Javne konsultacije i postupci za žalbe mogu se najaviti.',
    },
  },
  'decision.comment': {
    message: {
      en: 'Comments on a court decision (art. 4.4c): praise or criticism of a ruling, or disagreement with a court.',
      sq: 'Komenton një vendim gjyqësor (neni 4.4c): lavdërim ose kritikë e vendimit, ose mospajtim me një gjykatë.',
      sr: 'Komentariše sudsku odluku (član 4.4c): pohvala ili kritika odluke, ili neslaganje sa sudom.',
    },
    suggestion: {
      en: 'Announce that the decision was issued and what it says, without judging it (unless permission was granted in advance).',
      sq: 'Njoftoni se vendimi është marrë dhe çfarë thotë, pa e vlerësuar (përveç nëse është lejuar paraprakisht).',
      sr: 'Objavite da je odluka doneta i šta sadrži, bez ocenjivanja (osim ako je to unapred dozvoljeno).',
    },
  },
  'personal.identifier': {
    message: {
      en: 'Personal data (art. 4.5): personal number, private phone, e-mail, IBAN, licence plate or date of birth.',
      sq: 'Të dhëna personale (neni 4.5): numër personal, telefon privat, e-mail, IBAN, targë ose datëlindje.',
      sr: 'Lični podaci (član 4.5): lični broj, privatni telefon, e-pošta, IBAN, registarska tablica ili datum rođenja.',
    },
    suggestion: {
      en: "Remove the identifier; use only the court's official contacts and initials of private persons.",
      sq: 'Hiqni identifikuesin; përdorni vetëm kontaktet zyrtare të gjykatës dhe inicialet e personave privatë.',
      sr: 'Uklonite identifikator; koristite samo zvanične kontakte suda i inicijale privatnih lica.',
    },
  },
  'personal.sensitive': {
    message: {
      en: 'Confidential or sensitive information (art. 4.5): health data, home addresses, victims or minors, sealed or internal case content.',
      sq: 'Informacion konfidencial ose i ndjeshëm (neni 4.5): të dhëna shëndetësore, adresa banimi, viktima ose të mitur, përmbajtje e mbyllur ose e brendshme e lëndës.',
      sr: 'Poverljive ili osetljive informacije (član 4.5): zdravstveni podaci, kućne adrese, žrtve ili maloletnici, zapečaćen ili interni sadržaj spisa.',
    },
    suggestion: {
      en: 'Remove the sensitive detail; publish only what was made public in court, with initials.',
      sq: 'Hiqni detajin e ndjeshëm; publikoni vetëm atë që është bërë publike në gjykatë, me iniciale.',
      sr: 'Uklonite osetljivi detalj; objavite samo ono što je javno izneto na sudu, sa inicijalima.',
    },
  },
  'advertising.other': {
    message: {
      en: 'Advertising for another entity (art. 4.6): commercial promotion, prices, discounts, sponsors or giveaways.',
      sq: 'Reklamë për një subjekt tjetër (neni 4.6): promovim komercial, çmime, zbritje, sponsorë ose dhurata.',
      sr: 'Reklama drugog subjekta (član 4.6): komercijalna promocija, cene, popusti, sponzori ili nagradne igre.',
    },
    suggestion: {
      en: "Remove the promotion. Public-interest information and the court's own vacancies and events are fine.",
      sq: 'Hiqni promovimin. Informacioni me interes publik dhe konkurset e ngjarjet e vetë gjykatës janë në rregull.',
      sr: 'Uklonite promociju. Informacije od javnog interesa i sopstveni konkursi i događaji suda su u redu.',
    },
  },
  'security.risk': {
    message: {
      en: 'May endanger the security of the court, judges or staff (art. 4.8): whereabouts, routines, travel, homes, security arrangements or weaknesses.',
      sq: 'Mund të rrezikojë sigurinë e gjykatës, gjyqtarëve ose stafit (neni 4.8): vendndodhje, rutina, udhëtime, shtëpi, masa ose dobësi sigurie.',
      sr: 'Može ugroziti bezbednost suda, sudija ili osoblja (član 4.8): kretanje, navike, putovanja, domovi, mere ili slabosti obezbeđenja.',
    },
    suggestion: {
      en: 'Remove locations, times and security details; report events only after they happened.',
      sq: 'Hiqni vendndodhjet, oraret dhe detajet e sigurisë; raportoni ngjarjet vetëm pasi të kenë ndodhur.',
      sr: 'Uklonite lokacije, vreme i detalje obezbeđenja; o događajima izveštavajte tek nakon što se dese.',
    },
  },
  'language.missing': {
    message: {
      en: 'A required language version is missing (art. 3.11, multilingualism).',
      sq: 'Mungon një version gjuhësor i detyrueshëm (neni 3.11, shumëgjuhësia).',
      sr: 'Nedostaje obavezna jezička verzija (član 3.11, višejezičnost).',
    },
    suggestion: {
      en: 'Add the missing language version before publishing.',
      sq: 'Shtoni versionin gjuhësor që mungon para publikimit.',
      sr: 'Dodajte jezičku verziju koja nedostaje pre objavljivanja.',
    },
  },
  'language.mismatch': {
    message: {
      en: 'This language version does not seem to be written in the language it claims (art. 3.11).',
      sq: 'Ky version gjuhësor nuk duket i shkruar në gjuhën që deklaron (neni 3.11).',
      sr: 'Ova jezička verzija ne izgleda napisana na jeziku koji navodi (član 3.11).',
    },
    suggestion: {
      en: 'Check that the right translation is in this version.',
      sq: 'Kontrolloni që përkthimi i duhur të jetë në këtë version.',
      sr: 'Proverite da li je u ovoj verziji odgovarajući prevod.',
    },
  },
};

/** Resolve a message key in a UI language (falls back to English, then to the key itself). */
export function resolveMessage(key: string, ui: UiLang): { message: string; suggestion: string } {
  const m = MESSAGES[key];
  if (!m) return { message: key, suggestion: '' };
  return { message: m.message[ui] ?? m.message.en, suggestion: m.suggestion[ui] ?? m.suggestion.en };
}
