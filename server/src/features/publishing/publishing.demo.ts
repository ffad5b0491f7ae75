import type { DemoSeeder } from '../demo/demo.seed.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import type { Trx } from '../../platform/db/database.js';
import { newId, nowIso } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import { appendArchive } from '../archive/archive.service.js';
import { composeText } from '../posts/posts.check.js';
import { requiredLanguagesOf } from '../posts/posts.repository.js';
import { PUBLISH_JOB, publishKey } from './publishing.service.js';
import { accountRow } from '../accounts/accounts.rows.js';

type Lang = 'sq' | 'sr' | 'en' | 'tr' | 'bs';
const TEXTS: Record<Lang, string[]> = {
  sq: [
    'Gjykata njofton publikun se orari i punës me palët gjatë festave do të jetë nga ora 08:00 deri në 14:00.',
    'Sot u mbajt takimi i rregullt me përfaqësuesit e shoqërisë civile për transparencën e gjyqësorit.',
    'Ftojmë studentët e drejtësisë të aplikojnë për programin e praktikës verore në gjykatë.',
    'Gjykata ka përfunduar me sukses projektin e digjitalizimit të arkivit.',
    'Votoni PDK-në! Mbështesni partinë.',
  ],
  sr: [
    'Sud obaveštava javnost da će radno vreme sa strankama tokom praznika biti od 08:00 do 14:00.',
    'Danas je održan redovni sastanak sa predstavnicima civilnog društva o transparentnosti pravosuđa.',
    'Pozivamo studente prava da se prijave za program letnje prakse u sudu.',
    'Sud je uspešno završio projekat digitalizacije arhive.',
    'Obaveštenje za javnost.',
  ],
  en: [
    'Holiday hours: 08:00–14:00.',
    'Regular meeting with civil society on transparency.',
    'Summer internship for law students.',
    'Archive digitisation completed.',
    'Public notice.',
  ],
  tr: [
    'Mahkeme, bayram süresince taraflarla çalışma saatlerinin 08:00-14:00 olacağını duyurur.',
    'Bugün sivil toplum temsilcileriyle düzenli toplantı yapıldı.',
    'Hukuk öğrencilerini yaz stajı programına davet ediyoruz.',
    'Arşiv dijitalleştirme projesi başarıyla tamamlandı.',
    'Kamuoyuna duyuru.',
  ],
  bs: [
    'Radno vrijeme tokom praznika: 08:00–14:00.',
    'Redovni sastanak sa civilnim društvom.',
    'Ljetna praksa za studente prava.',
    'Digitalizacija arhive je završena.',
    'Obavještenje.',
  ],
};

const HANDLES: Record<string, [string, string]> = {
  'bc-prishtine': ['gjthprishtine', 'Gjykata Themelore në Prishtinë'],
  'bc-prizren': ['gjthprizren', 'Gjykata Themelore në Prizren'],
  kjc: ['kgjk', 'Këshilli Gjyqësor i Kosovës'],
};

async function demoAccounts(trx: Trx, institutionId: string, code: string) {
  let rows = await trx
    .selectFrom('accounts')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .where('platform', '=', 'sandbox')
    .where('status', '=', 'active')
    .execute();
  if (rows.length === 0) {
    const [handle, name] = HANDLES[code]!;
    const now = nowIso();
    await trx
      .insertInto('accounts')
      .values(
        accountRow({
          id: newId(),
          institution_id: institutionId,
          platform: 'sandbox',
          handle,
          display_name: name,
          external_id: handle,
          opened_at: now,
          created_at: now,
          updated_at: now,
        }),
      )
      .execute();
    rows = await trx
      .selectFrom('accounts')
      .selectAll()
      .where('institution_id', '=', institutionId)
      .where('platform', '=', 'sandbox')
      .where('status', '=', 'active')
      .execute();
  }
  return rows;
}

/** Without a decision the demo officer could not publish: appoint them, as the president would (art. 3.1). */
async function ensureAppointment(trx: Trx, institutionId: string, issuer: string, pio: string): Promise<void> {
  const has = await trx
    .selectFrom('decision_people')
    .innerJoin('decisions', 'decisions.id', 'decision_people.decision_id')
    .select('decisions.id')
    .where('decision_people.user_id', '=', pio)
    .where('decisions.institution_id', '=', institutionId)
    .executeTakeFirst();
  if (has) return;
  const id = newId();
  const from = '2025-01-15T08:00:00.000Z';
  await trx
    .insertInto('decisions')
    .values({
      id,
      institution_id: institutionId,
      number: `DEMO-${id.slice(0, 6).toUpperCase()}`,
      decided_on: from.slice(0, 10),
      kind: 'ro_appointment',
      issued_by: issuer,
      recorded_by: issuer,
      level: 'admin',
      covers_all_accounts: 1,
      effect_from: from,
      effect_until: null,
      target_decision_id: null,
      supersedes_decision_id: null,
      editor_request_id: null,
      summary: 'Demo: appointment of the Responsible Officer',
      file_id: null,
      created_at: nowIso(),
    })
    .execute();
  await trx.insertInto('decision_people').values({ decision_id: id, user_id: pio, role: 'responsible_officer' }).execute();
}

/** Demo posts for three institutions: drafts (one with a finding), one under review, scheduled and published ones. */
export const publishingDemoSeeder: DemoSeeder = async ({ trx, people, institutionId }) => {
  const plan: Array<[string, string, string]> = [
    ['bc-prishtine', 'president', 'pio'],
    ['bc-prizren', 'presidentPrizren', 'pioPrizren'],
    ['kjc', 'kjcChair', 'kjcPio'],
  ];
  const day = 24 * 3600_000;
  for (const [code, presKey, pioKey] of plan) {
    const inst = institutionId(code);
    const president = people[presKey];
    const pio = people[pioKey];
    if (!president || !pio) continue;
    await ensureAppointment(trx, inst, president.id, pio.id);
    const accounts = await demoAccounts(trx, inst, code);
    const langs = (await requiredLanguagesOf(trx, inst)) as Lang[];
    const shapes: Array<{ status: 'draft' | 'review' | 'scheduled' | 'published'; text: number; at?: number }> = [
      { status: 'published', text: 1, at: -3 * day },
      { status: 'published', text: 3, at: -1 * day },
      { status: 'scheduled', text: 0, at: 1 * day },
      { status: 'scheduled', text: 2, at: 3 * day },
      { status: 'review', text: 2 },
      { status: 'draft', text: 4 },
    ];
    for (const s of shapes) {
      const id = newId();
      // 10:00 or 11:00 in Kosovo (09:00 UTC) on the chosen day: always in the future for the scheduled ones.
      const day0 = new Date(Date.now() + (s.at ?? 0));
      const at = s.at !== undefined ? nowIso(new Date(Date.UTC(day0.getUTCFullYear(), day0.getUTCMonth(), day0.getUTCDate(), 9, 0))) : null;
      const approved = s.status === 'scheduled' || s.status === 'published';
      const now = nowIso();
      await trx
        .insertInto('posts')
        .values({
          id,
          institution_id: inst,
          status: s.status,
          link: null,
          comments_on_decision: 0,
          decision_permission_by: null,
          decision_permission_at: null,
          decision_permission_reason: null,
          override_by: null,
          override_at: null,
          override_reason: null,
          override_findings: null,
          scheduled_at: at,
          created_by: pio.id,
          submitted_by: s.status === 'draft' ? null : pio.id,
          submitted_at: s.status === 'draft' ? null : now,
          approved_by: approved ? president.id : null,
          approved_at: approved ? now : null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const variants = langs.map((l) => ({ lang: l, text: TEXTS[l]?.[s.text] ?? TEXTS.en[s.text]! }));
      for (const v of variants)
        await trx.insertInto('post_variants').values({ post_id: id, lang: v.lang, text: v.text, title: null }).execute();
      for (const acc of accounts) {
        const targetId = newId();
        const key = `courtdesk-${targetId}`;
        let ext: { externalId: string; url: string } | null = null;
        if (s.status === 'published')
          ext = await sandbox.seedPost(trx, acc.external_id ?? acc.handle, {
            idempotencyKey: key,
            text: composeText(variants),
            createdAt: at!,
          });
        await trx
          .insertInto('post_targets')
          .values({
            id: targetId,
            post_id: id,
            account_id: acc.id,
            status: s.status === 'published' ? 'published' : s.status === 'scheduled' ? 'scheduled' : 'pending',
            idempotency_key: key,
            external_id: ext?.externalId ?? null,
            url: ext?.url ?? null,
            published_at: ext ? at : null,
            attempts: ext ? 1 : 0,
            error_code: null,
            error_message: null,
            platform_message: null,
            next_attempt_at: null,
            updated_at: now,
          })
          .execute();
        if (ext)
          await appendArchive(trx, {
            institutionId: inst,
            postId: id,
            targetId,
            accountId: acc.id,
            platform: 'sandbox',
            kind: 'published',
            externalId: ext.externalId,
            url: ext.url,
            content: { text: composeText(variants), title: null, link: null, variants, media: [] },
            actorId: president.id,
            at: at!,
          });
        if (s.status === 'scheduled')
          await enqueueJob(trx, PUBLISH_JOB, { targetId }, { runAt: at!, dedupeKey: publishKey(targetId), maxAttempts: 12 });
      }
    }
  }
};
